// The rationale document as Markdown (GitHub-flavoured). The document model becomes an mdast
// tree and mdast-util-to-markdown writes it: that serialiser escapes text for the context it
// lands in (line starts, tables, link and image syntax, raw HTML, autolink literals), so people's
// text stays text in any Markdown viewer.
import type {
  Heading,
  List,
  ListItem as MdListItem,
  Paragraph,
  PhrasingContent,
  Root,
  RootContent,
  Table,
  TableRow,
} from 'mdast'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { toMarkdown } from 'mdast-util-to-markdown'
import type { WorkshopRecord } from '../../schema/record.js'
import type { Block, ExportDocument, Inline, ListItem } from './document.js'
import { oneLine, type RenderOptions } from './format.js'
import { rationaleDocument } from './rationale.js'

/** Built once: the serialiser compiles its escaping patterns on these objects and keeps them. */
const GFM = gfmToMarkdown({ tablePipeAlign: false })

/** Text as one line: a line break inside a list item or a table cell would end it. */
const text = (value: string): PhrasingContent => ({ type: 'text', value: oneLine(value) })

function phrasing(content: readonly Inline[]): PhrasingContent[] {
  const out: PhrasingContent[] = []
  for (const part of content) {
    if (typeof part === 'string') {
      // Keep the spaces around a run of text (oneLine trims), collapsing the rest.
      const value = part.replace(/\s+/g, ' ')
      if (value) out.push({ type: 'text', value })
    } else {
      // Strong text ends inside its own trailing space: "**Label:** text".
      const value = oneLine(part.strong)
      if (value) out.push({ type: 'strong', children: [{ type: 'text', value }] })
      if (/\s$/.test(part.strong)) out.push({ type: 'text', value: ' ' })
    }
  }
  // Adjacent text joins into one node with single spaces (a label's space meets the value's).
  for (let i = out.length - 1; i > 0; i--) {
    const [a, b] = [out[i - 1]!, out[i]!]
    if (a.type === 'text' && b.type === 'text') {
      a.value = `${a.value}${b.value}`.replace(/ {2,}/g, ' ')
      out.splice(i, 1)
    }
  }
  // The run as a whole is one line: no space at either end (the serialiser would keep it).
  const first = out[0]
  if (first?.type === 'text') first.value = first.value.trimStart()
  const last = out[out.length - 1]
  if (last?.type === 'text') last.value = last.value.trimEnd()
  return out.filter((node) => node.type !== 'text' || node.value !== '')
}

const para = (content: readonly Inline[]): Paragraph => ({
  type: 'paragraph',
  children: phrasing(content),
})

function list(items: readonly ListItem[]): List {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: items.map((item): MdListItem => ({
      type: 'listItem',
      spread: false,
      children: [
        para(item.content),
        ...(item.children && item.children.length > 0
          ? [list(item.children.map((content) => ({ content })))]
          : []),
      ],
    })),
  }
}

function block(b: Block): RootContent[] {
  switch (b.kind) {
    case 'heading':
      return [{ type: 'heading', depth: b.level, children: [text(b.text)] } satisfies Heading]
    case 'paragraph':
      return [para(b.content)]
    case 'facts':
      return [
        list(b.entries.map(([label, value]) => ({ content: [{ strong: `${label}: ` }, value] }))),
      ]
    case 'list':
      return b.items.length === 0 ? [] : [list(b.items)]
    case 'table': {
      const row = (cells: readonly string[]): TableRow => ({
        type: 'tableRow',
        children: cells.map((c) => ({ type: 'tableCell', children: c ? [text(c)] : [] })),
      })
      const table: Table = {
        type: 'table',
        align: b.columns.map((c) => (c.align === 'right' ? 'right' : 'left')),
        children: [row(b.columns.map((c) => c.label)), ...b.rows.map(row)],
      }
      return [table]
    }
    case 'chart':
      // The figures of every chart are in the table beside it.
      return []
  }
}

/** The document model as Markdown. */
export function documentToMarkdown(doc: ExportDocument): string {
  const children: RootContent[] = [
    { type: 'heading', depth: 1, children: [text(doc.title)] },
    para([doc.subtitle]),
  ]
  for (const section of doc.sections) {
    children.push({ type: 'heading', depth: 2, children: [text(section.title)] })
    for (const b of section.blocks) children.push(...block(b))
  }
  children.push({ type: 'thematicBreak' }, para([doc.footer]))
  const root: Root = { type: 'root', children }
  return toMarkdown(root, {
    bullet: '-',
    emphasis: '_',
    strong: '*',
    rule: '-',
    listItemIndent: 'one',
    extensions: [GFM],
  })
}

/** The rationale document of a workshop record, as Markdown. */
export function renderMarkdown(record: WorkshopRecord, options: RenderOptions = {}): string {
  return documentToMarkdown(rationaleDocument(record, options))
}
