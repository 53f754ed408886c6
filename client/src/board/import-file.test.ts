// The size and emptiness guards on pasted lists and imported CSV files.
import { describe, expect, it } from 'vitest'
import { LIMITS } from '@triage/shared'
import { MAX_FILE_BYTES, checkImportText, readImportFile, type TextFile } from './import-file'

const file = (text: string, size = new TextEncoder().encode(text).length): TextFile => ({
  name: 'items.csv',
  size,
  text: () => Promise.resolve(text),
})

describe('checkImportText', () => {
  it('passes a list within the limit and drops a byte-order mark', () => {
    expect(checkImportText('\uFEFFItem\nA\nB')).toEqual({ ok: true, text: 'Item\nA\nB' })
    const full = 'x'.repeat(LIMITS.importText)
    expect(checkImportText(full)).toEqual({ ok: true, text: full })
  })

  it('refuses a blank list', () => {
    expect(checkImportText('  \n \n')).toEqual({
      ok: false,
      message: 'Write at least one item, one a line.',
    })
  })

  it('refuses one character over the limit, saying the limit and the size', () => {
    const result = checkImportText('x'.repeat(LIMITS.importText + 1))
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.message).toContain('at most 100,000 characters')
      expect(result.message).toContain('it has 100,001')
    }
  })
})

describe('readImportFile', () => {
  it('reads a small CSV', async () => {
    await expect(readImportFile(file('Item\nFaster triage\n'))).resolves.toEqual({
      ok: true,
      text: 'Item\nFaster triage\n',
    })
  })

  it('refuses a file too large without reading it', async () => {
    let read = false
    const big: TextFile = {
      name: 'big.csv',
      size: MAX_FILE_BYTES + 1,
      text: () => {
        read = true
        return Promise.resolve('')
      },
    }
    const result = await readImportFile(big)
    expect(result.ok).toBe(false)
    expect(read).toBe(false)
  })

  it('refuses a file whose text is over the limit', async () => {
    const result = await readImportFile(file('é'.repeat(LIMITS.importText + 1)))
    expect(result).toMatchObject({ ok: false })
    if (!result.ok) expect(result.message).toMatch(/^That file is too large/)
  })

  it('refuses an empty file and one that cannot be read', async () => {
    await expect(readImportFile(file(''))).resolves.toEqual({
      ok: false,
      message: 'That file is empty.',
    })
    const broken: TextFile = { name: 'x.csv', size: 3, text: () => Promise.reject(new Error()) }
    await expect(readImportFile(broken)).resolves.toMatchObject({ ok: false })
  })
})
