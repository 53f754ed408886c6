// Golden files: the Markdown and the CSV of the fixture workshop, byte for byte. A change to the
// document shows up as a diff of these files; update them with `vitest run -u` after reading it.
import { describe, expect, it } from 'vitest'
import { fixtureSources } from './__fixtures__/workshop.js'
import { buildWorkshopRecord } from './build-record.js'
import { renderCsv } from './csv.js'
import { renderHtml } from './html.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'

describe('the fixture workshop, every phase built so far', () => {
  const record = buildWorkshopRecord(fixtureSources())

  it('renders the golden Markdown rationale document', async () => {
    await expect(renderMarkdown(record)).toMatchFileSnapshot('./__golden__/workshop.md')
  })

  it('renders the golden CSV of ranked items', async () => {
    await expect(renderCsv(record)).toMatchFileSnapshot('./__golden__/workshop.csv')
  })

  it('renders the golden Markdown of the same workshop held anonymously', async () => {
    const anonymous = buildWorkshopRecord(fixtureSources({ anonymous: true }))
    await expect(renderMarkdown(anonymous)).toMatchFileSnapshot('./__golden__/anonymous.md')
  })

  it('names nobody in any format when the workshop is anonymous', () => {
    const anonymous = buildWorkshopRecord(fixtureSources({ anonymous: true }))
    const names = Object.values(fixtureSources().roster).map((p) => p.name)
    for (const body of [
      renderMarkdown(anonymous),
      renderHtml(anonymous),
      renderJson(anonymous),
      renderCsv(anonymous),
    ]) {
      for (const name of names) expect(body).not.toContain(name)
      // Participant ids neither: a pseudonym must not be linkable to a roster entry.
      expect(body).not.toMatch(/"p[1-7]"/)
    }
  })
})
