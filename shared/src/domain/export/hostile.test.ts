// Hostile text in an idea, a cluster, a group and a participant's name — script tags, an img with
// onerror, Markdown links and images, spreadsheet formulas — is inert in every export: text in
// the HTML (which passes a strict CSP check), text in the Markdown, text in the CSV.
import MarkdownIt from 'markdown-it'
import Papa from 'papaparse'
import { parse, type DefaultTreeAdapterMap } from 'parse5'
import { describe, expect, it } from 'vitest'
import { HOSTILE, fixtureSources } from './__fixtures__/workshop.js'
import { buildWorkshopRecord } from './build-record.js'
import { renderCsv } from './csv.js'
import { oneLine } from './format.js'
import { HTML_EXPORT_CSP, renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'

type Node = DefaultTreeAdapterMap['node']
type Element = DefaultTreeAdapterMap['element']

function* walk(node: Node): Generator<Node> {
  yield node
  const children = 'childNodes' in node ? node.childNodes : []
  for (const child of children) yield* walk(child)
  if (node.nodeName === 'template') yield* walk((node as DefaultTreeAdapterMap['template']).content)
}
const isElement = (n: Node): n is Element => 'tagName' in n
const textOf = (root: Node) =>
  [...walk(root)]
    .map((n) => (n.nodeName === '#text' ? (n as { value: string }).value : ''))
    .join('\n')

/** An address that would make a browser fetch something, or leave the page. */
const EXTERNAL = /(?:[a-z][a-z0-9+.-]*:|\/\/|url\s*\(|@import)/i
/** The same in CSS, where `name:` is a declaration, not a scheme. */
const CSS_EXTERNAL = /(?:url\s*\(|@import|image-set\s*\(|\/\/|\b(?:https?|ftp|data|javascript):)/i

/**
 * What a strict CSP check finds wrong with a page: any script, any inline event handler, any
 * attribute or style that names an address, any element that loads or navigates.
 */
function cspViolations(html: string): string[] {
  const problems: string[] = []
  for (const node of walk(parse(html))) {
    if (!isElement(node)) continue
    const tag = node.tagName
    if (
      ['script', 'iframe', 'object', 'embed', 'img', 'link', 'base', 'form', 'frame'].includes(tag)
    ) {
      problems.push(`<${tag}>`)
    }
    for (const { name, value } of node.attrs) {
      if (/^on/i.test(name)) problems.push(`${tag}[${name}]`)
      if (name === 'style') problems.push(`${tag}[style]`)
      if (
        ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcset', 'poster', 'data'].includes(
          name,
        )
      ) {
        if (!value.startsWith('#')) problems.push(`${tag}[${name}=${value}]`)
      }
      if (name !== 'content' && EXTERNAL.test(value) && !/^#/.test(value)) {
        problems.push(`${tag}[${name}=${value}]`)
      }
    }
    if (tag === 'style') {
      const css = textOf(node)
      if (CSS_EXTERNAL.test(css)) problems.push('external reference in CSS')
    }
    if (tag === 'meta') {
      const equiv = node.attrs.find((a) => a.name === 'http-equiv')?.value.toLowerCase()
      if (equiv === 'refresh') problems.push('meta refresh')
    }
  }
  return problems
}

describe('hostile text', () => {
  const record = buildWorkshopRecord(fixtureSources({ hostile: true }))
  const values = Object.values(HOSTILE)

  describe('in the HTML export', () => {
    const html = renderHtml(record)
    const doc = parse(html)

    it('passes a strict CSP check: no script, no event handler, no external reference', () => {
      expect(cspViolations(html)).toEqual([])
      expect(html).not.toMatch(/<script/i)
    })

    it('carries its own policy forbidding everything but its inline CSS', () => {
      const meta = [...walk(doc)].find(
        (n) =>
          isElement(n) &&
          n.tagName === 'meta' &&
          n.attrs.some((a) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'),
      ) as Element | undefined
      expect(meta?.attrs.find((a) => a.name === 'content')?.value).toBe(HTML_EXPORT_CSP)
      expect(HTML_EXPORT_CSP).toMatch(/default-src 'none'/)
      expect(HTML_EXPORT_CSP).not.toMatch(/script-src/)
    })

    it('shows every hostile string as text', () => {
      const text = textOf(doc)
      for (const value of values) expect(text).toContain(value)
    })

    it('rejects what the check is there to catch', () => {
      expect(cspViolations('<p onclick="x()">a</p>')).toEqual(['p[onclick]'])
      expect(cspViolations('<script>x</script>')).toContain('<script>')
      expect(cspViolations('<a href="https://e.example">a</a>')).toHaveLength(2)
      expect(cspViolations('<style>p{background:url(x.png)}</style>')).toEqual([
        'external reference in CSS',
      ])
      expect(cspViolations('<svg><image href="//e.example/x.png"/></svg>')).not.toEqual([])
    })
  })

  describe('in the Markdown export', () => {
    const markdown = renderMarkdown(record)
    const md = new MarkdownIt({ html: true, linkify: false })

    it('parses to no HTML, no link and no image, in a renderer that passes HTML through', () => {
      const kinds = new Set<string>()
      for (const token of md.parse(markdown, {})) {
        kinds.add(token.type)
        for (const child of token.children ?? []) kinds.add(child.type)
      }
      for (const forbidden of ['html_inline', 'html_block', 'link_open', 'image']) {
        expect(kinds).not.toContain(forbidden)
      }
      const rendered = parse(md.render(markdown))
      const tags = new Set([...walk(rendered)].filter(isElement).map((e) => e.tagName))
      for (const tag of ['script', 'img', 'a']) expect(tags).not.toContain(tag)
      const text = textOf(rendered)
      for (const value of values) expect(text).toContain(oneLine(value))
    })

    it('leaves no bare address for a GFM viewer to turn into a link', () => {
      expect(markdown).not.toMatch(/https?:\/\//)
      expect(markdown).toContain('https\\://evil.example')
    })
  })

  describe('in the CSV export', () => {
    const csv = renderCsv(record)
    const rows = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').replace(/\r\n$/, ''), {
      newline: '\r\n',
    }).data

    it('starts no cell with a formula character', () => {
      for (const row of rows) {
        for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
      }
    })

    it('keeps each hostile text, behind an apostrophe where a spreadsheet would run it', () => {
      const cells = new Set(rows.flat())
      expect(cells).toContain(`'${HOSTILE.formula}`)
      expect(cells).toContain(`'${HOSTILE.plus}`)
      expect(cells).toContain(`'${HOSTILE.minus}`)
      expect(cells).toContain(`'${HOSTILE.at}`)
      expect(cells).toContain(HOSTILE.script)
      expect(cells).toContain(HOSTILE.link)
      // A group's name only ever follows "Dots: " in a header.
      expect(rows[0]).toContain(`Dots: ${HOSTILE.formula}`)
    })
  })

  it('stays data in the JSON export', () => {
    const json = JSON.parse(renderJson(record)) as { board: { ideas: { text: string }[] } }
    expect(json.board.ideas.map((i) => i.text)).toContain(HOSTILE.script)
  })
})
