// Dot voting on the phone: big buttons to add and remove dots, the budget left always in view.
// Dots are written only to this participant's private document, which nobody else syncs and
// which is kept on the phone while offline; they count if they reach the server while voting
// is open. After the reveal, the results. Each tap is said (item, dots on it, dots left); a
// button that a tap disables hands the focus to the other button of its row.
import { useId, type MouseEvent } from 'react'
import type * as Y from 'yjs'
import {
  readRawVotes,
  setVote,
  voteItems,
  type BoardState,
  type Group,
  type VoteItem,
} from '@triage/shared'
import type { ConnectionKind } from '../../../sync/connection-state'
import { useVoting } from '../../../results/use-voting'
import { revealedResults } from '../../../rounds/round-status'
import { useAnnounce, useVotingNews } from '../../../ui/announcer'
import { moveFocus } from '../../../ui/focus'
import { PhoneResults } from './phone-results'
import { useRawVotes } from './use-raw-votes'
import {
  ballotView,
  dotLabel,
  dotsAfterTap,
  dotsLeftLabel,
  mixedKinds,
  tapNews,
  voteRules,
  votingNotice,
  type BallotRow,
} from './vote-model'
import './vote.css'

export interface VotePanelProps {
  controlDoc: Y.Doc
  privateDoc: Y.Doc
  board: BoardState
  groups: readonly Group[]
  /** The private document's connection: offline dots wait on the phone. */
  connection: ConnectionKind
}

export function VotePanel({ controlDoc, privateDoc, board, groups, connection }: VotePanelProps) {
  const id = useId()
  const { voting, results: stored } = useVoting(controlDoc)
  const raw = useRawVotes(privateDoc)
  const { settings, status } = voting
  // Hidden until the reveal, as in every sealed round.
  const results = revealedResults(status, stored)
  const open = status === 'open'
  const items = voteItems(board, settings.voteOn)
  const view = ballotView(items, raw, settings, open)
  const rules = voteRules(items, settings)
  const notice = votingNotice(status)
  const showKind = mixedKinds(items)
  const announce = useAnnounce()
  useVotingNews(status, 'participant', true)

  const tap = (item: VoteItem, delta: 1 | -1, row: HTMLElement | null) => {
    // From the document as it is now, so two quick taps cannot pass the rules.
    const next = dotsAfterTap(readRawVotes(privateDoc), rules, item.key, delta)
    if (next === null) return
    const from = document.activeElement
    setVote(privateDoc, item.key, next)
    const after = ballotView(items, readRawVotes(privateDoc), settings, open)
    announce(tapNews(item.label, delta, next, after.left))
    // The last dot taken off (or the last one allowed put on) disables the button pressed:
    // the focus goes to the other one of the row.
    const same = after.rows.find((r) => r.item.key === item.key)
    if (delta === 1 ? !same?.canAdd : !same?.canRemove) {
      const other = delta === 1 ? 'remove' : 'add'
      moveFocus(() => row?.querySelector(`[data-dot="${other}"]`), from)
    }
  }

  if (results) {
    // The vote is over: the results, and a reminder of where this participant's dots went.
    const mine = view.rows.filter((row) => row.dots > 0)
    return (
      <>
        <PhoneResults results={results} groups={groups} />
        <section className="card" aria-labelledby={id}>
          <h2 id={id} className="card__title">
            Your dots
          </h2>
          {mine.length === 0 ? (
            <p className="muted">You placed no dots.</p>
          ) : (
            <ul className="own-dots">
              {mine.map((row) => (
                <li key={row.item.key}>
                  <span className="own-dots__label">{row.item.label}</span>
                  <span className="own-dots__count">{dotLabel(row.dots)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </>
    )
  }

  return (
    <>
      <section className="card vote" aria-labelledby={id}>
        <h2 id={id} className="card__title">
          Your dots
        </h2>
        <p className="muted small">
          {dotLabel(settings.dotBudget)} to place, at most {settings.maxDotsPerItem} on one item.
          Only you can see where you put them; the facilitator reveals the totals.
        </p>
        {notice && <p className="vote-notice">{notice}</p>}
        {open && connection === 'offline' && (
          <p className="vote-offline">
            You are offline. Your dots are kept on this phone and count once you are back online, if
            voting is still open.
          </p>
        )}
        {items.length === 0 ? (
          <p className="muted">There is nothing on the board to vote on yet.</p>
        ) : (
          <ul className="vote-list" aria-label="Items to vote on">
            {view.rows.map((row) => (
              <VoteRow
                key={row.item.key}
                row={row}
                cap={view.cap}
                showKind={showKind}
                onTap={(delta, element) => tap(row.item, delta, element)}
              />
            ))}
          </ul>
        )}
      </section>
      {/* Sticky at the foot of the screen, so the budget stays in view while scrolling. Each
          tap says the dots left through the page's live region. */}
      <p className="dots-left">
        <DotMarks filled={view.left} total={view.budget} />
        <span>{dotsLeftLabel(view.left, view.budget)}</span>
      </p>
    </>
  )
}

function VoteRow({
  row,
  cap,
  showKind,
  onTap,
}: {
  row: BallotRow
  cap: number
  showKind: boolean
  onTap: (delta: 1 | -1, row: HTMLElement | null) => void
}) {
  const { item, dots } = row
  const tap = (delta: 1 | -1) => (e: MouseEvent<HTMLButtonElement>) =>
    onTap(delta, e.currentTarget.closest('li'))
  return (
    <li className={`vote-item${dots > 0 ? ' vote-item--chosen' : ''}`}>
      <p className="vote-item__label">
        {showKind && (
          <span className="vote-item__kind">{item.kind === 'cluster' ? 'Cluster' : 'Idea'}</span>
        )}
        {item.label}
      </p>
      <div className="vote-item__controls">
        <button
          className="button vote-button"
          type="button"
          aria-label={`Remove a dot from ${item.label}`}
          data-dot="remove"
          disabled={!row.canRemove}
          onClick={tap(-1)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <span className="vote-item__count">
          <DotMarks filled={dots} total={cap} />
          <span>{dotLabel(dots)}</span>
        </span>
        <button
          className="button button--primary vote-button"
          type="button"
          aria-label={`Add a dot to ${item.label}`}
          data-dot="add"
          disabled={!row.canAdd}
          onClick={tap(1)}
        >
          <span aria-hidden="true">+</span>
        </button>
      </div>
    </li>
  )
}

/** Filled and hollow dots: a picture of the number next to it, so hidden from screen readers. */
function DotMarks({ filled, total }: { filled: number; total: number }) {
  return (
    <span className="dot-marks" aria-hidden="true">
      {Array.from({ length: total }, (_, i) => (
        <span key={i} className={i < filled ? 'dot-mark dot-mark--on' : 'dot-mark'} />
      ))}
    </span>
  )
}
