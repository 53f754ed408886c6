// Dot voting on the projector: while the round runs, how many have voted (counts only, never
// where); once revealed, the results on the whole screen: the chart of the top items, the
// rest on request.
import type { ProjectorPartProps } from '../../../lib/phase-parts'
import { LazyResults } from '../../../results/lazy-results'
import { useVoting } from '../../../results/use-voting'
import { revealedResults } from '../../../rounds/round-status'
import { useVotingNews } from '../../../ui/announcer'
import { voteTurnout } from '../vote-progress'
import { voteLine } from './vote-line'

/** How many items the projector's chart shows: what a 1280x800 screen holds, large. */
const PROJECTOR_TOP = 5

export default function VotingProjector({ control, controlDoc, frame }: ProjectorPartProps) {
  const { voting, results } = useVoting(controlDoc)
  useVotingNews(voting.status, 'projector', control.settings !== null)
  const shown = revealedResults(voting.status, results)
  if (shown) {
    return frame({
      fullScreen: (
        <section className="projector-results" aria-label="Vote results">
          <LazyResults
            results={shown}
            groups={control.settings?.groups ?? []}
            top={PROJECTOR_TOP}
          />
        </section>
      ),
    })
  }
  return frame({
    status: (
      <section className="projector-vote" aria-label="Dot voting">
        <p className="projector-vote__line">
          {voteLine(voting.status, voteTurnout(control.roster, control.progress))}
        </p>
        <p className="muted">
          {voting.status === 'closed'
            ? 'The votes are sealed. The results come next.'
            : 'Place your dots on your phone. Nobody sees where until the results are revealed.'}
        </p>
      </section>
    ),
  })
}
