// Text hygiene end to end: titles, groups, names, items and ideas sent with bidi overrides, NUL,
// escape sequences and line breaks are stored clean — in the workshop record, in the documents
// every member syncs (as stored, not only as read) — and a name of control characters alone is
// no name.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  docName,
  hasOnlySafeCharacters,
  readBoard,
  readControl,
  setCollectMode,
  setPhase,
  type CreateWorkshopResponse,
  type JoinResponse,
} from '@triage/shared'
import { connect, post, startServer, synced, until, type TestServer } from './helpers.js'

interface ErrorBody {
  error: { code: string; message: string }
}

/** Every hostile piece the issue found stored verbatim. */
const RLO = '\u202E'
const ESC_RED = '\u001b[31m'

/** Every string in a document as stored (keys too), whatever a reader would make of it. */
function storedStrings(doc: Y.Doc): string[] {
  const out: string[] = []
  const walk = (value: unknown) => {
    if (typeof value === 'string') out.push(value)
    else if (Array.isArray(value)) value.forEach(walk)
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        out.push(k)
        walk(v)
      }
    }
  }
  for (const name of doc.share.keys()) walk(doc.get(name, Y.AbstractType).toJSON())
  return out
}

async function synchronisedDoc(server: TestServer, name: string, token: string): Promise<Y.Doc> {
  const client = connect(server, name, token)
  await synced(client)
  return client.doc
}

async function hostileWorkshop(server: TestServer): Promise<CreateWorkshopResponse> {
  const res = await post<CreateWorkshopResponse>(server, '/api/workshops', {
    title: `Theatre${RLO} scheduling\u0000${ESC_RED}\r\n`,
    objective: `Pick\r\nwhat\u2066 to fund\u2069${ESC_RED}`,
    groups: [`${RLO}Surgeons`, '\u2066Radiologists\u2069\r\n', `Ad\u0000min${ESC_RED}`],
    anonymous: false,
  })
  expect(res.status).toBe(201)
  return res.body
}

describe('text hygiene over HTTP and in documents', () => {
  it('stores a clean workshop record, as the join page shows it', async () => {
    const server = await startServer()
    const w = await hostileWorkshop(server)
    const info = await fetch(`${server.url}/api/join/${w.joinCode}`)
    expect(await info.json()).toEqual({
      title: 'Theatre scheduling[31m',
      groups: [
        { id: 'g1', name: 'Surgeons' },
        { id: 'g2', name: 'Radiologists' },
        { id: 'g3', name: 'Admin[31m' },
      ],
    })
  })

  it('joins with a hostile name and lists it clean on the roster, as stored', async () => {
    const server = await startServer()
    const w = await hostileWorkshop(server)
    const joined = await post<JoinResponse>(server, '/api/join', {
      code: w.joinCode,
      name: `Dana${RLO}\u0000${ESC_RED}\r\nX\uFEFF`,
      // A group may be named the way it was typed, stray characters and all.
      group: `Surgeons${RLO}`,
    })
    expect(joined.status).toBe(200)

    const control = await synchronisedDoc(
      server,
      docName({ workshopId: w.workshopId, kind: 'control' }),
      w.facilitatorToken,
    )
    await until(control, () => control.getMap('roster').size === 1, 'the roster entry')
    expect(control.getMap('roster').get(joined.body.participantId)).toMatchObject({
      name: 'Dana[31m X',
      group: 'g1',
    })
    const settings = control.getMap('settings')
    expect(settings.get('title')).toBe('Theatre scheduling[31m')
    expect(settings.get('objective')).toBe('Pick\nwhat to fund[31m')
    expect(settings.get('groups')).toEqual([
      { id: 'g1', name: 'Surgeons' },
      { id: 'g2', name: 'Radiologists' },
      { id: 'g3', name: 'Admin[31m' },
    ])
    expect(readControl(control).roster[joined.body.participantId]?.name).toBe('Dana[31m X')
    expect(storedStrings(control).filter((s) => !hasOnlySafeCharacters(s, true))).toEqual([])
  })

  it.each([
    [
      'a title of control characters alone',
      { title: `${RLO}\u0000\u001b\r\n`, groups: ['A'] },
      'title: The title is required',
    ],
    [
      'a group of control characters alone',
      { title: 'T', groups: ['A', '\u2066\u2069'] },
      'groups.1: A group name is required',
    ],
    [
      'groups that differ only by an override',
      { title: 'T', groups: ['IT', `IT${RLO}`] },
      'groups: Group names must differ',
    ],
  ])('refuses %s', async (_what, body, message) => {
    const server = await startServer()
    const res = await post<ErrorBody>(server, '/api/workshops', body)
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({ code: 'bad_request', message })
  })

  it('refuses a participant name of control characters alone', async () => {
    const server = await startServer()
    const w = await hostileWorkshop(server)
    const res = await post<ErrorBody>(server, '/api/join', {
      code: w.joinCode,
      name: `${RLO}\u0000${ESC_RED.slice(0, 1)}\u2066\r\n`,
      group: 'g1',
    })
    expect(res.status).toBe(400)
    expect(res.body.error).toEqual({ code: 'bad_request', message: 'name: Your name is required' })
  })

  it('puts imported items and open ideas on the board clean, as stored', async () => {
    const server = await startServer()
    const w = await hostileWorkshop(server)
    const dana = await post<JoinResponse>(server, '/api/join', {
      code: w.joinCode,
      name: `Dana${RLO}`,
      group: 'g2',
    })
    const items = await post<{ added: number; skipped: number }>(
      server,
      `/api/workshops/${w.workshopId}/items`,
      {
        format: 'lines',
        text: `Fix the${RLO} pager\r\n\u0000\r\n- Bed${ESC_RED} board\r\n\u2066fix the pager\u2069`,
      },
      w.facilitatorToken,
    )
    // The NUL line is empty once cleaned; the last line is a duplicate once cleaned.
    expect(items.body).toEqual({ added: 2, skipped: 1 })
    const csv = await post<{ added: number }>(
      server,
      `/api/workshops/${w.workshopId}/items`,
      { format: 'csv', text: `Item,Owner\r\n"CT${RLO} triage\r\nnow",x\r\n` },
      w.facilitatorToken,
    )
    expect(csv.body.added).toBe(1)

    await server.app.rooms.change({ workshopId: w.workshopId, kind: 'control' }, (doc) => {
      setPhase(doc, 'brainstorm')
      setCollectMode(doc, 'open')
    })
    const idea = await post<{ ideaId: string }>(
      server,
      `/api/workshops/${w.workshopId}/ideas`,
      { text: `Page\u0000 the\r\nteam${RLO}${ESC_RED}` },
      dana.body.token,
    )
    expect(idea.status).toBe(201)

    const board = await synchronisedDoc(
      server,
      docName({ workshopId: w.workshopId, kind: 'board' }),
      w.facilitatorToken,
    )
    await until(board, () => board.getMap('ideas').size === 4, 'four ideas')
    const stored = board.getMap('ideas').toJSON() as Record<string, { text: string }>
    expect(
      Object.values(stored)
        .map((i) => i.text)
        .sort(),
    ).toEqual(['Bed[31m board', 'CT triage now', 'Fix the pager', 'Page the\nteam[31m'].sort())
    const open = readBoard(board).cards.find((c) => c.id === idea.body.ideaId)
    expect(open?.author?.name).toBe('Dana')
    expect(storedStrings(board).filter((s) => !hasOnlySafeCharacters(s, true))).toEqual([])
  })
})
