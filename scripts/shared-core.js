// One copy of the code that dist/extension.js and dist/mcp.js both bundle (the client, the sandbox, flows, phone
// numbers, the agent tools and their npm packages): esbuild.js puts it in dist/core.js, and both programs require it
// at run time. The TypeScript sources stay as they are: which modules are shared is read from esbuild's own module
// graphs (the modules both entry points reach), and a plugin turns each import of a shared module into a look-up in
// dist/core.js. Each shared module still runs once, when first imported, and is the same instance for every importer.
const esbuild = require('esbuild');
const path = require('path');

const CORE_FILE = 'core.js';
const NAMESPACE = 'shared-core';

/** The modules (paths relative to absWorkingDir) each build reaches, and what each imports. */
async function moduleGraph(options) {
  const { metafile } = await esbuild.build({ ...options, write: false, metafile: true, minify: false, sourcemap: false, logLevel: 'silent' });
  return metafile.inputs;
}

/**
 * Which modules go to the core: those both builds reach (a module a shared module imports is reached by both, so
 * the set is closed), and of those the ones imported from outside it, which the core exposes by path.
 */
async function planSharedCore(entryOptions) {
  const graphs = await Promise.all(entryOptions.map(moduleGraph));
  const shared = new Set(Object.keys(graphs[0]).filter(f => graphs.every(g => f in g)));
  const exposed = new Set();
  for (const graph of graphs) {
    for (const [file, input] of Object.entries(graph)) {
      if (shared.has(file)) continue;
      for (const imp of input.imports) if (shared.has(imp.path)) exposed.add(imp.path);
    }
  }
  return { shared, exposed: [...exposed].sort() };
}

/**
 * The core's entry: an object with one getter per exposed module. A getter requires its module, so a module (and
 * what it imports) is initialised when a program first imports it, as in a single bundle, not when core.js loads;
 * its exports object is kept, so every importer gets the same one.
 */
function coreEntry(root, exposed) {
  const getters = exposed.map((f, i) => `  get ${JSON.stringify(f)}() { return (loaded[${i}] ??= require(${JSON.stringify(path.join(root, f))})); },`);
  return {
    contents: `const loaded = [];\nmodule.exports = {\n${getters.join('\n')}\n};\n`,
    resolveDir: root,
    sourcefile: 'shared-core-entry.js',
    loader: 'js',
  };
}

/** For the entry builds: an import that resolves to an exposed module becomes `require('./core.js')[path]`. */
function useSharedCore(root, exposed) {
  const wanted = new Set(exposed);
  return {
    name: 'use-shared-core',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async args => {
        if (args.pluginData === NAMESPACE || args.kind === 'entry-point') return undefined;
        if (args.namespace === NAMESPACE) return { path: `./${CORE_FILE}`, external: true };
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: NAMESPACE });
        if (r.errors.length > 0 || r.external) return undefined; // esbuild reports it as usual
        const rel = path.relative(root, r.path).split(path.sep).join('/');
        return wanted.has(rel) ? { path: rel, namespace: NAMESPACE } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, args => ({
        contents: `module.exports = require(${JSON.stringify(`./${CORE_FILE}`)})[${JSON.stringify(args.path)}];`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}

module.exports = { CORE_FILE, planSharedCore, coreEntry, useSharedCore };
