// The read-only link's page (loaded lazily): the workshop's revealed vote results and its board,
// with the rationale document to download. The token comes from the link's fragment, which the
// browser never sends to the server; the server lets it read control and board and write nothing,
// so this page offers nothing to edit.
import { useState } from 'react'
import { PHASE_LABELS, type BoardState, type ExportFormat } from '@triage/shared'
import { exportWorkshop } from '../../../lib/api'
import { browserTimeZone, saveBlob } from '../../../lib/download'
import { useAction } from '../../../lib/use-action'
import { tokenFromHash } from '../../../lib/viewer-link'
import { LazyResults } from '../../../results/lazy-results'
import { useVoting } from '../../../results/use-voting'
import { endedMessage } from '../../../sync/connection-state'
import { useBoardState } from '../../../sync/use-doc-states'
import { useControlState } from '../../../sync/use-control-state'
import { useWorkshopDoc } from '../../../sync/use-workshop-doc'
import { ErrorAlert, Notice } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { ConnectionBadge } from '../../../ui/connection-badge'
import { Page, Section } from '../../../ui/layout'
import { useDocumentTitle } from '../../../ui/use-document-title'
import './results.css'

export default function ResultsShell({ workshopId }: { workshopId: string }) {
  const [token] = useState(() => tokenFromHash(window.location.hash))
  if (!token) {
    return (
      <Page width="narrow">
        <Notice title="This link is incomplete">
          <p>
            A read-only link ends with a long code after a # sign. Copy the whole link from the
            facilitator, or scan the QR code again.
          </p>
        </Notice>
      </Page>
    )
  }
  return <Results workshopId={workshopId} token={token} />
}

function Results({ workshopId, token }: { workshopId: string; token: string }) {
  const { doc, state } = useWorkshopDoc(workshopId, 'control', token)
  const control = useControlState(doc)
  const { results } = useVoting(doc)
  const title = control.settings?.title
  useDocumentTitle(title ? `Results: ${title}` : 'Workshop results')

  if (state.kind === 'ended') {
    return (
      <Page width="narrow" status={<ConnectionBadge kind={state.kind} />}>
        <Notice title="This read-only link no longer works">
          <p role="alert">
            {state.closeCode === 4401
              ? 'The facilitator has withdrawn this link. Ask them for a new one.'
              : endedMessage(state.closeCode)}
          </p>
        </Notice>
      </Page>
    )
  }
  return (
    <Page status={<ConnectionBadge kind={state.kind} />}>
      <p className="eyebrow">Workshop results · read only</p>
      <h1 className="page__title" aria-busy={title ? undefined : true}>
        {title ?? 'Loading the workshop…'}
      </h1>
      {control.settings?.objective && <p className="lead">{control.settings.objective}</p>}
      {control.settings && <p className="muted">Now: {PHASE_LABELS[control.phase]}</p>}
      <Section title="Vote results" id="results-votes" className="results-page__votes">
        {results ? (
          <LazyResults results={results} groups={control.settings?.groups ?? []} />
        ) : (
          <p className="muted">The vote results have not been revealed yet.</p>
        )}
      </Section>
      <BoardSection workshopId={workshopId} token={token} />
      <DocumentSection workshopId={workshopId} token={token} />
    </Page>
  )
}

function BoardSection({ workshopId, token }: { workshopId: string; token: string }) {
  const { doc } = useWorkshopDoc(workshopId, 'board', token)
  const board = useBoardState(doc)
  return (
    <Section title="Board" id="results-board" className="results-page__board">
      {board.cards.length === 0 ? (
        <p className="muted">Nothing is on the board yet.</p>
      ) : (
        boardGroups(board).map((group) => (
          <div key={group.id} className="results-page__cluster">
            <h3 id={`results-cluster-${group.id}`}>{group.name}</h3>
            <ul aria-labelledby={`results-cluster-${group.id}`}>
              {group.cards.map((card) => (
                <li key={card.id}>
                  {card.text}
                  {card.merged.length > 0 && (
                    <span className="muted">
                      {' '}
                      (with {card.merged.length} merged{' '}
                      {card.merged.length === 1 ? 'idea' : 'ideas'})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </Section>
  )
}

/** The board's clusters in order, then the cards in none, each with its cards' texts. */
function boardGroups(board: BoardState) {
  const byId = new Map(board.cards.map((c) => [c.id, c]))
  const pick = (ids: readonly string[]) =>
    ids.map((id) => byId.get(id)).filter((c): c is NonNullable<typeof c> => c !== undefined)
  const groups = board.clusters
    .map((cluster) => ({
      id: cluster.id,
      name: cluster.name || 'Unnamed cluster',
      cards: pick(cluster.cardIds),
    }))
    .filter((g) => g.cards.length > 0)
  const loose = pick(board.unclustered)
  if (loose.length > 0) {
    groups.push({
      id: 'unclustered',
      name: groups.length > 0 ? 'Not in a cluster' : 'Ideas',
      cards: loose,
    })
  }
  return groups
}

const DOCUMENTS: readonly { format: ExportFormat; label: string }[] = [
  { format: 'html', label: 'Download the document (HTML, printable)' },
  { format: 'md', label: 'Download the document (Markdown)' },
]

function DocumentSection({ workshopId, token }: { workshopId: string; token: string }) {
  const action = useAction()
  const announce = useAnnounce()
  const download = async (format: ExportFormat) => {
    if (action.pending) return
    const file = await action.run(() =>
      exportWorkshop(workshopId, token, format, browserTimeZone()),
    )
    if (file) {
      saveBlob(file.blob, file.filename)
      announce(`Downloaded ${file.filename}.`)
    }
  }
  return (
    <Section title="Rationale document" id="results-document">
      <p className="muted small">
        Who took part, the method, the votes per stakeholder group and the decision log, as it
        stands now. Open the HTML file in a browser to print it or save it as a PDF.
      </p>
      <div className="button-row">
        {DOCUMENTS.map(({ format, label }) => (
          <button
            key={format}
            type="button"
            className="button"
            aria-disabled={action.pending || undefined}
            onClick={() => void download(format)}
          >
            {label}
          </button>
        ))}
      </div>
      <ErrorAlert message={action.error} />
    </Section>
  )
}
