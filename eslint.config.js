// Lint: typescript-eslint's recommended type-aware rules, React hooks, and the layer rule
// (shared imports neither client nor server; client and server never import each other;
// client features never import each other).
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const layer = (forbidden, extra = []) => ({
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        ...extra,
        ...forbidden.map((name) => ({
          group: [
            `@triage/${name}`,
            `@triage/${name}/*`,
            `**/${name}/src/*`,
            `../${name}/*`,
            `../../${name}/*`,
          ],
          message: `This package may not import ${name}/ (see DESIGN.md, Architecture).`,
        })),
      ],
    },
  ],
})

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'data/**', '**/.tsbuild/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  { files: ['shared/**/*.ts'], rules: layer(['client', 'server', 'e2e']) },
  {
    // Inside shared: schema/ <- domain/ <- doc/ (+ protocol/). Pure code never touches Yjs.
    files: ['shared/src/domain/**/*.ts'],
    rules: layer(
      ['client', 'server', 'e2e'],
      [
        {
          group: ['yjs', 'yjs/*', 'lib0', 'lib0/*', '../doc/*', '../protocol/*'],
          message: 'domain/ is pure: it imports schema/ only, never doc/, protocol/ or Yjs.',
        },
      ],
    ),
  },
  {
    files: ['shared/src/schema/**/*.ts'],
    rules: layer(
      ['client', 'server', 'e2e'],
      [
        {
          group: ['yjs', 'yjs/*', 'lib0', 'lib0/*', '../doc/*', '../protocol/*', '../domain/*'],
          message: 'schema/ is the bottom layer: it imports nothing else of shared, nor Yjs.',
        },
      ],
    ),
  },
  { files: ['server/**/*.ts'], rules: layer(['client', 'e2e']) },
  {
    files: ['client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...layer(['server', 'e2e']),
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Kits serve every feature and import none (see STYLE.md: app -> features -> kits).
    files: ['client/src/{board,sync,ui,lib,results}/**/*.{ts,tsx}'],
    rules: layer(
      ['server', 'e2e'],
      [
        {
          group: ['**/features/*', '**/features/**'],
          message:
            'A kit may not import a feature (see STYLE.md); move what is shared into the kit.',
        },
      ],
    ),
  },
  {
    // Features never import each other; what several views share lives in board/, sync/, ui/, lib/.
    files: ['client/src/features/**/*.{ts,tsx}'],
    rules: layer(
      ['server', 'e2e'],
      [
        {
          regex: '^\\.\\./[^.]',
          message:
            'A feature may not import another feature (see STYLE.md); share it from board/, sync/, ui/ or lib/.',
        },
      ],
    ),
  },
)
