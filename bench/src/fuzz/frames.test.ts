// The fuzz engine's generators, offline: reproducible from the seed, never throwing, and
// producing updates Yjs can read often enough to get past the decoder.
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Corpus, FrameGenerator, mutate, parseMessage, syncMessage, SYNC_UPDATE } from './frames.js'
import { Rng } from './rng.js'
import { OwnClients, randomUpdate, vocabulary, writeNum, type GenContext } from './yjs-gen.js'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'

function boardDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = 1
  const idea = new Y.Map<unknown>()
  doc.getMap('ideas').set('i1', idea)
  idea.set('text', new Y.Text('Theatre scheduling'))
  idea.set('cluster', null)
  doc.getMap('clusters').set('c1', { name: 'Cluster', createdAt: 1 })
  doc.getText('notes').insert(0, 'Notes')
  return doc
}

function context(seed: number, mirror: Y.Doc): GenContext {
  const rng = new Rng(seed)
  return {
    rng,
    mirror,
    own: new OwnClients(rng),
    foreign: () => [123, 456],
    avoid: new Set([789]),
    vocab: vocabulary('board'),
  }
}

function corpusOf(doc: Y.Doc): Corpus {
  const corpus = new Corpus()
  const update = Y.encodeStateAsUpdate(doc)
  corpus.add({ data: syncMessage(SYNC_UPDATE, update), direction: 'sent', docKind: 'board' })
  corpus.add({
    data: syncMessage(0, Y.encodeStateVector(doc)),
    direction: 'sent',
    docKind: 'board',
  })
  return corpus
}

describe('Rng', () => {
  it('is reproducible from its seed and its forks are independent', () => {
    const a = new Rng(42)
    const b = new Rng(42)
    const xs = Array.from({ length: 100 }, () => a.u32())
    expect(Array.from({ length: 100 }, () => b.u32())).toEqual(xs)
    expect(new Rng(42).fork('x').u32()).not.toBe(new Rng(42).fork('y').u32())
    expect(new Rng(43).u32()).not.toBe(new Rng(42).u32())
  })

  it('keeps int() in range', () => {
    const r = new Rng(1)
    const seen = new Set<number>()
    for (let i = 0; i < 10_000; i++) seen.add(r.int(7))
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6])
  })
})

describe('writeNum', () => {
  it('writes exact varuints beyond 2^53 and overlong ones', () => {
    const e = encoding.createEncoder()
    writeNum(e, 300, 3)
    writeNum(e, 2n ** 64n - 1n)
    const bytes = encoding.toUint8Array(e)
    const d = decoding.createDecoder(bytes)
    expect(decoding.readVarUint(d)).toBe(300)
    expect(bytes.length).toBe(2 + 3 + 10)
    expect(() => decoding.readVarUint(d)).toThrow()
  })
})

describe('FrameGenerator', () => {
  it('gives the same frames for the same seed', () => {
    const frames = (seed: number) => {
      const doc = boardDoc()
      const gen = new FrameGenerator(context(seed, doc), corpusOf(doc))
      return Array.from({ length: 150 }, () => Buffer.from(gen.next().data).toString('hex'))
    }
    expect(frames(7)).toEqual(frames(7))
    expect(frames(7)).not.toEqual(frames(8))
  }, 30_000)

  it('makes thousands of frames of every kind without throwing', () => {
    const doc = boardDoc()
    const gen = new FrameGenerator(context(3, doc), corpusOf(doc))
    const kinds = new Set<string>()
    let largest = 0
    for (let i = 0; i < 2000; i++) {
      const f = gen.next()
      kinds.add(f.kind)
      largest = Math.max(largest, f.data.length)
    }
    expect(kinds.size).toBe(8)
    expect(largest).toBeLessThan(1024 * 1024 + 8192)
  }, 30_000)

  it('writes random updates that Yjs can decode often enough to reach the document', () => {
    const doc = boardDoc()
    const ctx = context(5, doc)
    let decoded = 0
    const n = 300
    for (let i = 0; i < n; i++) {
      try {
        Y.decodeUpdate(randomUpdate(ctx).update)
        decoded++
      } catch {
        // out-of-range numbers and unknown contents are meant to fail
      }
    }
    expect(decoded / n).toBeGreaterThan(0.3)
  }, 30_000)
})

describe('mutate', () => {
  it('inflates a header varint so that the frame no longer reads', () => {
    const frame = syncMessage(SYNC_UPDATE, Y.encodeStateAsUpdate(boardDoc()))
    expect(parseMessage(frame)).not.toBeNull()
    const rng = new Rng(11)
    let broken = 0
    for (let i = 0; i < 200; i++) {
      const m = mutate(rng, frame, 'varint', frame)
      if (m.length !== frame.length) broken++
    }
    expect(broken).toBeGreaterThan(100)
  })
})
