// The RICE ranking on the console and the projector: the facilitator's estimates, each item's
// score from the shared formula (riceRankingOf), highest first; an item without estimates has
// no score and shares the last place.
import { RICE_FORMULA, riceRankingOf, riceWords, type RiceEstimates } from '@triage/shared'
import { ordinal, points } from './outcome-model'
import './weigh.css'

export function RiceView({ rice }: { rice: RiceEstimates }) {
  const ranking = riceRankingOf(rice)
  const labels = new Map(rice.items.map((i) => [i.key, i.label]))
  return (
    <div className="weigh-scores">
      <p className="hint">{RICE_FORMULA}</p>
      <table className="weigh-table">
        <caption>RICE ranking</caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Item</th>
            <th scope="col">Reach</th>
            <th scope="col">Impact</th>
            <th scope="col">Confidence</th>
            <th scope="col">Clinical multiplier</th>
            <th scope="col">Effort (person-months)</th>
            <th scope="col">RICE score</th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((r) => {
            const e = Object.hasOwn(rice.estimates, r.key) ? rice.estimates[r.key]! : null
            const words = e ? riceWords(e) : null
            return (
              <tr key={r.key}>
                <td>{ordinal(r.rank)}</td>
                <th scope="row">{labels.get(r.key) ?? r.key}</th>
                <td>{e ? e.reach.toLocaleString('en-GB') : '–'}</td>
                <td>{words?.impact ?? '–'}</td>
                <td>{words?.confidence ?? '–'}</td>
                <td>{words?.clinical ?? '–'}</td>
                <td>{e ? points(e.effort) : '–'}</td>
                <td>{r.score === null ? 'no score' : points(r.score)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
