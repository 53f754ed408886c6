// Every number in the Markdown comes back from the JSON export: parse the JSON with its schema,
// recount the votes from the pseudonymous ballots with `tally`, count heads and ideas from the
// lists, and find the same figures in the document's tables and sentences.
import { describe, expect, it } from 'vitest'
import { workshopRecordSchema, type WorkshopRecord } from '../../schema/record.js'
import { voteItems } from '../items.js'
import { describeLogEvent } from '../log.js'
import { rankedItems, rankLabel } from '../tally.js'
import { fixtureSources } from './__fixtures__/workshop.js'
import { buildWorkshopRecord, tallyBallots } from './build-record.js'
import { recordBoard } from './figures.js'
import { formatTime, oneLine, ordinal, percent } from './format.js'
import { tallyConsentBallots } from './decisions-record.js'
import { describeGroupFigures, groupFigures } from '../decide/figures.js'
import { weightedRanking } from '../framework/scores.js'
import { standingFromRecord } from './sections/decisions.js'
import { renderJson } from './json.js'
import { renderMarkdown } from './markdown.js'
import { recomputeMatrixResult, recomputeScoresResult } from './sealed-record.js'
import { frameworkInputFromRecord, points } from './sections/framework.js'
import { frameworkOutcome } from '../framework/outcome.js'
import { spread } from './sections/matrix.js'

/** The GFM tables of a Markdown document: rows of cells, header first, escapes undone. */
function tables(markdown: string): string[][][] {
  const out: string[][][] = []
  let current: string[][] | null = null
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      current = null
      continue
    }
    const cells = line
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\(.)/g, '$1'))
    if (cells.every((c) => /^:?-+:?$/.test(c))) continue
    if (!current) out.push((current = []))
    current.push(cells)
  }
  return out
}

const tableStartingWith = (all: string[][][], header: string) => {
  const found = all.find((t) => t[0]![0] === header)
  if (!found) throw new Error(`no table headed ${header}`)
  return found
}

describe('the Markdown, recomputed from the JSON export', () => {
  const original = buildWorkshopRecord(fixtureSources())
  const markdown = renderMarkdown(original)
  const json: WorkshopRecord = workshopRecordSchema.parse(JSON.parse(renderJson(original)))
  const results = json.voting.results!
  const ballots = json.voting.ballots!
  const recount = tallyBallots(results, ballots)
  const all = tables(markdown)

  it('carries its schema version and the ballots under pseudonyms only', () => {
    expect(json.schemaVersion).toBe(2)
    expect(json.format).toBe('triage-board/workshop-record')
    expect(ballots.map((b) => b.voter)).toEqual(ballots.map((_, i) => `V00${i + 1}`))
  })

  it('recounts the revealed results exactly from the sealed ballots', () => {
    expect(recount.items).toEqual(results.items)
    expect(recount.groups).toEqual(results.groups)
    expect(recount.totalDots).toBe(results.totalDots)
    expect(recount.voters).toBe(results.voters)
    // The ballot was the board's items, as voteItems makes them from the board in the record.
    expect(voteItems(recordBoard(json), results.settings.voteOn)).toEqual(
      results.items.map(({ key, kind, label }) => ({ key, kind, label })),
    )
  })

  it('renders the same document from the recomputed record', () => {
    const recomputed: WorkshopRecord = {
      ...json,
      voting: {
        ...json.voting,
        results: { ...results, ...recount, ballots: null },
      },
    }
    expect(renderMarkdown(recomputed)).toBe(markdown)
  })

  it('finds the head count of every group', () => {
    const table = tableStartingWith(all, 'Stakeholder group')
    const expected = json.workshop.groups.map((g) => [
      g.name,
      String(json.participants.filter((p) => p.group === g.id).length),
    ])
    expect(table.slice(1)).toEqual([...expected, ['All groups', String(json.participants.length)]])
  })

  it('finds each group’s ideas in each cluster', () => {
    const table = tableStartingWith(all, 'Cluster')
    const byId = new Map(json.board.ideas.map((i) => [i.id, i]))
    const clusterOf = (id: string): string | null => {
      const idea = byId.get(id)!
      return idea.mergedInto ? clusterOf(idea.mergedInto) : idea.clusterId
    }
    const rows = [...json.board.clusters.map((c) => c.id), null].map((cluster) => {
      const ideas = json.board.ideas.filter((i) => clusterOf(i.id) === cluster)
      return [
        cluster === null
          ? 'Not in a cluster'
          : json.board.clusters.find((c) => c.id === cluster)!.name,
        String(ideas.length),
        ...json.workshop.groups.map((g) => String(ideas.filter((i) => i.group === g.id).length)),
        String(ideas.filter((i) => i.source === 'facilitator').length),
      ]
    })
    expect(table.slice(1)).toEqual(rows)
  })

  it('finds the recounted votes of every group and every item', () => {
    const groups = all.find((t) => t[0]!.join() === 'Stakeholder group,Voted,Members,Dots')!
    expect(groups.slice(1)).toEqual(
      recount.groups.map((g) => [g.name, String(g.voters), String(g.members), String(g.dots)]),
    )
    const items = tableStartingWith(all, 'Rank')
    const totalRanks = recount.items.map((i) => i.rank)
    const normRanks = recount.items.map((i) => i.normalizedRank)
    const expected = rankedItems(recount.items, 'total')
      .filter((i) => i.total > 0)
      .map((i) => [
        rankLabel(i.rank, totalRanks),
        oneLine(i.label),
        i.kind === 'cluster' ? 'Cluster' : 'Idea',
        String(i.total),
        ...recount.groups.map((g) => String(i.byGroup[g.id] ?? 0)),
        percent(i.normalized),
        rankLabel(i.normalizedRank, normRanks),
      ])
    expect(items.slice(1)).toEqual(expected)
    const members = recount.groups.reduce((s, g) => s + g.members, 0)
    const placed = recount.items.filter((i) => i.total > 0).length
    expect(markdown).toContain(
      `${recount.voters} of ${members} participants placed ${recount.totalDots} dots on ${placed} items (of ${recount.items.length} on the ballot).`,
    )
    expect(markdown).toContain(`${recount.items.length - placed} further items received no dots.`)
  })

  it('finds every log event at its time', () => {
    const log = tableStartingWith(all, 'Time')
    expect(log.slice(1)).toEqual(json.log.map((e) => [formatTime(e.at), describeLogEvent(e)]))
  })
})

describe('the decisions, recomputed from the JSON export', () => {
  const original = buildWorkshopRecord(fixtureSources())
  const markdown = renderMarkdown(original)
  const json: WorkshopRecord = workshopRecordSchema.parse(JSON.parse(renderJson(original)))
  const decisions = json.decisions!
  const result = decisions.consent.result!
  const groupOrder = json.workshop.groups.map((g) => g.id)
  const name = (id: string) => json.workshop.groups.find((g) => g.id === id)?.name ?? id
  const all = tables(markdown)

  it('recounts the revealed consent exactly from the pseudonymous ballots', () => {
    const ballots = decisions.consent.ballots!
    expect(ballots.map((b) => b.voter)).toEqual(ballots.map((_, i) => `C00${i + 1}`))
    expect(tallyConsentBallots(result, ballots, groupOrder)).toEqual(result)
  })

  it('finds every consent count per group in the document', () => {
    const consentTables = all.filter((t) => t[0]![0] === 'Consent by group')
    expect(consentTables).toHaveLength(result.decisions.length)
    result.decisions.forEach((d, i) => {
      const rows = consentTables[i]!.slice(1)
      const silent = (m: number, a: number, o: number) => String(m - a - o)
      expect(rows).toEqual([
        ...d.groups.map((g) => [
          name(g.group),
          String(g.accept),
          String(g.object),
          silent(g.members, g.accept, g.object),
        ]),
        [
          'All groups',
          String(d.accept),
          String(d.object),
          silent(
            d.groups.reduce((s, g) => s + g.members, 0),
            d.accept,
            d.object,
          ),
        ],
      ])
    })
  })

  it('finds each dissenting group’s figures, recomputed from the votes and framework in the JSON', () => {
    const table = tableStartingWith(all, 'Dissenting group')
    const dissent = decisions.list.flatMap((d) => d.dissent.map((x) => ({ d, x })))
    expect(table.slice(1)).toEqual(
      dissent.map(({ d, x }) => [
        name(x.group),
        x.words,
        describeGroupFigures(
          groupFigures(d.item, x.group, {
            votes: json.voting.results,
            framework: standingFromRecord(json.framework),
          }),
          ordinal,
        ),
      ]),
    )
    // The figures are the group's own dots: check one by hand from the results.
    const item = json.voting.results!.items.find((i) => i.key === dissent[0]!.d.item)!
    expect(table[1]![2]).toContain(`Gave it ${item.byGroup[dissent[0]!.x.group] ?? 0} of their`)
    // And its rank with its own weights: the framework's scores under the group's mean weights.
    const fw = json.framework!
    const group = dissent[0]!.x.group
    const own = fw.weights.result!.groups.find((g) => g.group === group)!.mean
    const scores = fw.consensusScores!
    const ranked = weightedRanking(
      scores.items.map((i) => i.key),
      fw.framework!.criteria,
      own,
      scores.scores,
    )
    const mine = ranked.find((r) => r.key === dissent[0]!.d.item)!
    expect(table[1]![2]).toContain(
      `ranked it ${ordinal(mine.rank)} of ${ranked.length} with their own weights`,
    )
  })
})

describe('the 2x2, recomputed from the JSON export', () => {
  const original = buildWorkshopRecord(fixtureSources())
  const markdown = renderMarkdown(original)
  const json: WorkshopRecord = workshopRecordSchema.parse(JSON.parse(renderJson(original)))
  const matrix = json.matrix!
  const result = matrix.result!
  const sheets = matrix.ratings!
  // The round's own aggregate, with the bootstrap's seed and resamples the result records.
  const again = recomputeMatrixResult(result, sheets)
  const all = tables(markdown)
  const quadrant = (q: string | null) =>
    q ? matrix.labels.quadrants[q as keyof typeof matrix.labels.quadrants] : 'Not placed'

  it('carries the sealed ratings under pseudonyms only', () => {
    expect(sheets.rows.map((s) => s.rater)).toEqual(sheets.rows.map((_, i) => `R00${i + 1}`))
    expect(sheets.rows).toHaveLength(json.participants.length)
    // In columns: the result's items once, then impact and effort per item in each row.
    expect(sheets.items).toEqual(result.items.map((i) => i.key))
    expect(sheets.axes).toEqual(['impact', 'effort'])
    expect(result.bootstrap).toEqual({ seed: 2024, resamples: 1000, draws: 'halves' })
  })

  it('recomputes the revealed aggregate exactly: medians, quartiles, groups, splits, stability', () => {
    expect(again).toEqual(result)
  })

  it('finds every recomputed figure in the document', () => {
    const groupEqual = all.find(
      (t) => t[0]!.join() === 'Item,Impact,Effort,n,Skipped,Quadrant,Stability,Split',
    )!
    expect(groupEqual.slice(1)).toEqual(
      again.items.map((item) => [
        item.label,
        spread(item.groups.impact),
        spread(item.groups.effort),
        String(item.n),
        String(item.skipped),
        quadrant(item.groups.quadrant),
        item.groups.stability === null ? '–' : `${Math.round(item.groups.stability * 100)}%`,
        item.split ? 'Split' : 'No',
      ]),
    )
    const people = all.find((t) => t[0]!.join() === 'Item,Impact,Effort,Quadrant')!
    expect(people.slice(1)).toEqual(
      again.items.map((item) => [
        item.label,
        spread(item.people.impact),
        spread(item.people.effort),
        quadrant(item.people.quadrant),
      ]),
    )
    const byGroup = all.find((t) => t[0]!.join() === 'Item,Group,n,Impact,Effort,Quadrant')!
    expect(byGroup.slice(1)).toEqual(
      again.items.flatMap((item) =>
        again.groups.flatMap((g) => {
          const own = item.byGroup[g.id]
          return own
            ? [
                [
                  item.label,
                  g.name,
                  String(own.n),
                  spread(own.impact),
                  spread(own.effort),
                  quadrant(own.quadrant),
                ],
              ]
            : []
        }),
      ),
    )
    expect(markdown).toContain(`${again.raters} participants rated ${again.items.length} items`)
    expect(markdown).toContain(
      `Stability is the share of ${result.bootstrap.resamples} bootstrap resamples of the raters (seed ${result.bootstrap.seed})`,
    )
  })

  it('renders the same document from the recomputed record', () => {
    const recomputed: WorkshopRecord = { ...json, matrix: { ...matrix, result: again } }
    expect(renderMarkdown(recomputed)).toBe(markdown)
  })

  it('drops ratings that do not recompute the result, and has none before the reveal', () => {
    const src = fixtureSources()
    const changed = buildWorkshopRecord({
      ...src,
      sealedRatings: src.sealedRatings!.slice(1),
    })
    expect(changed.matrix!.ratings).toBeNull()
    const unrevealed = buildWorkshopRecord({
      ...src,
      matrix: { ...src.matrix!, status: 'closed', result: null },
    })
    expect(unrevealed.matrix!.ratings).toBeNull()
  })
})

describe('the phone scores, recomputed from the JSON export', () => {
  const original = buildWorkshopRecord(fixtureSources())
  const markdown = renderMarkdown(original)
  const json: WorkshopRecord = workshopRecordSchema.parse(JSON.parse(renderJson(original)))
  const fw = json.framework!
  const result = fw.scores.result!
  const sheets = fw.scores.sheets!
  // The scores round's own aggregate over the pseudonymous scores.
  const again = recomputeScoresResult(result, sheets)
  const recomputed: WorkshopRecord = {
    ...json,
    framework: { ...fw, scores: { ...fw.scores, result: again } },
  }
  const all = tables(markdown)

  it('carries the sealed scores under pseudonyms only', () => {
    expect(sheets.rows.map((s) => s.scorer)).toEqual(sheets.rows.map((_, i) => `S00${i + 1}`))
    expect(sheets.rows).toHaveLength(json.participants.length)
    // In columns: the result's items and criteria once, then one row of numbers per scorer.
    expect(sheets.items).toEqual(result.items.map((i) => i.key))
    expect(sheets.criteria).toEqual(result.criteria.map((c) => c.id))
    for (const row of sheets.rows) {
      expect(row.scores).toHaveLength(sheets.items.length * sheets.criteria.length)
    }
  })

  it('recomputes the revealed means exactly: per item and criterion, per group, every group equal', () => {
    expect(again).toEqual(result)
  })

  it('finds the recomputed mean scores and the ranking they give in the document', () => {
    const input = frameworkInputFromRecord(recomputed.framework!)!
    // Adopted with every group counting equally: the group-equal means are the scores ranked.
    expect(fw.adopted!.basis).toBe('groups')
    expect(input.scores).toEqual(again.groupEqual)
    const criteria = fw.framework!.criteria
    const scores = all.find(
      (t) => t[0]!.join() === ['Item', ...criteria.map((c) => c.name)].join(),
    )!
    expect(scores.slice(1)).toEqual(
      again.items.map((item) => [
        item.label,
        ...criteria.map((c) => {
          const s = again.groupEqual[item.key]?.[c.id]
          return s === undefined ? '–' : points(s)
        }),
      ]),
    )
    const weighted = all.find((t) => t[0]!.slice(0, 3).join() === 'Rank,Item,Score')!
    const outcome = frameworkOutcome(input)
    expect(weighted.slice(1).map((r) => r.slice(0, 3))).toEqual(
      outcome.ranking.map((r) => [
        ordinal(r.rank),
        again.items.find((i) => i.key === r.key)!.label,
        points(r.score),
      ]),
    )
  })

  it('renders the same document from the recomputed record', () => {
    expect(renderMarkdown(recomputed)).toBe(markdown)
  })

  it('drops scores that do not recompute the result, and has none before the reveal', () => {
    const src = fixtureSources()
    expect(
      buildWorkshopRecord({ ...src, sealedScores: src.sealedScores!.slice(1) }).framework!.scores
        .sheets,
    ).toBeNull()
    const unrevealed = buildWorkshopRecord({
      ...src,
      framework: { ...src.framework!, scores: { status: 'closed', result: null } },
    })
    expect(unrevealed.framework!.scores.sheets).toBeNull()
  })
})
