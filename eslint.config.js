// Lint: typescript-eslint's recommended type-aware rules, React hooks, and the layer rules
// (shared imports neither client nor server; client and server never import each other; inside
// the client, app -> features -> kits, and no feature imports another).
import { readdirSync } from 'node:fs'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const root = dirname(fileURLToPath(import.meta.url))

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

/** Whether `path` is `dir` or lies under it (both absolute). */
const inside = (path, dir) => {
  const rel = relative(dir, path)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
const list = (x) => (Array.isArray(x) ? x : [x])

/**
 * eslint-plugin-import's `no-restricted-paths` in miniature, as bulletproof-react uses it: a
 * file under a zone's `target` may not import (statically, dynamically or by re-export) a
 * module whose resolved path lies under the zone's `from`, unless under one of its `except`
 * (relative to `from`). Paths are resolved, so `../../x` and `../x` are judged by where they
 * land, not by how they are spelt.
 */
const zonesPlugin = {
  rules: {
    'no-restricted-paths': {
      meta: {
        type: 'problem',
        schema: [
          {
            type: 'object',
            properties: { zones: { type: 'array' } },
            required: ['zones'],
            additionalProperties: false,
          },
        ],
        messages: { restricted: '{{message}}' },
      },
      create(context) {
        const file = context.filename
        const zones = context.options[0].zones.filter((zone) =>
          list(zone.target).some((target) => inside(file, resolve(root, target))),
        )
        if (zones.length === 0) return {}
        const check = (node) => {
          const source = node.source
          if (source?.type !== 'Literal' || typeof source.value !== 'string') return
          if (!source.value.startsWith('.')) return
          const imported = resolve(dirname(file), source.value)
          for (const zone of zones) {
            const from = list(zone.from)
              .map((dir) => resolve(root, dir))
              .find((dir) => inside(imported, dir))
            if (!from) continue
            if ((zone.except ?? []).some((dir) => inside(imported, resolve(from, dir)))) continue
            context.report({ node: source, messageId: 'restricted', data: zone })
            return
          }
        }
        return {
          ImportDeclaration: check,
          ImportExpression: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
        }
      },
    },
  },
}

/** Folders directly under client/src/`under`. */
const folders = (under) =>
  readdirSync(join(root, 'client/src', under), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)

// The client's zones (see STYLE.md and docs/architecture.md): app/ (the shells and the phase
// registry) may import anything; a feature (one phase, or a page such as join) imports kits only,
// never another feature nor app/; a kit (every other folder: ui, sync, board, rounds, lib,
// results, ...) imports other kits only. New folders fall into their zone by themselves.
const clientZones = [
  ...folders('features').map((feature) => ({
    target: `client/src/features/${feature}`,
    from: 'client/src/features',
    except: [`./${feature}`],
    message:
      'A feature may not import another feature (see STYLE.md); share it from a kit (board/, rounds/, ui/, lib/, ...).',
  })),
  {
    target: 'client/src/features',
    from: 'client/src/app',
    message:
      'A feature may not import app/: the registry and the shells import features, not the reverse.',
  },
  {
    target: folders('.')
      .filter((name) => name !== 'app' && name !== 'features')
      .map((kit) => `client/src/${kit}`),
    from: ['client/src/features', 'client/src/app'],
    message:
      'A kit may not import a feature or app/ (see STYLE.md); move what is shared into the kit.',
  },
]

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
    plugins: { 'react-hooks': reactHooks, zones: zonesPlugin },
    rules: {
      ...layer(['server', 'e2e']),
      'zones/no-restricted-paths': ['error', { zones: clientZones }],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Type-aware rules (issue 10): a promise nobody awaits loses its error, a promise handed
    // where nothing awaits it (an onClick) does too, and a switch over a union must name every
    // member so that a new phase or event cannot slip past one.
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vitest.config.ts', 'scripts/test/*.ts'] },
        tsconfigRootDir: root,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
    },
  },
  {
    // Source past 400 lines is a warning: time to split it (tests and harnesses may run long).
    files: ['{shared,server,client}/src/**/*.{ts,tsx}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.test-data.ts'],
    rules: { 'max-lines': ['warn', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
)
