// The command line shared by the host runners (run-in-host.js, run-e2e.js, test-electron.js).
'use strict';

/** `--name value` options and `--flag`s of this process; `infra` stops with exit 2, its message tagged `[tag]`. */
function cli(tag) {
  const argv = process.argv.slice(2);
  return {
    argv,
    arg: (n, d) => {
      const i = argv.indexOf('--' + n);
      return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d;
    },
    flag: n => argv.includes('--' + n),
    infra: msg => {
      console.error(`[${tag}] ${msg}`);
      process.exit(2);
    },
  };
}

module.exports = { cli };
