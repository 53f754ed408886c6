// The rationale document as Markdown (CommonMark with GitHub's tables). Every piece of text goes
// through `escapeMarkdown`, which backslash-escapes whatever could start markup where it lands:
// raw HTML, links and images, emphasis, code, tables, entities, GFM's bare-address autolinks
// and strikethrough, and block syntax at the start of a line. Property tests parse the output
// with markdown-it and find the same text and no markup.
// (mdast-util-to-markdown escapes as well, but took 350 ms for a 1,000-idea workshop; this is
// one regular expression pass per string.)
import type { WorkshopRecord } from '../../schema/record.js'
import type { Block, ExportDocument, Inline, ListItem } from './document.js'
import { oneLine, type RenderOptions } from './format.js'
import { rationaleDocument } from './rationale.js'

/** Characters that start or end inline markup anywhere in a line. */
const INLINE = /[\\`*_[\]<>&|~#]/g
/** Where GFM would turn a bare address into a link: `scheme://`, `www.`, `mailto:`, `a@b`. */
const AUTOLINK = /:(?=\/\/)|\bwww\.|\b(?:mailto|xmpp):|@/gi
const escapeAutolink = (m: string) => `${m.slice(0, -1)}\\${m.slice(-1)}`
/** Whether text holds anything to escape or white space to collapse (else it stays as it is). */
const NEEDS_WORK = /[\\`*_[\]<>&|~#:@]|www\.|\s\s|[^\S ]|^\s|\s$/i
/** Block syntax a line may start with: list markers, a setext underline, an ordered list. */
const LINE_START = /^(?:([-+=])|(\d{1,9})([.)])(?=\s|$))/

/** A run of text inside a line: escaped, its own leading and trailing space kept as one. */
function escapeRun(text: string): string {
  if (!NEEDS_WORK.test(text)) return text
  const body = oneLine(text).replace(INLINE, '\\$&').replace(AUTOLINK, escapeAutolink)
  if (body === '') return /\s/.test(text) ? ' ' : ''
  return `${/^\s/.test(text) ? ' ' : ''}${body}${/\s$/.test(text) ? ' ' : ''}`
}

/** Escapes what a line may start with (list marker, setext underline, ordered list number). */
const lineStart = (line: string) =>
  line.replace(LINE_START, (_m, marker?: string, digits?: string, dot?: string) =>
    marker !== undefined ? `\\${marker}` : `${digits}\\${dot}`,
  )

/**
 * Text as Markdown that reads back as exactly that text, on one line (white space collapsed):
 * never a tag, a link, an image, emphasis, code, a table cell boundary, an entity or a block.
 * Safe at the start of a line, in a list item, a heading, a table cell and inside `**…**`.
 */
export function escapeMarkdown(text: string): string {
  return lineStart(escapeRun(text).trim())
}

/** Plain and strong runs as one line of Markdown. */
function inline(content: readonly Inline[]): string {
  const line = content
    .map((part) => {
      if (typeof part === 'string') return escapeRun(part)
      // The space after a label ("Held: ") stays outside the markers.
      const text = escapeMarkdown(part.strong)
      return text === '' ? '' : `**${text}**${/\s$/.test(part.strong) ? ' ' : ''}`
    })
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
  return lineStart(line)
}

function list(items: readonly ListItem[], indent = ''): string[] {
  const lines: string[] = []
  for (const item of items) {
    lines.push(`${indent}- ${inline(item.content)}`)
    for (const child of item.children ?? []) lines.push(`${indent}  - ${inline(child)}`)
  }
  return lines
}

const row = (cells: readonly string[]) => `| ${cells.map((c) => escapeMarkdown(c)).join(' | ')} |`

function block(b: Block): string | null {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`
    case 'paragraph': {
      const text = inline(b.content)
      return text === '' ? null : text
    }
    case 'facts':
      return list(
        b.entries.map(([label, value]) => ({ content: [{ strong: `${label}: ` }, value] })),
      ).join('\n')
    case 'list':
      return b.items.length === 0 ? null : list(b.items).join('\n')
    case 'table':
      return [
        row(b.columns.map((c) => c.label)),
        `| ${b.columns.map((c) => (c.align === 'right' ? '-:' : ':-')).join(' | ')} |`,
        ...b.rows.map(row),
      ].join('\n')
    case 'chart':
    case 'matrix':
      // The figures of every chart are in the table beside it.
      return null
  }
}

/** The document model as Markdown. */
export function documentToMarkdown(doc: ExportDocument): string {
  const blocks: string[] = [`# ${escapeMarkdown(doc.title)}`, escapeMarkdown(doc.subtitle)]
  for (const section of doc.sections) {
    blocks.push(`## ${escapeMarkdown(section.title)}`)
    for (const b of section.blocks) {
      const text = block(b)
      if (text !== null) blocks.push(text)
    }
  }
  blocks.push('---', escapeMarkdown(doc.footer))
  return `${blocks.join('\n\n')}\n`
}

/** The rationale document of a workshop record, as Markdown. */
export function renderMarkdown(record: WorkshopRecord, options: RenderOptions = {}): string {
  return documentToMarkdown(rationaleDocument(record, options))
}
