// Attacks over HTTP (issue 18, finding 8 and deliverable 8, and what held): text comes back NFC
// with control characters and bidi overrides removed, requests that need no body accept an empty
// one, and deleting a workshop mid-session ends every connection to it and nothing else.
import { describe, expect, it } from 'vitest'
import {
  CLOSE,
  boardNotes,
  parseDocName,
  readControl,
  setCollectMode,
  setPhase,
  type BoardState,
  type ControlState,
  type CreateWorkshopResponse,
  type VotingState,
  type JoinInfoResponse,
} from '@triage/shared'
import { joinWorkshop, post } from '../helpers.js'
import { rawConnect } from '../raw-client.js'
import {
  attack,
  closeOf,
  closedWith,
  converged,
  liveClients,
  names,
  replica,
  scene,
  serving,
  snapshot,
  stock,
  unchanged,
  updateOf,
  whenSynced,
  type Scene,
} from './attack-kit.js'

/** A request with `content-type: application/json` and no body, as common HTTP clients send. */
function emptyJson(s: Scene, method: 'POST' | 'DELETE', path: string, token: string) {
  return fetch(s.server.url + path, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  })
}

describe('text hygiene', () => {
  it('stores workshop titles, objectives and group names as NFC without control characters or bidi overrides', async () => {
    const s = await scene()
    const before = await snapshot(s)
    const created = await post<CreateWorkshopResponse>(s.server, '/api/workshops', {
      title: 'Cafe\u0301 \u202Eplan\u0000\u001b[2J\r\nnow',
      objective: 'Line one\r\nLine\u2066 two\u0007',
      groups: ['Sur\u202Egeons', 'Radio\u0007logists\u2069'],
    })
    expect(created.status).toBe(201)
    const { workshopId, joinCode, facilitatorToken } = created.body
    const info = await fetch(`${s.server.url}/api/join/${joinCode}`)
    expect((await info.json()) as JoinInfoResponse).toEqual({
      title: 'Café plan[2J now',
      groups: [
        { id: 'g1', name: 'Surgeons' },
        { id: 'g2', name: 'Radiologists' },
      ],
    })
    const member = await joinWorkshop(s.server, joinCode, 'Ada', 'g1')
    for (const token of [facilitatorToken, member.token]) {
      const client = stock(
        s.server,
        names.control(workshopId),
        token,
        'a member of the new workshop',
      )
      await whenSynced(client)
      expect(readControl(client.doc).settings).toMatchObject({
        title: 'Café plan[2J now',
        objective: 'Line one\nLine two',
        groups: [
          { id: 'g1', name: 'Surgeons' },
          { id: 'g2', name: 'Radiologists' },
        ],
      })
      client.destroy()
    }
    await unchanged(s, before)
    await serving(s)
  })

  it('stores participant names clean in the roster everyone sees', async () => {
    const s = await scene()
    const spoof = await joinWorkshop(
      s.server,
      s.w.joinCode,
      'Da\u202Ena\u0000\u001b]0;x\u0007',
      'g1',
    )
    const nfc = await joinWorkshop(s.server, s.w.joinCode, 'E\u0301li\r\nSmith\u2067', 'g2')
    await converged(s, ['control'], (view) => {
      const roster = (view.content as { control: ControlState }).control.roster
      expect(roster[spoof.participantId]?.name).toBe('Dana]0;x')
      expect(roster[nfc.participantId]?.name).toBe('Éli Smith')
    })
    await serving(s)
  })

  it('stores ideas and imported items clean on the board everyone sees', async () => {
    const s = await scene()
    const items = await post<{ added: number }>(
      s.server,
      `/api/workshops/${s.w.workshopId}/items`,
      { format: 'lines', text: 'Fix\u202E the rota\nScan\u0000ner\u001b[0m queue' },
      s.w.facilitatorToken,
    )
    expect(items.status).toBe(200)
    await s.server.app.rooms.change(parseDocName(s.doc.control)!, (doc) => {
      setPhase(doc, 'brainstorm')
      setCollectMode(doc, 'open')
    })
    const idea = await post<{ ideaId: string }>(
      s.server,
      `/api/workshops/${s.w.workshopId}/ideas`,
      { text: 'Night\u202E shift\r\nrota\u0007' },
      s.hana.token,
    )
    expect(idea.status).toBe(201)
    await converged(s, ['board'], (view) => {
      const texts = (view.content as { board: BoardState }).board.cards.map((c) => c.text)
      expect(texts).toEqual(expect.arrayContaining(['Fix the rota', 'Scanner[0m queue']))
      expect(texts).toContain('Night shift\nrota')
    })
    await serving(s)
  })
})

describe('requests without a body', () => {
  it('accepts DELETE of a workshop with a JSON content type and an empty body', async () => {
    const s = await scene()
    const before = await snapshot(s, ['otherBoard'])
    const res = await emptyJson(
      s,
      'DELETE',
      `/api/workshops/${s.w.workshopId}`,
      s.w.facilitatorToken,
    )
    expect(res.status).toBe(204)
    const gone = liveClients(s).filter((h) => h !== s.live.otherBoard)
    for (const h of gone) expect(await closeOf(h), h.label).toBe(CLOSE.gone)
    await unchanged(s, before, { except: gone })
    await serving(s, { workshop: false })
  })

  it('accepts the action POSTs with a JSON content type and an empty body', async () => {
    const s = await scene()
    const base = `/api/workshops/${s.w.workshopId}`
    for (const path of ['/reveal', '/voting/open', '/voting/close', '/voting/reveal', '/close']) {
      const res = await emptyJson(s, 'POST', base + path, s.w.facilitatorToken)
      expect(res.status, `POST ${path}`).toBeLessThan(300)
    }
    await converged(s, ['control', 'board'], (view, key) => {
      if (key !== 'control') return
      const voting = (view.content as { voting: VotingState }).voting
      expect(voting.status).toBe('revealed')
    })
    await serving(s)
  })
})

describe('deletion mid-session', () => {
  it('closes every connection with 4410 when the workshop is deleted mid-attack, and keeps serving other workshops', async () => {
    const s = await scene()
    const before = await snapshot(s, ['otherBoard'])
    const a = await attack(s, s.doc.board)
    const r = await replica(s, s.doc.board)
    a.sendUpdate(updateOf(r, (d) => boardNotes(d).insert(0, 'written while the room goes ')))
    const res = await fetch(`${s.server.url}/api/workshops/${s.w.workshopId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${s.w.facilitatorToken}` },
    })
    expect(res.status).toBe(204)
    await closedWith(a, CLOSE.gone)
    const gone = liveClients(s).filter((h) => h !== s.live.otherBoard)
    for (const h of gone) {
      expect(await closeOf(h), `${h.label} is told the workshop is gone`).toBe(CLOSE.gone)
    }
    // Nothing of it is left, and its tokens open nothing.
    for (const name of [s.doc.board, s.doc.control, s.doc.hanaPrivate]) {
      expect(await s.faults.real.loadDocument(name)).toEqual([])
    }
    const again = rawConnect(s.server, s.doc.board, s.hana.token)
    await closedWith(again, CLOSE.unauthorized)
    await unchanged(s, before, { except: gone })
    await serving(s, { workshop: false })
  })
})
