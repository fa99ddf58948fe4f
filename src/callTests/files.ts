// Turns CLI arguments (files, folders, globs such as `tests/**/*.exotel-tests.json`) into suite files.
import * as fs from 'fs';
import * as path from 'path';
import { SUITE_FILE_SUFFIX } from './suiteSchema';

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-host', '.vscode-test']);

/** A glob as a RegExp over `/`-separated relative paths: `**` any folders, `*` and `?` within a name. */
export function globRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        i++;
        re += '(?:.*/)?';
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name)) walk(full, out);
    } else if (e.isFile()) out.push(full);
  }
}

/** Files for the arguments, in order, each once; `missing` lists arguments that matched nothing. */
export function expandSuiteArgs(args: readonly string[], cwd = process.cwd()): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const found: string[] = [];
    if (/[*?]/.test(arg)) {
      const norm = arg.split(path.sep).join('/');
      const staticPart = norm
        .split('/')
        .filter((_, i, parts) => !/[*?]/.test(parts.slice(0, i + 1).join('/')))
        .join('/');
      const root = path.resolve(cwd, staticPart || '.');
      const re = globRegExp(path.resolve(cwd, norm).split(path.sep).join('/'));
      const all: string[] = [];
      walk(root, all);
      found.push(...all.filter(f => re.test(f.split(path.sep).join('/'))));
    } else {
      const full = path.resolve(cwd, arg);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
      if (stat?.isDirectory()) {
        const all: string[] = [];
        walk(full, all);
        found.push(...all.filter(f => f.endsWith(SUITE_FILE_SUFFIX)));
      } else if (stat?.isFile()) found.push(full);
    }
    if (!found.length) missing.push(arg);
    for (const f of found.sort()) if (!files.includes(f)) files.push(f);
  }
  return { files, missing };
}
