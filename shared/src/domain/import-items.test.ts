// Unit tests of the candidate item import: pasted lines and CSV files.
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../schema/workshop.js'
import { parseItemList } from './import-items.js'

const MAX = 100

describe('parseItemList: lines', () => {
  it.each<[string, string, string[], number]>([
    ['nothing', '', [], 0],
    ['one line a item', 'Alpha\nBeta\nGamma', ['Alpha', 'Beta', 'Gamma'], 0],
    ['Windows line ends', 'Alpha\r\nBeta\r\n', ['Alpha', 'Beta'], 0],
    ['old Mac line ends', 'Alpha\rBeta', ['Alpha', 'Beta'], 0],
    ['blank lines, not counted', '\n\n  Alpha  \n\t\n   \nBeta\n', ['Alpha', 'Beta'], 0],
    ['inner whitespace', 'Alpha    beta\tgamma', ['Alpha beta gamma'], 0],
    ['bullets', '- Alpha\n* Beta\n• Gamma\n  -   Delta', ['Alpha', 'Beta', 'Gamma', 'Delta'], 0],
    [
      'numbering',
      '1. Alpha\n2) Beta\n10. Gamma\n  3.\tDelta',
      ['Alpha', 'Beta', 'Gamma', 'Delta'],
      0,
    ],
    ['only the first bullet', '- - Alpha\n1. 2. Beta', ['- Alpha', '2. Beta'], 0],
    [
      'text that merely starts like a bullet',
      '-5 degrees in the store\n1.5 mg dose\n2024 budget\n*starred*',
      ['-5 degrees in the store', '1.5 mg dose', '2024 budget', '*starred*'],
      0,
    ],
    ['bullets without text', '-\n*\n•\n1.\n2)\n- ', [], 0],
    [
      'duplicates, whatever their case and bullets',
      'Alpha\nalpha\nALPHA \nBeta\n- alpha\n2. beta',
      ['Alpha', 'Beta'],
      4,
    ],
    [
      'duplicates that differ only in inner spaces',
      'Shorter   waits\nshorter waits',
      ['Shorter waits'],
      1,
    ],
    [
      'formula-looking text, kept as text',
      '=SUM(A1:A3)\n+cmd\n@A1',
      ['=SUM(A1:A3)', '+cmd', '@A1'],
      0,
    ],
  ])('%s', (_, text, items, skipped) => {
    expect(parseItemList(text, 'lines', MAX)).toEqual({ items, skipped })
  })

  it('skips and counts items over the length limit, keeping one exactly at it', () => {
    const atLimit = 'a'.repeat(LIMITS.ideaText)
    const over = 'b'.repeat(LIMITS.ideaText + 1)
    expect(parseItemList(`${atLimit}\n${over}\nShort`, 'lines', MAX)).toEqual({
      items: [atLimit, 'Short'],
      skipped: 1,
    })
  })

  it('measures the length after trimming and stripping the bullet', () => {
    const atLimit = 'a'.repeat(LIMITS.ideaText)
    expect(parseItemList(`  - ${atLimit}   `, 'lines', MAX).items).toEqual([atLimit])
  })

  it.each<[number, string[], number]>([
    [0, [], 5],
    [1, ['A'], 4],
    [3, ['A', 'B', 'C'], 2],
    [5, ['A', 'B', 'C', 'D', 'E'], 0],
    [9, ['A', 'B', 'C', 'D', 'E'], 0],
  ])('keeps at most %i items, counting the rest as skipped', (max, items, skipped) => {
    expect(parseItemList('A\nB\nC\nD\nE', 'lines', max)).toEqual({ items, skipped })
  })

  it('counts duplicates beyond the maximum once each', () => {
    expect(parseItemList('A\nB\na\nC\nb', 'lines', 2)).toEqual({ items: ['A', 'B'], skipped: 3 })
  })
})

describe('parseItemList: CSV', () => {
  it.each<[string, string, string[], number]>([
    ['nothing', '', [], 0],
    ['a header alone', 'Title,Owner', [], 0],
    [
      'a "Title" column',
      'Title,Owner\nFaster triage,Ada\nBetter rota,Bob',
      ['Faster triage', 'Better rota'],
      0,
    ],
    ['a header in any case, not first', 'Owner,ITEM\nAda,Faster triage', ['Faster triage'], 0],
    ['a header with spaces around it', 'Owner, Idea \nAda,Faster triage', ['Faster triage'], 0],
    ['"Item" before "Title"', 'Title,Item\nThe title,The item', ['The item'], 0],
    [
      'no header: the first column',
      'Faster triage,Ada\nBetter rota,Bob',
      ['Faster triage', 'Better rota'],
      0,
    ],
    ['one column, no header', 'Faster triage\nBetter rota', ['Faster triage', 'Better rota'], 0],
    [
      'quoted fields with commas and line breaks',
      'Item,Notes\n"Triage, but faster",x\n"Two\nlines",y\n"He said ""go""",z',
      ['Triage, but faster', 'Two lines', 'He said "go"'],
      0,
    ],
    ['Windows line ends', 'Item,Owner\r\nAlpha,Ada\r\nBeta,Bob\r\n', ['Alpha', 'Beta'], 0],
    ['semicolons', 'Title;Owner\nAlpha;Ada\nBeta;Bob', ['Alpha', 'Beta'], 0],
    ['a byte order mark', '\uFEFFTitle,Owner\nAlpha,Ada', ['Alpha'], 0],
    ['empty rows', 'Item\nAlpha\n\n,\n  ,  \n\nBeta\n', ['Alpha', 'Beta'], 0],
    ['a row with an empty item', 'Item,Owner\n,Ada\nAlpha,Bob', ['Alpha'], 0],
    ['a row too short for the column', 'Owner,Title\nAda\nBob,Beta', ['Beta'], 0],
    [
      'formula-looking cells, kept as text',
      'Item\n=SUM(A1:A3)\n+1\n-2\n@A1\n"=HYPERLINK(""http://x"")"',
      ['=SUM(A1:A3)', '+1', '-2', '@A1', '=HYPERLINK("http://x")'],
      0,
    ],
    ['bullets, kept in CSV', 'Item\n- Alpha', ['- Alpha'], 0],
    ['duplicates', 'Item\nAlpha\nalpha\nBeta\n" ALPHA "', ['Alpha', 'Beta'], 2],
  ])('%s', (_, text, items, skipped) => {
    expect(parseItemList(text, 'csv', MAX)).toEqual({ items, skipped })
  })

  it('skips cells over the length limit and respects the maximum', () => {
    const long = 'x'.repeat(LIMITS.ideaText + 1)
    expect(parseItemList(`Item\nA\n${long}\nB\nC`, 'csv', 2)).toEqual({
      items: ['A', 'B'],
      skipped: 2,
    })
  })
})
