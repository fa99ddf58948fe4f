import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import path from 'node:path';

const noVscode = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'vscode',
          message:
            'The core (src/exotel, src/phone, src/sandbox, src/callTests, src/callbacks, src/stats, src/agentTools, src/mcp) must stay free of the editor: pass what you need in.',
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

const notifyOnly = {
  selector: "MemberExpression[object.property.name='window'][property.name=/^show(Information|Warning|Error)Message$/]",
  message: 'Use showInfo/showWarning/showError from src/common/notify.ts: text from Exotel must not become a command link.',
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
  { files: ['src/**/*.ts'], ignores: ['src/extension.ts', 'src/testHandle.ts'], plugins: { layers }, rules: { 'layers/no-cross-feature': 'error' } },
  {
    // Notifications render [label](command:…) as live links: they go through src/common/notify.ts, which defuses them.
    // Words go through the one translator (src/common/callText/translate.ts); only the composition root installs vscode.l10n.t.
    files: ['src/**/*.ts'],
    ignores: ['src/common/notify.ts', 'src/extension.ts'],
    rules: { 'no-restricted-syntax': ['error', notifyOnly, oneTranslator] },
  },
  { files: ['src/extension.ts'], rules: { 'no-restricted-syntax': ['error', notifyOnly] } },
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
