// The decide phase on a real server: facilitators write decisions live into control (the
// rationale a shared text), recording logs each version, consent is a sealed round counted per
// group, closing the workshop is logged; hostile shapes, tokens and answers are refused or dropped.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  addDecision,
  decisionRationale,
  DECISIONS_ROOT,
  docName,
  parseDocName,
  readControl,
  readDecisions,
  readRoundResult,
  readRoundState,
  consentRound,
  setDecisionField,
  setRoundInputEntry,
  type JoinResponse,
} from '@triage/shared'
import { connect, post, roundScene, startServer, synced, until, type Client } from './helpers.js'

const A = 'dTheatre01'
const B = 'dBedBoard01'

type Scene = Awaited<ReturnType<typeof roundScene>> & { token: string }

async function scene(): Promise<Scene> {
  const s = await roundScene(await startServer())
  return { ...s, token: s.facilitatorToken }
}

const onServer = <T>(s: Scene, fn: (d: Y.Doc) => T) =>
  s.server.app.rooms.read({ workshopId: s.workshopId, kind: 'control' }, fn)

/** Resolves once the server's control document satisfies `predicate`. */
async function stored(s: Scene, predicate: (d: Y.Doc) => boolean, what: string) {
  const lease = await s.server.app.rooms.acquire({ workshopId: s.workshopId, kind: 'control' })
  try {
    await until(lease.room.doc, () => predicate(lease.room.doc), what)
  } finally {
    lease.release()
  }
}

async function call(s: Scene, method: string, path: string, token?: string) {
  const res = await fetch(s.server.url + path, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  const text = await res.text()
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null }
}

/** Resolves with the reason of the server's next permission-denied for this client. */
function refused(client: Client): Promise<string> {
  return new Promise((resolve) => {
    const original = client.provider.messageHandlers[2]!
    client.provider.messageHandlers[2] = (encoder, decoder, provider, emitSynced, type) => {
      const reason = decoder.arr.slice(decoder.pos)
      original(encoder, decoder, provider, emitSynced, type)
      resolve(new TextDecoder().decode(reason))
    }
  })
}

const record = (s: Scene, id: string, token = s.token) =>
  call(s, 'POST', `/api/workshops/${s.workshopId}/decisions/${id}/record`, token)
const round = (s: Scene, action: string) =>
  post<{ error?: { message: string } }>(
    s.server,
    `/api/workshops/${s.workshopId}/rounds/consent/${action}`,
    {},
    s.token,
  )
const logTexts = (s: Scene) => onServer(s, (d) => readControl(d).log.map((e) => e.text))

/** A participant answers through a stock provider; resolves once the server holds it. */
async function answer(s: Scene, who: JoinResponse, entries: Record<string, unknown>) {
  const name = docName({
    workshopId: s.workshopId,
    kind: 'private',
    participantId: who.participantId,
  })
  const client = connect(s.server, name, who.token)
  await synced(client)
  client.doc.transact(() => {
    for (const [k, v] of Object.entries(entries)) setRoundInputEntry(client.doc, 'consent', k, v)
  })
  const lease = await s.server.app.rooms.acquire(parseDocName(name)!)
  try {
    const json = (d: Y.Doc) => JSON.stringify(d.getMap('round:consent').toJSON())
    await until(lease.room.doc, () => json(lease.room.doc) === json(client.doc), 'answers stored')
  } finally {
    lease.release()
  }
}

describe('decisions on a real server', () => {
  it('are written live by the facilitator and each version is recorded in the log', async () => {
    const s = await scene()
    addDecision(s.control.doc, { id: A, item: 'i:theatre', title: 'Theatre app' })
    decisionRationale(s.control.doc, A)!.insert(0, 'Safest for patients.')
    setDecisionField(s.control.doc, A, 'owner', 'Dana')
    setDecisionField(s.control.doc, A, 'dissent', [{ group: 'g2', words: 'Too slow to roll out' }])
    await stored(s, (d) => readDecisions(d)[0]?.owner === 'Dana', 'the decision')
    await stored(s, (d) => readDecisions(d)[0]?.dissent.length === 1, 'the dissent')

    expect((await record(s, A)).body).toEqual({ outcome: 'recorded' })
    expect((await record(s, A)).body).toEqual({ outcome: 'unchanged' })
    setDecisionField(s.control.doc, A, 'owner', 'Ida')
    await stored(s, (d) => readDecisions(d)[0]?.owner === 'Ida', 'the new owner')
    expect((await record(s, A)).body).toEqual({ outcome: 'changed' })
    expect(await logTexts(s)).toEqual(
      expect.arrayContaining([
        'Decision recorded: "Theatre app" (owner Dana)',
        'Decision changed: "Theatre app" (owner)',
      ]),
    )
    const events = await onServer(s, (d) => readControl(d).log.map((e) => e.event))
    expect(events.find((e) => e.type === 'decision-recorded')).toMatchObject({
      rationale: 'Safest for patients.',
      dissent: [{ group: 'g2', words: 'Too slow to roll out' }],
    })

    expect(
      (await call(s, 'DELETE', `/api/workshops/${s.workshopId}/decisions/${A}`, s.token)).status,
    ).toBe(204)
    expect(await onServer(s, readDecisions)).toEqual([])
    expect(await logTexts(s)).toContain('Decision withdrawn: "Theatre app"')
  })

  it('refuses hostile requests and shapes', async () => {
    const s = await scene()
    addDecision(s.control.doc, { id: A, item: 'i:theatre', title: 'Theatre app' })
    await stored(s, (d) => readDecisions(d).length === 1, 'the decision')
    expect((await record(s, 'dNoSuchOne')).status).toBe(404)
    expect((await record(s, '..%2F..%2Fetc')).status).toBe(404)
    expect((await record(s, A, s.ana.token)).status).toBe(403)
    expect((await record(s, A, 'x'.repeat(40))).status).toBe(401)
    expect(
      (await call(s, 'DELETE', `/api/workshops/${s.workshopId}/decisions/${A}`, s.cy.token)).status,
    ).toBe(403)

    // A participant's replica of control writes nothing, not even a decision.
    const phone = connect(
      s.server,
      docName({ workshopId: s.workshopId, kind: 'control' }),
      s.ana.token,
    )
    await synced(phone)
    const phoneRefused = refused(phone)
    addDecision(phone.doc, { id: B, item: 'i:bed', title: 'Bed board' })
    expect(await phoneRefused).toContain('read-only')
    // The facilitator's own hostile shapes: a script-named field, a rationale that is a value.
    const rogue = connect(s.server, docName({ workshopId: s.workshopId, kind: 'control' }), s.token)
    await synced(rogue)
    const m = rogue.doc.getMap(DECISIONS_ROOT).get(A) as Y.Map<unknown>
    const rogueRefused = refused(rogue)
    m.set('onerror', '<img src=x onerror=alert(1)>')
    expect(await rogueRefused).toContain('a decision holds its fields and its rationale')
    // Then an honest edit from the first client, which the server does apply.
    setDecisionField(s.control.doc, A, 'owner', 'Dana')
    await stored(s, (d) => readDecisions(d)[0]?.owner === 'Dana', 'the honest edit')
    const held = await onServer(s, (d) => d.getMap(DECISIONS_ROOT).toJSON())
    expect(Object.keys(held)).toEqual([A])
    expect(held[A]).not.toHaveProperty('onerror')
  })
})

describe('consent, a sealed round', () => {
  it('cannot open without a decision, then counts answers per group, hostile ones dropped', async () => {
    const s = await scene()
    const refused = await round(s, 'open')
    expect(refused.status).toBe(409)
    expect(refused.body.error?.message).toBe('Add a decision before asking for consent')

    addDecision(s.control.doc, { id: A, item: 'i:theatre', title: 'Theatre app' })
    addDecision(s.control.doc, { id: B, item: 'i:bed', title: 'Bed board' })
    await stored(s, (d) => readDecisions(d).length === 2, 'two decisions')
    expect((await round(s, 'open')).status).toBe(204)

    await answer(s, s.ana, { [A]: 'accept', [B]: 'object' })
    await answer(s, s.ben, { [A]: 'accept', [B]: 'maybe', dNotADecision: 'object' })
    await answer(s, s.cy, { [A]: 'object', [B]: 7 })
    await s.server.app.progress.flush()
    // While open, control holds counts only: nobody's answer is in it.
    const before = JSON.stringify(await onServer(s, (d) => d.toJSON()))
    expect(before).not.toContain('"object"')

    expect((await round(s, 'close')).status).toBe(204)
    // An answer after close does not count.
    await answer(s, s.ben, { [B]: 'accept' })
    expect((await round(s, 'reveal')).status).toBe(204)
    const result = await onServer(s, (d) => readRoundResult(d, consentRound))
    expect(result?.participants).toBe(3)
    expect(result?.decisions).toEqual([
      {
        decision: A,
        item: 'i:theatre',
        title: 'Theatre app',
        accept: 2,
        object: 1,
        groups: [
          { group: 'g1', accept: 2, object: 0, members: 2 },
          { group: 'g2', accept: 0, object: 1, members: 1 },
        ],
      },
      {
        decision: B,
        item: 'i:bed',
        title: 'Bed board',
        accept: 0,
        object: 1,
        groups: [
          { group: 'g1', accept: 0, object: 1, members: 2 },
          { group: 'g2', accept: 0, object: 0, members: 1 },
        ],
      },
    ])
    expect(await onServer(s, (d) => readRoundState(d, consentRound, null).status)).toBe('revealed')
    expect(
      (await logTexts(s)).some((t) =>
        t.startsWith('Consent revealed: "Theatre app": 2 can live with it, 1 objects'),
      ),
    ).toBe(true)
  })
})

describe('closing the workshop', () => {
  it('is logged once, however often it is closed', async () => {
    const s = await scene()
    const path = `/api/workshops/${s.workshopId}/close`
    expect((await call(s, 'POST', path, s.token)).status).toBe(204)
    expect((await call(s, 'POST', path, s.token)).status).toBe(204)
    expect((await call(s, 'POST', path, s.ana.token)).status).toBe(403)
    const closed = (await logTexts(s)).filter((t) => t === 'Workshop closed to new participants')
    expect(closed).toHaveLength(1)
  })
})

describe('the export of a decided workshop', () => {
  it('carries the decisions, the consent per group and the pseudonymous answers', async () => {
    const s = await scene()
    addDecision(s.control.doc, { id: A, item: 'i:theatre', title: 'Theatre app' })
    decisionRationale(s.control.doc, A)!.insert(0, 'Safest for patients.')
    setDecisionField(s.control.doc, A, 'dissent', [{ group: 'g2', words: 'Too slow' }])
    await stored(s, (d) => readDecisions(d)[0]?.dissent.length === 1, 'the decision')
    expect((await round(s, 'open')).status).toBe(204)
    await answer(s, s.ana, { [A]: 'accept' })
    await answer(s, s.cy, { [A]: 'object' })
    expect((await round(s, 'close')).status).toBe(204)
    expect((await round(s, 'reveal')).status).toBe(204)

    const md = await fetch(`${s.server.url}/api/workshops/${s.workshopId}/export?format=md`, {
      headers: { authorization: `Bearer ${s.token}` },
    }).then((r) => r.text())
    expect(md).toContain('### Theatre app')
    expect(md).toContain('**Rationale:** Safest for patients.')
    expect(md).toContain('| Surgeons | 1 | 0 | 1 |')
    expect(md).toContain('| Radiologists | 0 | 1 | 0 |')
    const json = (await fetch(`${s.server.url}/api/workshops/${s.workshopId}/export?format=json`, {
      headers: { authorization: `Bearer ${s.token}` },
    }).then((r) => r.json())) as { decisions: { consent: { ballots: unknown[] } } }
    expect(json.decisions.consent.ballots).toEqual([
      { voter: 'C001', group: 'g1', answers: { [A]: 'accept' } },
      { voter: 'C002', group: 'g1', answers: {} },
      { voter: 'C003', group: 'g2', answers: { [A]: 'object' } },
    ])
    expect(JSON.stringify(json)).not.toContain(s.ana.participantId)
  })
})
