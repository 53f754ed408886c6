import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { checkControlUpdate } from './control-guard.js'
import { readConsensusScores, setConsensusScores } from './consensus-scores.js'
import { FRAMEWORK_ROOT } from './framework.js'

const SCORES = {
  items: [{ key: 'i:a', label: 'Rota' }],
  scores: { 'i:a': { safety: 4 } },
  topN: 3,
}

describe('consensus scores in the control document', () => {
  it('reads back what the facilitator wrote', () => {
    const doc = new Y.Doc()
    expect(readConsensusScores(doc)).toBeNull()
    setConsensusScores(doc, SCORES)
    expect(readConsensusScores(doc)).toEqual(SCORES)
  })

  it('reads scores that do not validate as none', () => {
    const doc = new Y.Doc()
    doc.getMap(FRAMEWORK_ROOT).set('scores', { ...SCORES, topN: 0 })
    expect(readConsensusScores(doc)).toBeNull()
  })

  it('the facilitator may write them, through the control guard', () => {
    const server = new Y.Doc()
    const facilitator = new Y.Doc()
    const updates: Uint8Array[] = []
    facilitator.on('update', (u: Uint8Array) => updates.push(u))
    setConsensusScores(facilitator, SCORES)
    expect(checkControlUpdate(server, updates[0]!)).toEqual({ ok: true })
  })
})
