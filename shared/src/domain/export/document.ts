// The export's document model: headings, paragraphs, lists, tables and charts, as plain data.
// Sections build it once; the Markdown and HTML renderers turn it into their markup and do all
// the escaping, so no section ever writes markup (or forgets to escape).

/** A run of text: plain, or strong. Always text, never markup. */
export type Inline = string | { readonly strong: string }

export interface ListItem {
  readonly content: readonly Inline[]
  /** A nested list (ideas merged into a card). */
  readonly children?: readonly (readonly Inline[])[]
}

export interface TableColumn {
  readonly label: string
  /** Numbers are right-aligned. */
  readonly align?: 'left' | 'right'
}

/** Horizontal bars, stacked by series (one series: plain bars). Values are whole counts. */
export interface BarChart {
  readonly title: string
  /** One sentence saying what the bars show, for a screen reader and under the chart. */
  readonly description: string
  readonly series: readonly string[]
  readonly rows: readonly { readonly label: string; readonly values: readonly number[] }[]
  /** What the values count, one and many: `['dot', 'dots']`. */
  readonly unit: readonly [string, string]
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string }
  | { readonly kind: 'paragraph'; readonly content: readonly Inline[] }
  /** Label–value pairs ("Date: …"). */
  | { readonly kind: 'facts'; readonly entries: readonly (readonly [string, string])[] }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | {
      readonly kind: 'table'
      readonly columns: readonly TableColumn[]
      readonly rows: readonly (readonly string[])[]
    }
  /** Drawn in HTML only: every chart's figures are in a table next to it. */
  | { readonly kind: 'chart'; readonly chart: BarChart }
  | { readonly kind: 'matrix'; readonly chart: MatrixChart }

/** A median with its interquartile range, on the 2x2's 1–9 scale. */
export interface Spread {
  readonly median: number
  readonly q1: number
  readonly q3: number
}

/** The 2x2: impact up, effort right, each item at its medians with whiskers over its IQRs. */
export interface MatrixChart {
  readonly title: string
  readonly description: string
  readonly axes: { readonly impact: string; readonly effort: string }
  /** Top left, top right, bottom left, bottom right. */
  readonly corners: readonly [string, string, string, string]
  readonly points: readonly {
    readonly label: string
    readonly impact: Spread
    readonly effort: Spread
    /** Split opinion: drawn hollow, and said in the legend. */
    readonly split: boolean
  }[]
}

/** One section of the rationale document. */
export interface Section {
  /** Stable, for anchors (`votes`, `matrix`, …). */
  readonly id: string
  readonly title: string
  readonly blocks: readonly Block[]
}

/** The whole document: a title, a line under it, and the sections in order. */
export interface ExportDocument {
  readonly title: string
  readonly subtitle: string
  readonly sections: readonly Section[]
  /** Small print at the end (when and how it was exported). */
  readonly footer: string
}

export const heading = (text: string, level: 2 | 3 = 3): Block => ({
  kind: 'heading',
  level,
  text,
})
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content })
export const strong = (text: string): Inline => ({ strong: text })

/** The paragraph a section shows for a phase the workshop did not run. */
export const notRun = (): Block => paragraph('Not run in this workshop.')
