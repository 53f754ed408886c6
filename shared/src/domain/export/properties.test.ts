// Laws of the export's escaping, checked on generated text: CSV cells come back from a parser as
// they went in (formula cells behind one apostrophe), Markdown text comes back from a CommonMark
// parser as the same text and never as markup, HTML text comes back from an HTML parser.
import fc from 'fast-check'
import MarkdownIt, { type Token } from 'markdown-it'
import Papa from 'papaparse'
import { parseFragment } from 'parse5'
import { describe, expect, it } from 'vitest'
import { cleanText } from '../../schema/text.js'
import { renderCsv, toCsv } from './csv.js'
import type { ExportDocument } from './document.js'
import { escapeHtml } from './escape.js'
import { oneLine } from './format.js'
import { documentToMarkdown, renderMarkdown } from './markdown.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { workshopRecordSchema } from '../../schema/record.js'
import { exportFilename } from './index.js'
import { buildWorkshopRecord } from './build-record.js'
import { fixtureSources } from './__fixtures__/workshop.js'

/** Characters that make text special somewhere: CSV, Markdown, HTML, spreadsheets. */
const tricky = fc.constantFrom(
  ...'=+-@\t\r\n",;\'|\\`*_~[]()<>!#&:./ 0123456789abcwx'.split(''),
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
  'é',
  '😀',
  'http://',
  'www.',
  '&amp;',
  '&#60;',
  '<script>',
  '<img onerror=x>',
  '![a](b)',
  '[a](b)',
  '<http://a.b>',
  '1. ',
  '- ',
  '# ',
  '> ',
  '---',
  '===',
  '```',
)
const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: tricky }, fc.string({ maxLength: 3 })), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''))
/** Text as the workshop stores it (cleaned: no control characters but tab and line feed). */
const stored = text.map((t) => cleanText(t, { multiline: true }))

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/
const neutralised = (cell: string) => (FORMULA_START.test(cell) ? `'${cell}` : cell)

function parseCsv(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  const body = csv.slice(1).replace(/\r\n$/, '')
  return Papa.parse<string[]>(body, { newline: '\r\n', delimiter: ',' }).data
}

describe('CSV', () => {
  it('round-trips every cell through a parser, formula cells behind one apostrophe', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.array(fc.array(text, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 5,
          }),
        ),
        (cells) => {
          // A first cell that is never empty, as every row of the export has: a CSV cannot
          // tell a row of one empty cell from no row at all.
          const rows = cells.map((row, i) => [`r${i}`, ...row])
          const parsed = parseCsv(toCsv(rows))
          expect(parsed).toEqual(rows.map((row) => row.map(neutralised)))
          for (const cell of parsed.flat()) expect(cell).not.toMatch(FORMULA_START)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('writes numbers as numbers', () => {
    expect(parseCsv(toCsv([[1, 0, 23.3]]))).toEqual([['1', '0', '23.3']])
  })
})

describe('Markdown', () => {
  const md = new MarkdownIt({ html: true, linkify: false })
  const doc = (t: string): ExportDocument => ({
    title: t,
    subtitle: 'sub',
    footer: 'foot',
    sections: [
      {
        id: 's',
        title: t,
        blocks: [
          { kind: 'paragraph', content: [t] },
          { kind: 'paragraph', content: [{ strong: 'Label: ' }, t] },
          { kind: 'paragraph', content: [{ strong: `${t}: ` }, 'names'] },
          { kind: 'list', items: [{ content: [t], children: [[t]] }] },
          {
            kind: 'table',
            columns: [{ label: t }, { label: 'n', align: 'right' }],
            rows: [[t, '1']],
          },
        ],
      },
    ],
  })
  const SAFE = new Set(['text', 'text_special', 'strong_open', 'strong_close'])
  /** The text of an inline token's children, escapes and entities resolved. */
  const inlineText = (token: Token) =>
    (token.children ?? [])
      .filter((c) => c.type === 'text' || c.type === 'text_special')
      .map((c) => c.content)
      .join('')

  it('parses back to the same text, never to markup, wherever text lands', () => {
    fc.assert(
      fc.property(stored, (t) => {
        fc.pre(oneLine(t) !== '')
        const tokens = md.parse(documentToMarkdown(doc(t)), {})
        const inlines = tokens.filter((tok) => tok.type === 'inline')
        for (const tok of inlines) {
          for (const child of tok.children ?? []) expect(SAFE).toContain(child.type)
        }
        for (const tok of tokens) expect(tok.type).not.toMatch(/^(html_block|code_block|fence)$/)
        const texts = inlines.map(inlineText)
        // Title, subtitle, section title, paragraph, labelled paragraphs, item, nested item,
        // header cells, body cells, footer.
        expect(texts).toEqual([
          oneLine(t),
          'sub',
          oneLine(t),
          oneLine(t),
          `Label: ${oneLine(t)}`,
          `${oneLine(`${t}: `)} names`,
          oneLine(t),
          oneLine(t),
          oneLine(t),
          'n',
          oneLine(t),
          '1',
          'foot',
        ])
      }),
      { numRuns: 200 },
    )
  }, 60_000)
})

describe('HTML', () => {
  it('escapes text so that an HTML parser reads back exactly that text', () => {
    fc.assert(
      fc.property(stored, (t) => {
        const fragment = parseFragment(`<p title="${escapeHtml(t)}">${escapeHtml(t)}</p>`)
        const p = fragment.childNodes[0] as unknown as {
          attrs: { value: string }[]
          childNodes: { value: string }[]
        }
        expect(p.attrs[0]!.value).toBe(t)
        expect(p.childNodes.map((c) => c.value).join('')).toBe(t)
      }),
      { numRuns: 400 },
    )
  })
})

describe('idempotence', () => {
  it('collapsing text to one line twice changes nothing more', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(oneLine(oneLine(t))).toBe(oneLine(t))
      }),
    )
  })

  it('the JSON export is a fixed point: read back and written again, byte for byte', () => {
    for (const options of [{}, { anonymous: true }, { hostile: true }]) {
      const record = buildWorkshopRecord(fixtureSources(options))
      const json = renderJson(record)
      const again = workshopRecordSchema.parse(JSON.parse(json))
      expect(renderJson(again)).toBe(json)
      // And every other format is a function of the JSON alone.
      expect(renderMarkdown(again)).toBe(renderMarkdown(record))
      expect(renderHtml(again)).toBe(renderHtml(record))
      expect(renderCsv(again)).toBe(renderCsv(record))
    }
  })
})

describe('file names', () => {
  it('are ASCII, safe in a header and on any file system, whatever the title', () => {
    const record = buildWorkshopRecord(fixtureSources())
    fc.assert(
      fc.property(text, fc.constantFrom('md', 'html', 'json', 'csv' as const), (title, format) => {
        const name = exportFilename({ ...record, workshop: { ...record.workshop, title } }, format)
        expect(name).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}-\d{2}-\d{2}\.(md|html|json|csv)$/)
        expect(name.length).toBeLessThanOrEqual(60 + 16)
      }),
    )
  })
})
