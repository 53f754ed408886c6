// The file name a download is saved under, from the server's Content-Disposition header.
import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from './download'

describe('filenameFromDisposition', () => {
  it.each([
    ['attachment; filename="ward-rounds-2026-11-30.md"', 'ward-rounds-2026-11-30.md'],
    ['attachment; filename=plain.csv', 'plain.csv'],
    ['attachment;filename="a; b.html"', 'a; b.html'],
    ['attachment; filename="say \\"hi\\".md"', 'say _hi_.md'],
    ['attachment; filename="fallback.md"; filename*=UTF-8\'\'Stra%C3%9Fe.md', 'Straße.md'],
    ["attachment; filename*=utf-8''r%C3%A9sum%C3%A9.json", 'résumé.json'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="C:\\\\temp\\\\x.md"', 'x.md'],
    ['attachment; filename="bell\u0007.md"', 'bell_.md'],
  ])('reads %j as %j', (header, name) => {
    expect(filenameFromDisposition(header, 'export')).toBe(name)
  })

  it.each([
    [null],
    [''],
    ['attachment'],
    ['attachment; filename=""'],
    ['attachment; filename=".."'],
    ["attachment; filename*=UTF-8''%E0%A4%A"],
  ])('falls back when %j names no usable file', (header) => {
    expect(filenameFromDisposition(header, 'workshop.md')).toBe('workshop.md')
  })

  it('does not take a filename parameter hidden inside another one', () => {
    expect(filenameFromDisposition('attachment; xfilename="evil.exe"', 'safe.md')).toBe('safe.md')
  })
})
