// The layer rules are lint rules: these fixtures prove each zone refuses what it must.
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// The fixtures are virtual files no TypeScript project holds: the zone rules need no types.
const eslint = new ESLint({
  cwd: new URL('../..', import.meta.url).pathname,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], ...tseslint.configs.disableTypeChecked }],
})

/** The rule ids ESLint reports for `code` as if it lived at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('lint zones', () => {
  it.each([
    [
      'domain/ importing yjs',
      'shared/src/domain/a.ts',
      "import * as Y from 'yjs'\nexport const y = Y\n",
    ],
    [
      'domain/ importing doc/',
      'shared/src/domain/a.ts',
      "import { readBoard } from '../doc/board.js'\nexport const y = readBoard\n",
    ],
    [
      'schema/ importing domain/',
      'shared/src/schema/a.ts',
      "import { tally } from '../domain/tally.js'\nexport const y = tally\n",
    ],
    [
      'shared importing the server',
      'shared/src/doc/a.ts',
      "import { x } from '@triage/server'\nexport const y = x\n",
    ],
    [
      'the client importing the server',
      'client/src/lib/a.ts',
      "import { x } from '../../../server/src/app.js'\nexport const y = x\n",
    ],
  ])('refuses %s', async (_what, filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain('no-restricted-imports')
  })

  it.each([
    [
      'domain/ importing schema/',
      'shared/src/domain/a.ts',
      "import { LIMITS } from '../schema/workshop.js'\nexport const y = LIMITS\n",
    ],
    [
      'doc/ importing domain/ and yjs',
      'shared/src/doc/a.ts',
      "import * as Y from 'yjs'\nimport { tally } from '../domain/tally.js'\nexport const y = [Y, tally]\n",
    ],
  ])('allows %s', async (_what, filePath, code) => {
    expect(await ruleIds(filePath, code)).not.toContain('no-restricted-imports')
  })
})

// The client's zones (app -> features -> kits; no feature imports another) resolve each import's
// path, as bulletproof-react's import/no-restricted-paths does, so however it is spelt.
const ZONE = 'zones/no-restricted-paths'

describe('client zones', () => {
  it.each([
    [
      'a feature importing another feature',
      'client/src/features/join/a.ts',
      "import { x } from '../landing/landing-page'\nexport const y = x\n",
    ],
    [
      'a feature re-exporting another feature',
      'client/src/features/join/a.ts',
      "export { x } from '../landing/landing-page'\n",
    ],
    [
      'a feature importing another feature by a longer way round',
      'client/src/features/join/a.ts',
      "import { x } from '../../board/../features/landing/x'\nexport const y = x\n",
    ],
    [
      'a feature importing app/ (the registry imports features, not the reverse)',
      'client/src/features/join/a.ts',
      "import { x } from '../../app/app'\nexport const y = x\n",
    ],
    [
      'a kit importing a feature',
      'client/src/board/a.ts',
      "import { x } from '../features/join/join-form'\nexport const y = x\n",
    ],
    [
      'a kit loading a feature lazily',
      'client/src/ui/a.ts',
      "export const y = () => import('../features/landing/landing-page')\n",
    ],
    [
      'a kit importing app/',
      'client/src/lib/a.ts',
      "import { x } from '../app/routes'\nexport const y = x\n",
    ],
    [
      "one phase's console importing another phase's",
      'client/src/features/voting/console/a.tsx',
      "import { x } from '../../brainstorm/console/timer-controls'\nexport const y = x\n",
    ],
    [
      "one phase's phone part importing another phase's",
      'client/src/features/cluster/phone/a.tsx',
      "import { x } from '../../voting/phone/vote-model'\nexport const y = x\n",
    ],
    [
      'a phase importing the phase registry',
      'client/src/features/cluster/phone/a.tsx',
      "import { x } from '../../../app/phases'\nexport const y = x\n",
    ],
    [
      'the sealed-round kit importing a phase',
      'client/src/rounds/a.ts',
      "import { x } from '../features/voting/vote-progress'\nexport const y = x\n",
    ],
    [
      'the results kit importing a phase',
      'client/src/results/a.ts',
      "import { x } from '../features/voting/console/voting-panel'\nexport const y = x\n",
    ],
  ])('refuses %s', async (_what, filePath, code) => {
    expect(await ruleIds(filePath, code)).toContain(ZONE)
  })

  it.each([
    [
      'a feature importing a kit',
      'client/src/features/join/a.ts',
      "import { x } from '../../board/board-model'\nexport const y = x\n",
    ],
    [
      'a feature importing its own modules',
      'client/src/features/join/a.ts',
      "import { x } from './join-form'\nexport const y = x\n",
    ],
    [
      'a kit importing another kit',
      'client/src/board/a.ts',
      "import { x } from '../ui/focus'\nexport const y = x\n",
    ],
    [
      'app/ importing a feature',
      'client/src/app/a.ts',
      "import { x } from '../features/landing/landing-page'\nexport const y = x\n",
    ],
    [
      "a phase's console importing its own phone and shared modules",
      'client/src/features/voting/console/a.tsx',
      "import { x } from '../phone/vote-model'\nimport { z } from '../vote-progress'\nexport const y = [x, z]\n",
    ],
    [
      'a phase importing the sealed-round kit',
      'client/src/features/voting/console/a.tsx',
      "import { x } from '../../../rounds/round-controls'\nexport const y = x\n",
    ],
    [
      'a shell loading a phase lazily',
      'client/src/app/phases.ts',
      "export const y = () => import('../features/voting/phone/voting-phone')\n",
    ],
  ])('allows %s', async (_what, filePath, code) => {
    expect(await ruleIds(filePath, code)).not.toContain(ZONE)
  })
})
