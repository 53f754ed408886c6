// The framework in control: the facilitator sets up criteria (not while weights are proposed);
// the adopted weights are the server's alone.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { findPreset } from '../domain/framework/presets.js'
import { checkControlUpdate } from './control-guard.js'
import { readAdoptedWeights, readFramework, setAdoptedWeights, setFramework } from './framework.js'
import { setRoundStatus } from './rounds.js'

const framework = findPreset('clinical-value')!.framework

function scene(weightsStatus?: 'open' | 'closed') {
  const server = new Y.Doc()
  if (weightsStatus) setRoundStatus(server, 'weights', weightsStatus, 1)
  const facilitator = new Y.Doc()
  Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
  return { server, facilitator }
}

function change(doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  fn(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

const adopted = {
  weights: { 'clinical-impact': 100 },
  basis: 'groups' as const,
  at: 1,
  proposals: 0,
  consensus: null,
}

describe('the framework in control', () => {
  it('reads back what was written, and nothing that does not validate', () => {
    const { server } = scene()
    expect(readFramework(server)).toBeNull()
    setFramework(server, framework)
    setAdoptedWeights(server, adopted)
    expect(readFramework(server)).toEqual(framework)
    expect(readAdoptedWeights(server)).toEqual(adopted)
    server.getMap('framework').set('framework', { criteria: [] })
    expect(readFramework(server)).toBeNull()
  })

  it('lets the facilitator set up criteria before and after proposals, not while open', () => {
    for (const status of [undefined, 'closed'] as const) {
      const { server, facilitator } = scene(status)
      const update = change(facilitator, (d) => setFramework(d, framework))
      expect(checkControlUpdate(server, update)).toEqual({ ok: true })
    }
    const { server, facilitator } = scene('open')
    const update = change(facilitator, (d) => setFramework(d, framework))
    expect(checkControlUpdate(server, update)).toEqual({
      ok: false,
      reason: 'the criteria are fixed while weights are being proposed',
    })
  })

  it('refuses any client’s write of the adopted weights', () => {
    const { server, facilitator } = scene()
    const update = change(facilitator, (d) => setAdoptedWeights(d, adopted))
    expect(checkControlUpdate(server, update)).toEqual({
      ok: false,
      reason: 'the adopted weights are written by the server',
    })
  })
})
