import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noVscode = {
  'no-restricted-imports': ['error', {
    paths: [{ name: 'vscode', message: 'The core (src/exotel, src/phone, src/sandbox, src/stats) must stay free of the editor: pass what you need in.' }],
  }],
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
  { files: ['src/exotel/**', 'src/phone/**', 'src/sandbox/**', 'src/stats/**', 'src/webview-ui/**', 'src/common/callText/**'], rules: noVscode },
  {
    // Notifications render [label](command:…) as live links: they go through src/common/notify.ts, which defuses them.
    files: ['src/**/*.ts'],
    ignores: ['src/common/notify.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.property.name='window'][property.name=/^show(Information|Warning|Error)Message$/]",
        message: 'Use showInfo/showWarning/showError from src/common/notify.ts: text from Exotel must not become a command link.',
      }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', Buffer: 'readonly', URL: 'readonly', window: 'readonly', document: 'readonly', location: 'readonly', Element: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
