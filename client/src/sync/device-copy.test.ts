// The device copy's ordering: a new copy opens only after the old one is closed or deleted,
// and an attach that a detach overtook opens nothing.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { QueuedCopy, readDeviceCopyAhead, takeReadAhead, type CopyBackend } from './device-copy'

/** A backend that records every step, finishing each one a tick later like IndexedDB. */
function fakeBackend() {
  const log: string[] = []
  const docs = new Map<Y.Doc, string>()
  const label = (doc: Y.Doc) => docs.get(doc) ?? '?'
  const later = (line: string) =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        log.push(line)
        resolve()
      }, 1),
    )
  const backend: CopyBackend = {
    open: (name, doc) => {
      log.push(`open ${name} ${label(doc)}`)
      return {
        destroy: () => later(`close ${label(doc)}`),
        clearData: () => later(`delete ${name} with ${label(doc)}`),
      }
    },
    clear: (name) => later(`delete ${name}`),
  }
  const doc = (name: string) => {
    const d = new Y.Doc()
    docs.set(d, name)
    return d
  }
  return { log, backend, doc }
}

describe('QueuedCopy', () => {
  it('opens on attach and closes on detach', async () => {
    const { log, backend, doc } = fakeBackend()
    const copy = new QueuedCopy('db', backend)
    copy.attach(doc('A'))
    await copy.settled()
    copy.detach(false)
    await copy.settled()
    expect(log).toEqual(['open db A', 'close A'])
  })

  it('deletes the old copy before opening one for the fresh document (refusal reset)', async () => {
    const { log, backend, doc } = fakeBackend()
    const copy = new QueuedCopy('db', backend)
    copy.attach(doc('A'))
    await copy.settled()
    copy.detach(true)
    // stop() detaches again; nothing is left to close.
    copy.detach(false)
    copy.attach(doc('B'))
    await copy.settled()
    expect(log).toEqual(['open db A', 'delete db with A', 'open db B'])
  })

  it('opens nothing when detached before the attach ran', async () => {
    const { log, backend, doc } = fakeBackend()
    const copy = new QueuedCopy('db', backend)
    copy.attach(doc('A'))
    copy.detach(false)
    await copy.settled()
    expect(log).toEqual([])
  })

  it('still deletes a stored copy when cleared before the attach ran', async () => {
    const { log, backend, doc } = fakeBackend()
    const copy = new QueuedCopy('db', backend)
    copy.attach(doc('A'))
    copy.detach(true)
    copy.attach(doc('B'))
    await copy.settled()
    expect(log).toEqual(['delete db', 'open db B'])
  })

  it('keeps one copy open however often it is attached', async () => {
    const { log, backend, doc } = fakeBackend()
    const copy = new QueuedCopy('db', backend)
    const a = doc('A')
    copy.attach(a)
    copy.attach(a)
    await copy.settled()
    copy.detach(false)
    copy.attach(a)
    await copy.settled()
    expect(log).toEqual(['open db A', 'close A', 'open db A'])
  })

  it('goes on after a step fails (no IndexedDB)', async () => {
    const { log, doc } = fakeBackend()
    let fail = true
    const copy = new QueuedCopy('db', {
      open: () => {
        if (fail) throw new Error('IndexedDB is not available')
        log.push('open')
        return { destroy: async () => {}, clearData: async () => {} }
      },
      clear: async () => {},
    })
    copy.attach(doc('A'))
    await copy.settled()
    fail = false
    copy.detach(false)
    copy.attach(doc('B'))
    await copy.settled()
    expect(log).toEqual(['open'])
  })
})

describe('reading a copy ahead', () => {
  it('resolves with nothing to hand over where there is no IndexedDB', async () => {
    // Node has none, as some private browsing modes do not: the page renders as it would without.
    await expect(readDeviceCopyAhead('triage:w1/control')).resolves.toBeUndefined()
    expect(takeReadAhead('triage:w1/control')).toBeNull()
  })
})
