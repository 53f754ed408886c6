// The layer rules are lint rules: these fixtures prove each zone refuses what it must.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname })

/** The rule ids ESLint reports for `code` as if it lived at `filePath`. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message)
}

describe('lint zones', () => {
  it.each([
    [
      'a feature importing another feature',
      'client/src/features/voting-x/a.ts',
      "import { x } from '../participant/vote-model'\nexport const y = x\n",
    ],
    [
      'a kit importing a feature',
      'client/src/board/a.ts',
      "import { x } from '../features/participant/vote-model'\nexport const y = x\n",
    ],
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
      'a feature importing a kit',
      'client/src/features/voting-x/a.ts',
      "import { x } from '../../board/board-model'\nexport const y = x\n",
    ],
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
