// RICE, MoSCoW and hand-picked scoring on a real server: the facilitator's stock provider writes
// the method, RICE estimates and the MoSCoW step into the control document; the control guard
// refuses hostile values (off the scales, negative, past the bounds, unknown keys, nested types)
// so they are never applied; and a scores round opened on hand-picked items seals and reveals
// those items only.
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import {
  FRAMEWORK_ROOT,
  criterionScores,
  docName,
  parseDocName,
  readBoard,
  readFramework,
  readFrameworkMethod,
  readMoscowPlan,
  readRiceEstimates,
  readRoundResult,
  setFramework,
  setFrameworkMethod,
  setMoscowPlan,
  setRiceEstimates,
  setRoundInputEntry,
  voteItems,
  type Framework,
  type JoinResponse,
} from '@triage/shared'
import {
  connect,
  createWorkshop,
  joinWorkshop,
  post,
  startServer,
  synced,
  until,
  type Client,
  type TestServer,
} from './helpers.js'

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

async function scene(server: TestServer) {
  const { workshopId, joinCode, facilitatorToken } = await createWorkshop(server)
  const added = await post(
    server,
    `/api/workshops/${workshopId}/items`,
    { format: 'lines', text: 'Pager\nRota' },
    facilitatorToken,
  )
  expect(added.status).toBe(200)
  const items = voteItems(
    await server.app.rooms.read({ workshopId, kind: 'board' }, readBoard),
    'both',
  ).map((i) => ({ key: i.key, label: i.label }))
  const name = docName({ workshopId, kind: 'control' })
  /** A fresh facilitator connection (a refused update leaves its document behind the server's). */
  const facilitator = async () => {
    const client = connect(server, name, facilitatorToken)
    await synced(client)
    return client
  }
  /** Runs `fn` on the server's control document once `ready` holds there. */
  const onServerWhen = async <T>(ready: (doc: Y.Doc) => boolean, fn: (doc: Y.Doc) => T) => {
    const lease = await server.app.rooms.acquire(parseDocName(name)!)
    try {
      await until(lease.room.doc, () => ready(lease.room.doc), 'the control document')
      return fn(lease.room.doc)
    } finally {
      lease.release()
    }
  }
  return { server, workshopId, joinCode, facilitatorToken, items, facilitator, onServerWhen }
}

describe('RICE and MoSCoW written by the facilitator', () => {
  it('stores valid estimates and refuses hostile ones, which are never applied', async () => {
    const s = await scene(await startServer())
    const [pager, rota] = s.items as [
      { key: string; label: string },
      { key: string; label: string },
    ]
    const rice = {
      items: s.items,
      estimates: {
        [pager.key]: { reach: 500, impact: 2, confidence: 0.8, clinical: 1.5, effort: 4 },
      },
    }
    const moscow = {
      items: s.items,
      effortFrom: 'entered' as const,
      tags: { [pager.key]: { category: 'must' as const, effort: 3 } },
    }
    const good = await s.facilitator()
    good.doc.transact(() => {
      setFrameworkMethod(good.doc, 'rice')
      setRiceEstimates(good.doc, rice)
      setMoscowPlan(good.doc, moscow)
    })
    expect(
      await s.onServerWhen(
        (d) => readMoscowPlan(d) !== null,
        (d) => [readFrameworkMethod(d), readRiceEstimates(d), readMoscowPlan(d)],
      ),
    ).toEqual(['rice', rice, moscow])

    const estimate = rice.estimates[pager.key]!
    const hostile: [string, string, unknown][] = [
      ['rice', 'impact 4', { ...rice, estimates: { [pager.key]: { ...estimate, impact: 4 } } }],
      [
        'rice',
        'negative reach',
        { ...rice, estimates: { [rota.key]: { ...estimate, reach: -10 } } },
      ],
      ['rice', 'effort 0', { ...rice, estimates: { [pager.key]: { ...estimate, effort: 0 } } }],
      ['rice', 'huge reach', { ...rice, estimates: { [pager.key]: { ...estimate, reach: 1e15 } } }],
      ['rice', 'unlisted item', { ...rice, estimates: { 'idea:nope': estimate } }],
      ['moscow', 'unknown category', { ...moscow, tags: { [pager.key]: { category: 'maybe' } } }],
      [
        'moscow',
        'negative effort',
        { ...moscow, tags: { [pager.key]: { category: 'must', effort: -1 } } },
      ],
      ['method', 'unknown method', 'vibes'],
    ]
    for (const [key, what, value] of hostile) {
      const rogue = await s.facilitator()
      const denied = refused(rogue)
      rogue.doc.getMap(FRAMEWORK_ROOT).set(key, value)
      expect(await denied, what).toMatch(new RegExp(`the framework’s ${key} is not valid`))
    }
    const rogue = await s.facilitator()
    const denied = refused(rogue)
    rogue.doc.getMap(FRAMEWORK_ROOT).set('notes', '<script>')
    expect(await denied).toMatch(/the framework holds only its known entries/)
    // Nothing hostile was applied: the server still holds the valid values.
    expect(
      await s.onServerWhen(
        () => true,
        (d) => [
          readFrameworkMethod(d),
          readRiceEstimates(d),
          readMoscowPlan(d),
          d.getMap(FRAMEWORK_ROOT).has('notes'),
        ],
      ),
    ).toEqual(['rice', rice, moscow, false])
  })
})

describe('a scores round on hand-picked items', () => {
  it('seals and reveals the picked items only', async () => {
    const s = await scene(await startServer())
    const [pager, rota] = s.items as [
      { key: string; label: string },
      { key: string; label: string },
    ]
    const scale = { min: 1, max: 5 }
    const framework: Framework = {
      criteria: [{ id: 'safety', name: 'Safety', direction: 'benefit', scale }],
      startingWeights: { safety: 100 },
    }
    const f = await s.facilitator()
    setFramework(f.doc, framework)
    await s.onServerWhen(
      (d) => readFramework(d) !== null,
      () => null,
    )
    const settings = {
      select: 'picked',
      top: 10,
      picked: [rota.key],
      on: 'both',
      axes: { impact: null, effort: null },
    }
    const step = (action: string, body: unknown = {}) =>
      post(
        s.server,
        `/api/workshops/${s.workshopId}/rounds/scores/${action}`,
        body,
        s.facilitatorToken,
      )
    expect((await step('open', { settings })).status).toBe(204)
    const ana: JoinResponse = await joinWorkshop(s.server, s.joinCode, 'Ana', 'g1')
    const name = docName({
      workshopId: s.workshopId,
      kind: 'private',
      participantId: ana.participantId,
    })
    const phone = connect(s.server, name, ana.token)
    await synced(phone)
    // Ana also scores the item that was not picked: it is not counted.
    phone.doc.transact(() => {
      setRoundInputEntry(phone.doc, 'scores', rota.key, { safety: 4 })
      setRoundInputEntry(phone.doc, 'scores', pager.key, { safety: 2 })
    })
    const lease = await s.server.app.rooms.acquire(parseDocName(name)!)
    try {
      const map = (d: Y.Doc) => JSON.stringify(d.getMap('round:scores').toJSON())
      await until(lease.room.doc, () => map(lease.room.doc) === map(phone.doc), 'scores stored')
    } finally {
      lease.release()
    }
    expect((await step('close')).status).toBe(204)
    expect((await step('reveal')).status).toBe(204)
    const result = await s.onServerWhen(
      (d) => readRoundResult(d, criterionScores) !== null,
      (d) => readRoundResult(d, criterionScores)!,
    )
    expect(result.items).toEqual([{ key: rota.key, label: 'Rota' }])
    expect(result.people).toEqual({ [rota.key]: { safety: 4 } })
  })
})
