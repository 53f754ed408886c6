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

  it('marks a decision never recorded in the log as a draft, and counts it apart', () => {
    const log = sources.log.filter(
      (e) => !(e.type === 'decision-recorded' && e.decision === sources.decisions!.list[1]!.id),
    )
    const md = renderMarkdown(buildWorkshopRecord({ ...sources, log }))
    expect(md).toContain('2 decisions: 1 recorded in the decision log, 1 still a draft.')
    const second = md.slice(md.lastIndexOf(`### ${sources.decisions!.list[1]!.title}`))
    expect(second).toMatch(/^### [^\n]+\n\n\*\*Draft:\*\* not recorded in the decision log\./)
    const first = md.slice(md.lastIndexOf(`### ${sources.decisions!.list[0]!.title}`))
    expect(first.slice(0, first.indexOf('**Rationale'))).not.toContain('Draft')
  })
})
