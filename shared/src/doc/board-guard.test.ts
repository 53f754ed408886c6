// Unit tests of the board content guard: real updates captured from a member's replica,
// checked against the server's copy, plus forged updates a hostile client could send.
import * as encoding from 'lib0/encoding'
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addIdeas,
  boardNotes,
  createCluster,
  deleteIdea,
  dissolveCluster,
  ideaTag,
  ideaText,
  IDEAS,
  mergeIdeas,
  moveIdea,
  readBoard,
  renameCluster,
  unmergeIdea,
  type NewIdea,
} from './board.js'
import { checkBoardUpdate, type BoardGuardRules, type GuardVerdict } from './board-guard.js'

const T0 = 1_700_000_000_000
const SERVER = 1
const ADA_TAG = 'tag-ada'
const ada = { participantId: 'participant-ada', name: 'Ada', group: 'g1' }

const newIdea = (id: string, age: number, extra: Partial<NewIdea> = {}): NewIdea => ({
  id,
  text: `Idea ${id}`,
  createdAt: T0 + age,
  source: 'participant',
  round: 1,
  ...extra,
})

/** The board as the server holds it: Ada's ideas (one attributed), Bob's, an item, a cluster. */
function serverBoard(): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = SERVER
  addIdeas(doc, [
    newIdea('ada-1', 0, { author: ada, tag: ADA_TAG }),
    newIdea('ada-2', 1, { tag: ADA_TAG }),
    newIdea('bob-1', 2, { tag: 'tag-bob' }),
    newIdea('item-1', 3, { source: 'facilitator' }),
  ])
  createCluster(doc, 'k1', 'Staffing', T0, ['bob-1'])
  return doc
}

/** A member's replica, synced from the server. */
function replicaOf(server: Y.Doc, clientID = 2): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server))
  doc.clientID = clientID
  return doc
}

/** Ada deletes ideas carrying her tag. */
const asAda: BoardGuardRules = { mayDeleteIdea: (_, idea) => ideaTag(idea) === ADA_TAG }

/** The updates a change on a replica sends, one per transaction. */
function sent(doc: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array[] {
  const updates: Uint8Array[] = []
  const listener = (update: Uint8Array) => updates.push(update)
  doc.on('update', listener)
  change(doc)
  doc.off('update', listener)
  return updates
}

/** Sends a change to the server as the room does: each update checked, applied when allowed. */
function attempt(
  server: Y.Doc,
  client: Y.Doc,
  change: (doc: Y.Doc) => void,
  rules = asAda,
): GuardVerdict {
  const updates = sent(client, change)
  expect(updates.length).toBeGreaterThan(0)
  for (const update of updates) {
    const verdict = checkBoardUpdate(server, update, rules)
    if (!verdict.ok) return verdict
    Y.applyUpdate(server, update)
  }
  return { ok: true }
}

const raw = (doc: Y.Doc, id: string) => doc.getMap<unknown>(IDEAS).get(id) as Y.Map<unknown>

describe('checkBoardUpdate allows what members do together', () => {
  const allowed: [string, (doc: Y.Doc) => void][] = [
    ['moving a card into a cluster', (d) => moveIdea(d, 'ada-1', 'k1')],
    [
      'moving a card twice (overwriting its cluster)',
      (d) => {
        moveIdea(d, 'ada-1', 'k1')
        moveIdea(d, 'ada-1', null)
        moveIdea(d, 'ada-1', 'k1')
      },
    ],
    ['moving someone else’s card out of its cluster', (d) => moveIdea(d, 'bob-1', null)],
    ['moving a facilitator item', (d) => moveIdea(d, 'item-1', 'k1')],
    ['merging two ideas', (d) => mergeIdeas(d, 'bob-1', 'ada-1')],
    [
      'merging a card with merged ideas into another',
      (d) => {
        mergeIdeas(d, 'ada-1', 'ada-2')
        mergeIdeas(d, 'bob-1', 'ada-1')
      },
    ],
    [
      'merging and unmerging',
      (d) => {
        mergeIdeas(d, 'bob-1', 'ada-1')
        unmergeIdea(d, 'ada-1')
      },
    ],
    ['creating a cluster with cards', (d) => createCluster(d, 'k2', 'Costs', T0, ['ada-1'])],
    ['renaming a cluster', (d) => renameCluster(d, 'k1', 'People')],
    ['dissolving a cluster', (d) => dissolveCluster(d, 'k1')],
    ['inserting characters into an idea', (d) => ideaText(d, 'bob-1')!.insert(0, 'Urgent: ')],
    ['deleting characters of an idea', (d) => ideaText(d, 'item-1')!.delete(0, 5)],
    [
      'typing and fixing a typo',
      (d) => {
        const text = ideaText(d, 'bob-1')!
        for (const ch of ' now!') text.insert(text.length, ch)
        text.delete(text.length - 1, 1)
      },
    ],
    ['deleting an own idea', (d) => deleteIdea(d, 'ada-1')],
    ['deleting an own anonymous idea', (d) => deleteIdea(d, 'ada-2')],
    [
      'deleting an own idea after editing it',
      (d) => {
        ideaText(d, 'ada-1')!.insert(0, 'Edited ')
        deleteIdea(d, 'ada-1')
      },
    ],
    [
      'deleting an own card with someone else’s idea merged into it',
      (d) => {
        mergeIdeas(d, 'ada-1', 'bob-1')
        deleteIdea(d, 'ada-1')
      },
    ],
    ['editing the shared notes', (d) => boardNotes(d).insert(0, 'Parking lot: costs')],
    ['writing a new top-level map', (d) => d.getMap('placements').set('ada-1', { x: 1, y: 2 })],
    ['writing a new top-level array', (d) => d.getArray('log').push(['moved'])],
    ['writing a key of an idea that is not protected', (d) => raw(d, 'bob-1').set('votes', 3)],
  ]

  it.each(allowed)('%s', (_, change) => {
    const server = serverBoard()
    const client = replicaOf(server)
    expect(attempt(server, client, change)).toEqual({ ok: true })
    // What the server applied is exactly what the member sees.
    expect(readBoard(server)).toEqual(readBoard(client))
  })

  it('asks about the idea being deleted, passing its map with the tag', () => {
    const server = serverBoard()
    const client = replicaOf(server)
    const asked: [string, string | null][] = []
    const rules: BoardGuardRules = {
      mayDeleteIdea: (id, idea) => {
        asked.push([id, ideaTag(idea)])
        return true
      },
    }
    expect(attempt(server, client, (d) => deleteIdea(d, 'bob-1'), rules)).toEqual({ ok: true })
    expect(asked).toEqual([['bob-1', 'tag-bob']])
  })

  it('lets the owner’s deletion take the idea’s protected keys with it', () => {
    const server = serverBoard()
    const client = replicaOf(server)
    expect(attempt(server, client, (d) => d.getMap(IDEAS).delete('ada-1'))).toEqual({ ok: true })
    expect(server.getMap(IDEAS).has('ada-1')).toBe(false)
  })

  it('allows a change made on an older copy of the board', () => {
    const server = serverBoard()
    const client = replicaOf(server)
    addIdeas(server, [newIdea('new-1', 10)])
    expect(attempt(server, client, (d) => moveIdea(d, 'ada-2', 'k1'))).toEqual({ ok: true })
  })

  it('allows a reconnecting member’s whole offline diff, and a resend of it', () => {
    const server = serverBoard()
    const client = replicaOf(server)
    moveIdea(client, 'ada-1', 'k1')
    ideaText(client, 'bob-1')!.insert(0, 'Offline ')
    deleteIdea(client, 'ada-2')
    addIdeas(server, [newIdea('new-1', 10)])
    const diff = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server))
    expect(checkBoardUpdate(server, diff, asAda)).toEqual({ ok: true })
    Y.applyUpdate(server, diff)
    // Sent again (a sync answer crossing an update): everything in it is already held.
    expect(checkBoardUpdate(server, diff, asAda)).toEqual({ ok: true })
    expect(checkBoardUpdate(server, Y.encodeStateAsUpdate(client), asAda)).toEqual({ ok: true })
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
    expect(readBoard(server)).toEqual(readBoard(client))
  })
})

describe('checkBoardUpdate refuses', () => {
  const refused: [string, (doc: Y.Doc) => void, RegExp][] = [
    ['adding ideas', (d) => addIdeas(d, [newIdea('mine', 9, { tag: ADA_TAG })]), /server adds/],
    ['adding an idea as a bare map', (d) => d.getMap(IDEAS).set('x', new Y.Map()), /server adds/],
    ['adding an idea as text', (d) => d.getMap(IDEAS).set('x', 'Sneaky'), /server adds/],
    [
      'overwriting an existing idea',
      (d) => {
        const fake = new Y.Map<unknown>()
        fake.set('text', new Y.Text('Replaced'))
        fake.set('tag', ADA_TAG)
        d.getMap(IDEAS).set('bob-1', fake)
      },
      /server adds/,
    ],
    ['setting an author', (d) => raw(d, 'ada-2').set('author', ada), /author/],
    ['changing an author', (d) => raw(d, 'ada-1').set('author', { ...ada, name: 'Bob' }), /author/],
    ['deleting an author', (d) => raw(d, 'ada-1').delete('author'), /author/],
    ['taking someone else’s idea by its tag', (d) => raw(d, 'bob-1').set('tag', ADA_TAG), /tag/],
    ['tagging a facilitator item', (d) => raw(d, 'item-1').set('tag', ADA_TAG), /tag/],
    ['deleting a tag', (d) => raw(d, 'bob-1').delete('tag'), /tag/],
    ['changing the source', (d) => raw(d, 'item-1').set('source', 'participant'), /source/],
    ['deleting the source', (d) => raw(d, 'item-1').delete('source'), /source/],
    ['changing when it was written', (d) => raw(d, 'bob-1').set('createdAt', 0), /createdAt/],
    ['deleting when it was written', (d) => raw(d, 'bob-1').delete('createdAt'), /createdAt/],
    ['changing the round', (d) => raw(d, 'bob-1').set('round', 2), /round/],
    ['deleting the round', (d) => raw(d, 'bob-1').delete('round'), /round/],
    ['replacing the text', (d) => raw(d, 'bob-1').set('text', new Y.Text('Mine')), /text/],
    ['replacing the text with a string', (d) => raw(d, 'bob-1').set('text', 'Mine'), /text/],
    ['deleting the text', (d) => raw(d, 'bob-1').delete('text'), /text/],
    ['deleting someone else’s idea', (d) => deleteIdea(d, 'bob-1'), /only your own ideas/],
    ['deleting a facilitator item', (d) => deleteIdea(d, 'item-1'), /only your own ideas/],
    [
      'deleting an own idea together with someone else’s',
      (d) => d.transact(() => ['ada-1', 'bob-1'].forEach((id) => d.getMap(IDEAS).delete(id))),
      /only your own ideas/,
    ],
    [
      'a legal move bundled with a forbidden change',
      (d) =>
        d.transact(() => {
          moveIdea(d, 'ada-1', 'k1')
          raw(d, 'bob-1').set('author', ada)
        }),
      /author/,
    ],
  ]

  it.each(refused)('%s', (_, change, reason) => {
    const server = serverBoard()
    const before = Y.encodeStateAsUpdate(server)
    const client = replicaOf(server)
    const verdict = attempt(server, client, change)
    expect(verdict.ok).toBe(false)
    if (!verdict.ok) expect(verdict.reason).toMatch(reason)
    expect(Y.encodeStateAsUpdate(server)).toEqual(before)
  })

  it('deleting an own idea when the rules say no', () => {
    const server = serverBoard()
    const client = replicaOf(server)
    const verdict = attempt(server, client, (d) => deleteIdea(d, 'ada-1'), {
      mayDeleteIdea: () => false,
    })
    expect(verdict).toEqual({ ok: false, reason: 'you may delete only your own ideas' })
  })
})

/** Writes structs and deletions as a version-1 update, the way a hostile client could. */
function forge(
  structs: readonly Y.Item[],
  deletions: readonly [client: number, clock: number, len: number][] = [],
): Uint8Array {
  const encoder = new Y.UpdateEncoderV1()
  const byClient = new Map<number, Y.Item[]>()
  for (const s of structs) byClient.set(s.id.client, [...(byClient.get(s.id.client) ?? []), s])
  encoding.writeVarUint(encoder.restEncoder, byClient.size)
  for (const [client, list] of byClient) {
    encoding.writeVarUint(encoder.restEncoder, list.length)
    encoder.writeClient(client)
    encoding.writeVarUint(encoder.restEncoder, list[0]!.id.clock)
    for (const s of list) s.write(encoder, 0)
  }
  const dsClients = [...new Set(deletions.map(([client]) => client))]
  encoding.writeVarUint(encoder.restEncoder, dsClients.length)
  for (const client of dsClients) {
    const ranges = deletions.filter(([c]) => c === client)
    encoder.resetDsCurVal()
    encoding.writeVarUint(encoder.restEncoder, client)
    encoding.writeVarUint(encoder.restEncoder, ranges.length)
    for (const [, clock, len] of ranges) {
      encoder.writeDsClock(clock)
      encoder.writeDsLen(len)
    }
  }
  return encoder.toUint8Array()
}

/** An item of a forged update: in a root type by name, or after `origin`. */
function forgedItem(
  id: Y.ID,
  place: { root: string; key?: string } | { origin: Y.ID },
  values: unknown[] = ['x'],
): Y.Item {
  const content = new Y.ContentAny(values)
  if ('origin' in place) return new Y.Item(id, null, place.origin, null, null, null, null, content)
  // The encoder writes a root parent given by name; the typings only know types.
  const parent = place.root as unknown as Y.AbstractType<unknown>
  return new Y.Item(id, null, null, null, null, parent, place.key ?? null, content)
}

describe('checkBoardUpdate refuses forged updates', () => {
  it.each<[string, Uint8Array]>([
    ['random bytes', new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])],
    [
      'a cut-off update',
      (() => {
        const full = sent(replicaOf(serverBoard()), (d) => moveIdea(d, 'ada-1', 'k1'))[0]!
        return full.slice(0, full.length - 3)
      })(),
    ],
  ])('%s as malformed', (_, update) => {
    expect(checkBoardUpdate(serverBoard(), update, asAda)).toEqual({
      ok: false,
      reason: 'malformed update',
    })
  })

  it('never throws on random bytes, and refuses whatever Yjs cannot decode', () => {
    const gen = prng.create(42)
    const server = serverBoard()
    for (let i = 0; i < 500; i++) {
      const bytes = prng.uint8Array(gen, prng.uint32(gen, 1, 64))
      let decodes = true
      try {
        Y.decodeUpdate(bytes)
      } catch {
        decodes = false
      }
      const verdict = checkBoardUpdate(server, bytes, asAda)
      if (!decodes) expect(verdict).toEqual({ ok: false, reason: 'malformed update' })
    }
  })

  it('an overwrite of an idea the server is about to add (a predicted id)', () => {
    // The attacker predicts the id of the server's next item (its client id and clock are
    // public) and overwrites that idea before it exists: Yjs would hold the update back and
    // apply it the moment the idea arrived, replacing it with the attacker's map.
    const server = serverBoard()
    const future = replicaOf(server, SERVER)
    addIdeas(future, [newIdea('next', 20, { tag: 'tag-bob' })])
    const attacker = replicaOf(future, 3)
    const [update] = sent(attacker, (d) => {
      const fake = new Y.Map<unknown>()
      fake.set('text', new Y.Text('Evil'))
      fake.set('tag', ADA_TAG)
      d.getMap(IDEAS).set('next', fake)
    })
    expect(checkBoardUpdate(server, update!, asAda)).toEqual({
      ok: false,
      reason: 'the update builds on changes the server does not have',
    })
  })

  it('a deletion of an idea the server is about to add', () => {
    const server = serverBoard()
    const future = replicaOf(server, SERVER)
    addIdeas(future, [newIdea('next', 20)])
    const attacker = replicaOf(future, 3)
    const [update] = sent(attacker, (d) => d.getMap(IDEAS).delete('next'))
    const verdict = checkBoardUpdate(server, update!, { mayDeleteIdea: () => true })
    expect(verdict).toEqual({
      ok: false,
      reason: 'the update builds on changes the server does not have',
    })
  })

  it('a struct that straddles the end of what the server holds of its client', () => {
    // Yjs would integrate the unknown tail next to the server's last item (an idea's tag)
    // and delete that tag, whatever place the struct claims for itself.
    const server = serverBoard()
    const end = Y.getState(server.store, SERVER)
    const update = forge([
      forgedItem(Y.createID(SERVER, end - 1), { root: 'clusters', key: 'evil' }, [1, 2]),
    ])
    expect(checkBoardUpdate(server, update, asAda)).toEqual({
      ok: false,
      reason: 'malformed update',
    })
  })

  it('an item that refers to a later item of its own client', () => {
    const server = serverBoard()
    const update = forge([
      forgedItem(Y.createID(7, 0), { origin: Y.createID(7, 1) }),
      forgedItem(Y.createID(7, 1), { root: 'other' }),
    ])
    expect(checkBoardUpdate(server, update, asAda)).toEqual({
      ok: false,
      reason: 'malformed update',
    })
  })

  it('an item placed next to an item of another client the server has never seen', () => {
    const server = serverBoard()
    const update = forge([forgedItem(Y.createID(7, 0), { origin: Y.createID(8, 0) })])
    expect(checkBoardUpdate(server, update, asAda)).toEqual({
      ok: false,
      reason: 'the update builds on changes the server does not have',
    })
  })

  it('an item placed in the ideas map by name, or next to an idea', () => {
    const server = serverBoard()
    const byName = forge([forgedItem(Y.createID(7, 0), { root: IDEAS, key: 'x' })])
    const idea = (server.getMap(IDEAS).get('bob-1') as Y.Map<unknown>)._item!.id
    const nextToIdea = forge([forgedItem(Y.createID(7, 0), { origin: idea })])
    for (const update of [byName, nextToIdea]) {
      expect(checkBoardUpdate(server, update, asAda)).toEqual({
        ok: false,
        reason: 'only the server adds ideas',
      })
    }
  })

  it('a chain of thousands of items ending next to an idea, quickly and without recursion', () => {
    const server = serverBoard()
    const idea = (server.getMap(IDEAS).get('bob-1') as Y.Map<unknown>)._item!.id
    const n = 20_000
    const chain = Array.from({ length: n }, (_, i) =>
      forgedItem(Y.createID(7 + i, 0), { origin: i === n - 1 ? idea : Y.createID(8 + i, 0) }),
    )
    // No stack overflow on a chain this long is the point; how fast it runs is measured in
    // bench/, not asserted here (a loaded CI machine made a 2 s bound flaky).
    expect(checkBoardUpdate(server, forge(chain), asAda)).toEqual({
      ok: false,
      reason: 'only the server adds ideas',
    })
  }, 60_000)

  it('deletion ranges out of order or overlapping', () => {
    const server = serverBoard()
    expect(
      checkBoardUpdate(
        server,
        forge(
          [],
          [
            [SERVER, 5, 3],
            [SERVER, 2, 4],
          ],
        ),
        asAda,
      ),
    ).toEqual({ ok: false, reason: 'malformed update' })
  })

  it('a deletion of clocks beyond what the server and the update hold', () => {
    const server = serverBoard()
    const end = Y.getState(server.store, SERVER)
    const update = forge([], [[SERVER, end, 10]])
    expect(checkBoardUpdate(server, update, asAda)).toEqual({
      ok: false,
      reason: 'the update builds on changes the server does not have',
    })
  })

  it('but allows deleting items the update itself brings', () => {
    const server = serverBoard()
    const update = forge(
      [forgedItem(Y.createID(7, 0), { root: 'scratch' }, [1, 2, 3])],
      [[7, 0, 3]],
    )
    expect(checkBoardUpdate(server, update, asAda)).toEqual({ ok: true })
  })

  it('an update that builds on one the server refused (the member resends both later)', () => {
    const server = serverBoard()
    const client = replicaOf(server)
    const [first] = sent(client, (d) => raw(d, 'bob-1').set('votes', 1))
    // The first update never reached the server's document (refused while locked, say).
    const [second] = sent(client, (d) => raw(d, 'bob-1').set('votes', 2))
    expect(checkBoardUpdate(server, second!, asAda)).toMatchObject({ ok: false })
    expect(checkBoardUpdate(server, Y.mergeUpdates([first!, second!]), asAda)).toEqual({
      ok: true,
    })
  })
})

describe('checkBoardUpdate with honest members (seeded)', () => {
  it.each(Array.from({ length: 25 }, (_, seed) => [seed]))(
    'seed %i: every change two members make is allowed and converges',
    (seed) => {
      const gen = prng.create(seed)
      const server = serverBoard()
      const members = [replicaOf(server, 2), replicaOf(server, 3)]
      const ids = ['ada-1', 'ada-2', 'bob-1', 'item-1']
      const pick = <T>(list: readonly T[]): T => list[prng.uint32(gen, 0, list.length - 1)]!
      const changes: ((d: Y.Doc, step: number) => void)[] = [
        (d) => moveIdea(d, pick(ids), prng.bool(gen) ? 'k1' : null),
        (d) => mergeIdeas(d, pick(ids), pick(ids)),
        (d) => unmergeIdea(d, pick(ids)),
        (d, step) => createCluster(d, `k${d.clientID}-${step}`, `C${step}`, T0 + step, [pick(ids)]),
        (d) => renameCluster(d, 'k1', `Renamed ${prng.word(gen, 1, 6)}`),
        (d) =>
          dissolveCluster(
            d,
            pick(
              readBoard(d)
                .clusters.map((c) => c.id)
                .concat('k1'),
            ),
          ),
        (d) => {
          const text = ideaText(d, pick(ids))
          if (text) text.insert(prng.uint32(gen, 0, text.length), prng.word(gen, 1, 4))
        },
        (d) => {
          if (prng.uint32(gen, 0, 4) === 0) deleteIdea(d, pick(['ada-1', 'ada-2']))
        },
        (d) => {
          const text = ideaText(d, pick(ids))
          if (text && text.length > 0) text.delete(prng.uint32(gen, 0, text.length - 1), 1)
        },
      ]
      for (let step = 0; step < 40; step++) {
        const member = pick(members)
        const updates = sent(member, (d) => pick(changes)(d, step))
        for (const update of updates) {
          expect(checkBoardUpdate(server, update, asAda)).toEqual({ ok: true })
          Y.applyUpdate(server, update)
        }
        // The server relays to the other member now and then, as the network allows.
        if (prng.bool(gen)) {
          for (const m of members)
            Y.applyUpdate(m, Y.encodeStateAsUpdate(server, Y.encodeStateVector(m)))
        }
      }
      for (const m of members) Y.applyUpdate(m, Y.encodeStateAsUpdate(server))
      expect(readBoard(members[0]!)).toEqual(readBoard(server))
      expect(readBoard(members[1]!)).toEqual(readBoard(server))
    },
  )
})

describe('checkBoardUpdate lets a member put back an own deleted idea (an undo)', () => {
  /** Ada, whose tag proves the ideas she may put back. */
  const restoring: BoardGuardRules = { ...asAda, mayRestoreIdea: (_, tag) => tag === ADA_TAG }
  const ORIGIN = { device: 'ada' }

  /** Ada's replica with an undo manager tracking her own changes. */
  function adaWithUndo(server: Y.Doc) {
    const ada = replicaOf(server)
    const undo = new Y.UndoManager([ada.getMap(IDEAS), ada.getMap('clusters')], {
      trackedOrigins: new Set([ORIGIN]),
      captureTimeout: 0,
    })
    return { ada, undo }
  }

  it('accepts the undo of her own deletion, and the idea is back with its text and tag', () => {
    const server = serverBoard()
    const { ada, undo } = adaWithUndo(server)
    expect(attempt(server, ada, (d) => deleteIdea(d, 'ada-1', ORIGIN), restoring)).toEqual({
      ok: true,
    })
    expect(readBoard(server).cards.map((c) => c.id)).not.toContain('ada-1')
    expect(attempt(server, ada, () => undo.undo(), restoring)).toEqual({ ok: true })
    const back = readBoard(server).cards.find((c) => c.id === 'ada-1')
    expect(back?.text).toBe('Idea ada-1')
    expect(back?.author?.participantId).toBe('participant-ada')
    expect(ideaTag(raw(server, 'ada-1'))).toBe(ADA_TAG)
  })

  it('accepts undoing a move and a merge', () => {
    const server = serverBoard()
    const { ada, undo } = adaWithUndo(server)
    attempt(server, ada, (d) => moveIdea(d, 'ada-2', 'k1', ORIGIN), restoring)
    attempt(server, ada, (d) => mergeIdeas(d, 'bob-1', 'ada-1', ORIGIN), restoring)
    expect(attempt(server, ada, () => undo.undo(), restoring)).toEqual({ ok: true })
    expect(attempt(server, ada, () => undo.undo(), restoring)).toEqual({ ok: true })
    const board = readBoard(server)
    expect(board.unclustered).toEqual(expect.arrayContaining(['ada-1', 'ada-2']))
    expect(board.cards.find((c) => c.id === 'bob-1')?.merged).toEqual([])
  })

  it('refuses it without the rule, as before', () => {
    const server = serverBoard()
    const { ada, undo } = adaWithUndo(server)
    attempt(server, ada, (d) => deleteIdea(d, 'ada-1', ORIGIN))
    expect(attempt(server, ada, () => undo.undo())).toEqual({
      ok: false,
      reason: 'only the server adds ideas',
    })
  })

  it('refuses putting back someone else’s deleted idea', () => {
    const server = serverBoard()
    deleteIdea(server, 'bob-1')
    const ada = replicaOf(server)
    const verdict = attempt(
      server,
      ada,
      (d) => {
        const fake = new Y.Map<unknown>()
        fake.set('text', new Y.Text('Bob again'))
        fake.set('tag', 'tag-bob')
        d.getMap(IDEAS).set('bob-1', fake)
      },
      restoring,
    )
    expect(verdict).toEqual({
      ok: false,
      reason: 'only the server adds ideas; you may put back only your own',
    })
  })

  it('refuses an idea with no tag, or overwriting one that is on the board', () => {
    const server = serverBoard()
    const ada = replicaOf(server)
    const bare = (d: Y.Doc, id: string, tag?: string) => {
      const fake = new Y.Map<unknown>()
      fake.set('text', new Y.Text('Mine'))
      if (tag) fake.set('tag', tag)
      d.getMap(IDEAS).set(id, fake)
    }
    expect(attempt(server, ada, (d) => bare(d, 'new-1'), restoring)).toMatchObject({ ok: false })
    expect(attempt(server, ada, (d) => bare(d, 'ada-2', ADA_TAG), restoring)).toEqual({
      ok: false,
      reason: 'only the server adds ideas',
    })
  })
})
