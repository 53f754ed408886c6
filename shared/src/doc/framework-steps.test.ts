// The method, RICE estimates and the MoSCoW step in control: the facilitator writes them through
// the control guard, which refuses a value that does not validate, an unknown key and anything
// nested; readers validate too.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkControlUpdate } from './control-guard.js'
import { FRAMEWORK_ROOT } from './framework.js'
import {
  readFrameworkMethod,
  readMoscowPlan,
  readRiceEstimates,
  setFrameworkMethod,
  setMoscowPlan,
  setRiceEstimates,
} from './framework-steps.js'
import { setRoundStatus } from './rounds.js'

const items = [
  { key: 'i:a', label: 'Rota' },
  { key: 'i:b', label: 'Triage' },
]
const RICE = {
  items,
  estimates: { 'i:a': { reach: 500, impact: 2, confidence: 0.8, clinical: 1.5, effort: 4 } },
}
const MOSCOW = {
  items,
  effortFrom: 'entered' as const,
  tags: { 'i:a': { category: 'must' as const, effort: 3 }, 'i:b': { category: 'wont' as const } },
}

function scene(weights?: 'open') {
  const server = new Y.Doc()
  if (weights) setRoundStatus(server, 'weights', weights, 1)
  const facilitator = new Y.Doc()
  Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
  const check = (fn: (d: Y.Doc) => void) => {
    const before = Y.encodeStateVector(facilitator)
    fn(facilitator)
    const update = Y.encodeStateAsUpdate(facilitator, before)
    const verdict = checkControlUpdate(server, update)
    if (verdict.ok) Y.applyUpdate(server, update)
    return verdict
  }
  return { server, facilitator, check }
}

const raw = (key: string, value: unknown) => (d: Y.Doc) => d.getMap(FRAMEWORK_ROOT).set(key, value)

describe('RICE and MoSCoW in the control document', () => {
  it('reads back what the facilitator wrote, through the guard', () => {
    const { server, check } = scene()
    expect(readFrameworkMethod(server)).toBe('weighted')
    expect(readRiceEstimates(server)).toBeNull()
    expect(readMoscowPlan(server)).toBeNull()
    expect(check((d) => setFrameworkMethod(d, 'rice'))).toEqual({ ok: true })
    expect(check((d) => setRiceEstimates(d, RICE))).toEqual({ ok: true })
    expect(check((d) => setMoscowPlan(d, MOSCOW))).toEqual({ ok: true })
    expect(readFrameworkMethod(server)).toBe('rice')
    expect(readRiceEstimates(server)).toEqual(RICE)
    expect(readMoscowPlan(server)).toEqual(MOSCOW)
    // Overwriting (which deletes the old value) and clearing are fine.
    expect(check((d) => setRiceEstimates(d, { items, estimates: {} }))).toEqual({ ok: true })
    expect(check((d) => d.getMap(FRAMEWORK_ROOT).delete('moscow'))).toEqual({ ok: true })
    expect(readMoscowPlan(server)).toBeNull()
  })

  const estimate = RICE.estimates['i:a']
  it.each([
    ['impact off its scale', 'rice', { items, estimates: { 'i:a': { ...estimate, impact: 4 } } }],
    ['confidence 90 %', 'rice', { items, estimates: { 'i:a': { ...estimate, confidence: 0.9 } } }],
    ['a multiplier of 10', 'rice', { items, estimates: { 'i:a': { ...estimate, clinical: 10 } } }],
    ['negative reach', 'rice', { items, estimates: { 'i:a': { ...estimate, reach: -1 } } }],
    ['fractional reach', 'rice', { items, estimates: { 'i:a': { ...estimate, reach: 1.5 } } }],
    ['reach past its bound', 'rice', { items, estimates: { 'i:a': { ...estimate, reach: 1e12 } } }],
    ['zero effort', 'rice', { items, estimates: { 'i:a': { ...estimate, effort: 0 } } }],
    ['effort as text', 'rice', { items, estimates: { 'i:a': { ...estimate, effort: '4' } } }],
    ['estimates of an unlisted item', 'rice', { items, estimates: { 'i:z': estimate } }],
    [
      'a category that is not MoSCoW',
      'moscow',
      { ...MOSCOW, tags: { 'i:a': { category: 'may' } } },
    ],
    ['negative effort', 'moscow', { ...MOSCOW, tags: { 'i:a': { category: 'must', effort: -2 } } }],
    ['an unknown effort source', 'moscow', { ...MOSCOW, effortFrom: 'guess' }],
    ['an unknown method', 'method', 'gut feeling'],
    ['criteria that do not validate', 'framework', { criteria: [] }],
    ['scores past the scale bound', 'scores', { items, scores: { 'i:a': { x: 1e9 } }, topN: 3 }],
  ])('refuses %s', (_, key, value) => {
    const { server, check } = scene()
    expect(check(raw(key, value))).toEqual({
      ok: false,
      reason: `the framework’s ${key} is not valid`,
    })
    expect(server.getMap(FRAMEWORK_ROOT).get(key)).toBeUndefined()
  })

  it('refuses unknown keys and anything nested under an entry', () => {
    const { check } = scene()
    const refused = { ok: false, reason: 'the framework holds only its known entries' }
    expect(check(raw('notes', 'hello'))).toEqual(refused)
    expect(check(raw('rice', new Y.Map()))).toEqual({
      ok: false,
      reason: 'the framework’s rice is not valid',
    })
  })

  it('takes RICE and MoSCoW while weights are proposed, not the method or the criteria', () => {
    const { check } = scene('open')
    expect(check((d) => setRiceEstimates(d, RICE))).toEqual({ ok: true })
    expect(check((d) => setMoscowPlan(d, MOSCOW))).toEqual({ ok: true })
    expect(check((d) => setFrameworkMethod(d, 'rice'))).toEqual({
      ok: false,
      reason: 'the criteria are fixed while weights are being proposed',
    })
  })

  it('reads a hostile value that got in some other way as none', () => {
    const doc = new Y.Doc()
    raw('rice', { items, estimates: { 'i:a': { ...estimate, impact: 7 } } })(doc)
    raw('moscow', { ...MOSCOW, items: [...items, ...items] })(doc)
    raw('method', 'rice ')(doc)
    expect([readRiceEstimates(doc), readMoscowPlan(doc), readFrameworkMethod(doc)]).toEqual([
      null,
      null,
      'weighted',
    ])
  })
})
