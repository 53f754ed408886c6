// The decisions section and the options' standing, for records the golden fixture does not
// cover: no decision, decisions before a vote, consent asked but not revealed.
import { describe, expect, it } from 'vitest'
import { fixtureSources } from '../__fixtures__/workshop.js'
import { buildWorkshopRecord } from '../build-record.js'
import { renderMarkdown } from '../markdown.js'

const sources = fixtureSources()

describe('the decisions section', () => {
  it('says so when no decision was recorded', () => {
    const md = renderMarkdown(buildWorkshopRecord({ ...sources, decisions: null }))
    expect(md).toContain('## Decisions\n\nNo decision has been recorded yet.')
    expect(md).toContain('No decision has been recorded yet.')
  })

  it('says consent was asked but not revealed, and shows no counts', () => {
    const md = renderMarkdown(
      buildWorkshopRecord({
        ...sources,
        decisions: { ...sources.decisions!, status: 'closed', result: null, sealed: null },
      }),
    )
    expect(md).toContain('their answers have not been revealed yet')
    expect(md).not.toContain('Consent by group')
    expect(md).toContain('### Theatre scheduling')
  })

  it('marks decided options even before a vote was revealed', () => {
    const md = renderMarkdown(
      buildWorkshopRecord({
        ...sources,
        results: null,
        sealedBallots: null,
        voting: { ...sources.voting, status: 'setup' },
        framework: null,
      }),
    )
    expect(md).toContain('No vote has been revealed. The options so far')
    expect(md).toMatch(/\| Theatre scheduling \| Cluster \| Not voted on; decided \|/)
    // Without a vote or a framework, a dissenting group's figures say nothing was measured.
    expect(md).toContain('No figures were measured for this group.')
  })
})
