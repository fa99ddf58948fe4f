import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import path from 'node:path';
import fs from 'node:fs';

const noVscode = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'vscode',
          message:
            'The core (src/exotel, src/phone, src/sandbox, src/webhooks, src/callTests, src/callbacks, src/stats, src/agentTools, src/mcp) must stay free of the editor: pass what you need in.',
        },
      ],
    },
  ],
};

// Resolves each relative import: a file in src/features/<a>/ must not reach into src/features/<b>/, and nothing
// outside src/features (common, session, the core) may reach into a feature. What two features share moves to
// src/common or src/session.
const FEATURES = path.resolve('src/features');
const featureOf = file => {
  const rel = path.relative(FEATURES, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? undefined : rel.split(path.sep)[0];
};
const layers = {
  rules: {
    'no-cross-feature': {
      meta: { type: 'problem', schema: [] },
      create(context) {
        const from = featureOf(context.filename);
        const check = (node, source) => {
          if (typeof source !== 'string' || !source.startsWith('.')) return;
          const to = featureOf(path.resolve(path.dirname(context.filename), source));
          if (to === undefined || to === from) return;
          context.report({
            node,
            message: from
              ? `The feature '${from}' imports the feature '${to}': move what they share to src/common or src/session.`
              : `Shared code imports the feature '${to}': features depend on the shared layers, never the other way.`,
          });
        };
        return {
          ImportDeclaration: n => check(n, n.source.value),
          ExportNamedDeclaration: n => n.source && check(n, n.source.value),
          ExportAllDeclaration: n => check(n, n.source.value),
        };
      },
    },
  },
};

// The folder table of docs/ARCHITECTURE.md as lint: what each core folder may import besides itself (and Node's
// and npm's modules). The longest matching prefix decides; folders not listed here (common, features) are
// held by no-cross-feature above. A new core folder gets a row here before its first import. src/base (tiny helpers of
// the language itself) is open to every folder.
const EVERYONE = ['src/base'];
const CORE = [
  'src/phone',
  'src/exotel',
  'src/webhooks',
  'src/sandbox',
  'src/flows',
  'src/callbacks',
  'src/stats',
  'src/agentTools',
  'src/callTests',
  'src/webview-ui',
];
const FOLDER_TABLE = {
  'src/base': [],
  'src/phone': ['src/common/callText'],
  'src/exotel': ['src/phone', 'src/common/callText'],
  'src/webhooks': [],
  'src/sandbox': ['src/phone', 'src/webhooks', 'src/flows'],
  'src/flows': ['src/webhooks', 'src/phone', 'src/common/callText/translate.ts'],
  'src/callbacks': ['src/webhooks', 'src/exotel', 'src/common/callText'],
  'src/stats': ['src/exotel', 'src/phone', 'src/common/callText'],
  'src/agentTools': ['src/exotel', 'src/phone', 'src/stats', 'src/common/callText'],
  'src/mcp': ['src/agentTools', 'src/exotel', 'src/sandbox', 'src/stats', 'src/common/callText'],
  'src/callTests': ['src/exotel', 'src/sandbox', 'src/flows', 'src/webhooks', 'src/phone', 'src/common/callText'],
  'src/webview-ui': ['src/common/untrustedText.ts'],
  'src/common/callText': ['src/exotel', 'src/phone', 'src/common/privacy.ts', 'src/webview-ui/protocol.ts'],
  // The editor's shared layers: never a feature, never the composition root.
  'src/session': [...CORE, 'src/common'],
  'src/services': [...CORE, 'src/common', 'src/session', 'src/deps.ts'],
};
const under = (file, folder) => file === path.resolve(folder) || file.startsWith(path.resolve(folder) + path.sep);
const rowOf = file =>
  Object.keys(FOLDER_TABLE)
    .filter(folder => under(file, folder))
    .sort((a, b) => b.length - a.length)[0];
const resolved = (from, source) => {
  const target = path.resolve(path.dirname(from), source);
  return /\.[cm]?[jt]s$/.test(target) || target.endsWith(path.sep + 'index') ? target : [target, target + '.ts'];
};
layers.rules['folder-table'] = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const row = rowOf(context.filename);
    if (!row) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const targets = [resolved(context.filename, source)].flat();
      if (targets.some(t => under(t, row))) return;
      if (targets.some(t => [...FOLDER_TABLE[row], ...EVERYONE].some(allowed => under(t, allowed) || t === path.resolve(allowed)))) return;
      const to = path.relative(path.resolve('.'), targets[0]);
      context.report({ node, message: `${row} may not import ${to} (docs/ARCHITECTURE.md, the folder table in eslint.config.mjs).` });
    };
    return {
      ImportDeclaration: n => check(n, n.source.value),
      ExportNamedDeclaration: n => n.source && check(n, n.source.value),
      ExportAllDeclaration: n => check(n, n.source.value),
    };
  },
};

// Command ids are written once, in src/common/commandIds.ts (package.json declares the same list, checked by a unit
// test): anywhere else, src and tests alike, a string equal to one is an error.
const CONTRIBUTES = JSON.parse(fs.readFileSync('package.json', 'utf8')).contributes;
const VIEW_IDS = Object.values(CONTRIBUTES.views).flatMap(views => views.map(v => v.id));
// Commands, and the views' own `<view>.focus` commands (VS Code's, written in VIEWS).
const COMMAND_IDS = new Set([...CONTRIBUTES.commands.map(c => c.command), ...VIEW_IDS.map(id => `${id}.focus`)]);
layers.rules['command-ids'] = {
  meta: { type: 'problem', schema: [] },
  create(context) {
    const check = (node, value) => {
      if (COMMAND_IDS.has(value)) context.report({ node, message: `Write COMMANDS.… or VIEWS.… (src/common/commandIds.ts) instead of '${value}'.` });
    };
    return {
      Literal: n => typeof n.value === 'string' && check(n, n.value),
      TemplateLiteral: n => n.expressions.length === 0 && check(n, n.quasis[0].value.cooked),
    };
  },
};

const notifyOnly = {
  selector: "MemberExpression[object.property.name='window'][property.name=/^show(Information|Warning|Error)Message$/]",
  message: 'Use showInfo/showWarning/showError from src/common/notify.ts: text from Exotel must not become a command link.',
};
const plainError = {
  selector: "ThrowStatement > NewExpression[callee.name='Error']",
  message: 'Throw an ExotelError or ValidationError (src/exotel/errors.ts): the user gets its next step, not a bare message.',
};
const oneTranslator = {
  selector: "MemberExpression[object.property.name='l10n'][property.name='t'], MemberExpression[object.name='l10n'][property.name='t']",
  message: 'Use t from src/common/callText/translate.ts: one translator for every user-facing string.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.vscode-host/**', '.vscode-test/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      'no-console': 'off',
    },
  },
  {
    files: [
      'src/exotel/**',
      'src/phone/**',
      'src/sandbox/**',
      'src/callbacks/**',
      'src/webhooks/**',
      'src/base/**',
      'src/flows/**',
      'src/stats/**',
      'src/webview-ui/**',
      'src/common/callText/**',
      'src/common/settingSpecs.ts',
      'src/common/commandIds.ts',
      // The agent tools (table, answers, guards), shared by the editor's language-model tools and the MCP server.
      'src/agentTools/**',
      'src/mcp/**',
      'src/callTests/**',
    ],
    rules: noVscode,
  },
  // extension.ts (the composition root) is the one place that wires features; testHandle.ts is its test-only view of them.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/extension.ts', 'src/testHandle.ts'],
    plugins: { layers },
    rules: { 'layers/no-cross-feature': 'error', 'layers/folder-table': 'error' },
  },
  { files: ['src/**/*.ts', 'test/**/*.ts'], ignores: ['src/common/commandIds.ts'], plugins: { layers }, rules: { 'layers/command-ids': 'error' } },
  {
    // Notifications render [label](command:…) as live links: they go through src/common/notify.ts, which defuses them.
    // Words go through the one translator (src/common/callText/translate.ts); only the composition root installs vscode.l10n.t.
    files: ['src/**/*.ts'],
    ignores: ['src/common/notify.ts', 'src/extension.ts'],
    rules: { 'no-restricted-syntax': ['error', notifyOnly, oneTranslator] },
  },
  { files: ['src/extension.ts'], rules: { 'no-restricted-syntax': ['error', notifyOnly] } },
  {
    // What reaches the user from the editor's layers is a structured error (its next step becomes buttons).
    files: ['src/features/**/*.ts', 'src/common/**/*.ts', 'src/services/**/*.ts', 'src/session/**/*.ts'],
    ignores: ['src/common/notify.ts'],
    rules: { 'no-restricted-syntax': ['error', notifyOnly, oneTranslator, plainError] },
  },
  {
    // Type-aware: a promise nobody awaits, returns or marks `void` is a rejection nobody sees (and, in a command,
    // an error the user is never shown); an async function where a void callback is expected is the same thing.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        Buffer: 'readonly',
        URL: 'readonly',
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        Element: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
