// Decisions in the control document: read validated and in order, edited live (the rationale
// as a shared text), and the control guard admitting exactly that shape and nothing else.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DECISION_LIMITS } from '../schema/decision.js'
import { cleanText } from '../schema/text.js'
import { initControl } from './control.js'
import { checkControlUpdate } from './control-guard.js'
import {
  addDecision,
  decisionRationale,
  DECISIONS_ROOT,
  readDecisions,
  removeDecision,
  setDecisionField,
} from './decisions.js'

const settings = {
  title: 'Which wards first?',
  objective: '',
  groups: [
    { id: 'g1', name: 'Surgeons' },
    { id: 'g2', name: 'Nurses' },
  ],
  dotBudget: 5,
  maxDotsPerItem: 3,
  anonymous: true,
}

const A = 'dAAAAAAAA'
const B = 'dBBBBBBBB'

/** The server's control document with one decision, and a facilitator's replica. */
function scene() {
  const server = new Y.Doc()
  initControl(server, settings)
  addDecision(server, { id: A, item: 'i:x', title: 'Theatre app' })
  const facilitator = new Y.Doc()
  Y.applyUpdate(facilitator, Y.encodeStateAsUpdate(server))
  return { server, facilitator }
}

function change(doc: Y.Doc, fn: (d: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  fn(doc)
  return Y.encodeStateAsUpdate(doc, before)
}

const decisionMap = (d: Y.Doc, id = A) => d.getMap(DECISIONS_ROOT).get(id) as Y.Map<unknown>

describe('reading decisions', () => {
  it('reads each decision with its fields, in order, the rationale as text', () => {
    const { server } = scene()
    addDecision(server, { id: B, item: 'c:y', title: 'Bed board' })
    decisionRationale(server, A)!.insert(0, 'Safest first.')
    setDecisionField(server, A, 'owner', 'Dana')
    setDecisionField(server, A, 'dissent', [{ group: 'g2', words: 'Too slow' }])
    setDecisionField(server, A, 'review', '2027-01-31')
    const list = readDecisions(server)
    expect(list.map((d) => [d.id, d.order, d.title])).toEqual([
      [A, 0, 'Theatre app'],
      [B, 1, 'Bed board'],
    ])
    expect(list[0]).toMatchObject({
      rationale: 'Safest first.',
      owner: 'Dana',
      dissent: [{ group: 'g2', words: 'Too slow' }],
      review: '2027-01-31',
      conditions: '',
    })
    removeDecision(server, A)
    expect(readDecisions(server).map((d) => d.id)).toEqual([B])
  })

  it('refuses invalid values when writing, and reads past invalid stored ones', () => {
    const { server } = scene()
    expect(() => setDecisionField(server, A, 'review', '2027-02-30')).toThrow()
    expect(() => setDecisionField(server, A, 'owner', 'x'.repeat(500))).toThrow()
    decisionMap(server).set('owner', 42)
    decisionMap(server).set('dissent', [{ group: 'nurses', words: 'x' }])
    server.getMap(DECISIONS_ROOT).set('not an id', new Y.Map())
    server.getMap(DECISIONS_ROOT).set('dCCCCCCCC', 'plain')
    const [d] = readDecisions(server)
    expect(readDecisions(server)).toHaveLength(1)
    expect(d).toMatchObject({ owner: '', dissent: [] })
  })
})

describe('checkControlUpdate admits the facilitator’s decisions', () => {
  it.each([
    ['add a decision', (d: Y.Doc) => addDecision(d, { id: B, item: 'i:z', title: 'Z' })],
    ['type into the rationale', (d: Y.Doc) => decisionRationale(d, A)!.insert(0, 'Because')],
    ['set the owner', (d: Y.Doc) => setDecisionField(d, A, 'owner', 'Ida')],
    ['set the conditions', (d: Y.Doc) => setDecisionField(d, A, 'conditions', 'If funded\nby Q2')],
    [
      'name a dissenting group',
      (d: Y.Doc) => setDecisionField(d, A, 'dissent', [{ group: 'g2', words: 'Too slow' }]),
    ],
    ['set a review date', (d: Y.Doc) => setDecisionField(d, A, 'review', '2027-03-01')],
    ['remove a decision', (d: Y.Doc) => removeDecision(d, A)],
  ])('%s', (_name, fn) => {
    const { server, facilitator } = scene()
    expect(checkControlUpdate(server, change(facilitator, fn))).toEqual({ ok: true })
  })

  it('admits a second facilitator’s concurrent edit of the same rationale', () => {
    const { server, facilitator } = scene()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(server))
    const one = change(facilitator, (d) => decisionRationale(d, A)!.insert(0, 'Safety. '))
    const two = change(other, (d) => decisionRationale(d, A)!.insert(0, 'Cost. '))
    expect(checkControlUpdate(server, one)).toEqual({ ok: true })
    Y.applyUpdate(server, one)
    expect(checkControlUpdate(server, two)).toEqual({ ok: true })
    Y.applyUpdate(server, two)
    expect(readDecisions(server)[0]!.rationale).toMatch(/Safety\. |Cost\. /)
    expect(readDecisions(server)[0]!.rationale.length).toBe('Safety. Cost. '.length)
  })
})

describe('checkControlUpdate refuses any other shape in the decisions root', () => {
  it.each([
    ['a plain value as a decision', (d: Y.Doc) => d.getMap(DECISIONS_ROOT).set(B, { item: 'x' })],
    ['a decision under a bad id', (d: Y.Doc) => d.getMap(DECISIONS_ROOT).set('x', new Y.Map())],
    ['a text as a decision', (d: Y.Doc) => d.getMap(DECISIONS_ROOT).set(B, new Y.Text('x'))],
    ['an unknown field', (d: Y.Doc) => decisionMap(d).set('script', 'x')],
    ['a rationale that is a plain value', (d: Y.Doc) => decisionMap(d).set('rationale', 'x')],
    ['a field that is a shared type', (d: Y.Doc) => decisionMap(d).set('owner', new Y.Text('x'))],
    ['an invalid date', (d: Y.Doc) => decisionMap(d).set('review', '2027-13-01')],
    ['a number as the owner', (d: Y.Doc) => decisionMap(d).set('owner', 7)],
    ['an overlong owner', (d: Y.Doc) => decisionMap(d).set('owner', 'x'.repeat(121))],
    [
      'dissent by an unknown kind of group',
      (d: Y.Doc) => decisionMap(d).set('dissent', [{ group: '<script>', words: 'x' }]),
    ],
    [
      'a map nested in a decision',
      (d: Y.Doc) => {
        const m = new Y.Map()
        decisionMap(d).set('conditions', m)
      },
    ],
    [
      'a decision with a map under the rationale key',
      (d: Y.Doc) => {
        const m = new Y.Map<unknown>()
        m.set('rationale', new Y.Map())
        d.getMap(DECISIONS_ROOT).set(B, m)
      },
    ],
    [
      'formatting in the rationale',
      (d: Y.Doc) => decisionRationale(d, A)!.insert(0, 'x', { bold: true }),
    ],
    [
      'an embed in the rationale',
      (d: Y.Doc) => decisionRationale(d, A)!.insertEmbed(0, { image: 'x' }),
    ],
    [
      'a rationale past its bound',
      (d: Y.Doc) => decisionRationale(d, A)!.insert(0, 'x'.repeat(DECISION_LIMITS.rationale + 1)),
    ],
  ])('%s', (_name, fn) => {
    const { server, facilitator } = scene()
    expect(checkControlUpdate(server, change(facilitator, fn)).ok).toBe(false)
  })

  it('bounds a rationale by what it holds after the update, deletions counted', () => {
    const { server, facilitator } = scene()
    const full = change(facilitator, (d) =>
      decisionRationale(d, A)!.insert(0, 'a'.repeat(DECISION_LIMITS.rationale)),
    )
    expect(checkControlUpdate(server, full)).toEqual({ ok: true })
    Y.applyUpdate(server, full)
    // Replacing the whole text with as much again is fine; adding one more character is not.
    const replace = change(facilitator, (d) => {
      const t = decisionRationale(d, A)!
      t.delete(0, t.length)
      t.insert(0, 'b'.repeat(DECISION_LIMITS.rationale))
    })
    expect(checkControlUpdate(server, replace)).toEqual({ ok: true })
    Y.applyUpdate(server, replace)
    const more = change(facilitator, (d) => decisionRationale(d, A)!.insert(0, 'c'))
    expect(checkControlUpdate(server, more).ok).toBe(false)
  })
})

describe('checkControlUpdate and honest facilitators', () => {
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('add' as const),
      n: fc.nat(3),
      title: fc.string({ maxLength: 30 }),
    }),
    fc.record({
      kind: fc.constant('type' as const),
      n: fc.nat(3),
      at: fc.nat(50),
      remove: fc.nat(5),
      text: fc.string({ maxLength: 40 }),
    }),
    fc.record({
      kind: fc.constant('field' as const),
      n: fc.nat(3),
      field: fc.constantFrom('owner', 'conditions', 'questions'),
      value: fc.string({ maxLength: 60 }),
    }),
    fc.record({
      kind: fc.constant('dissent' as const),
      n: fc.nat(3),
      words: fc.string({ maxLength: 60 }),
    }),
    fc.record({ kind: fc.constant('remove' as const), n: fc.nat(3) }),
  )
  const ids = ['dAAAAAAAA', 'dBBBBBBBB', 'dCCCCCCCC', 'dDDDDDDDD']

  it('admits every edit the accessors make, from two replicas taking turns', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), op), { maxLength: 25 }), (steps) => {
        const server = new Y.Doc()
        initControl(server, settings)
        const replicas = [new Y.Doc(), new Y.Doc()]
        for (const r of replicas) Y.applyUpdate(r, Y.encodeStateAsUpdate(server))
        for (const [which, o] of steps) {
          const doc = replicas[which ? 1 : 0]!
          Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
          const id = ids[o.n]!
          const update = change(doc, (d) => {
            const exists = readDecisions(d).some((x) => x.id === id)
            if (o.kind === 'add') {
              if (!exists) addDecision(d, { id, item: `i:${o.n}`, title: o.title })
            } else if (!exists) {
              return
            } else if (o.kind === 'type') {
              const t = decisionRationale(d, id)!
              const at = Math.min(o.at, t.length)
              t.delete(at, Math.min(o.remove, t.length - at))
              t.insert(at, cleanText(o.text, { multiline: true }))
            } else if (o.kind === 'field') {
              setDecisionField(d, id, o.field, o.value)
            } else if (o.kind === 'dissent') {
              setDecisionField(d, id, 'dissent', [{ group: 'g2', words: o.words }])
            } else {
              removeDecision(d, id)
            }
          })
          const verdict = checkControlUpdate(server, update)
          expect(verdict).toEqual({ ok: true })
          Y.applyUpdate(server, update)
        }
      }),
      { numRuns: 150 },
    )
  })
})
