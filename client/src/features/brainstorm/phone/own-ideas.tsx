// After a reveal: the ideas on the board that this participant wrote, which they may withdraw.
import { useId, useRef } from 'react'
import { moveFocus } from '../../../ui/focus'

export function OwnIdeas({
  ideas,
  locked,
  onWithdraw,
}: {
  ideas: readonly { id: string; text: string }[]
  locked: boolean
  onWithdraw: (id: string) => void
}) {
  const id = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  if (ideas.length === 0) return null
  const withdraw = (ideaId: string) => {
    const from = document.activeElement
    onWithdraw(ideaId)
    // The idea (and with the last one this list) goes: its heading, else the idea entry's.
    moveFocus(() => heading.current ?? document.getElementById('idea-entry'), from)
  }
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} ref={heading} className="card__title" tabIndex={-1}>
        Your ideas on the board
      </h2>
      <ul className="item-list" aria-labelledby={id}>
        {ideas.map((idea) => (
          <li key={idea.id} className="item">
            <p className="item__text">{idea.text}</p>
            <div className="item__actions">
              <button
                className="button"
                type="button"
                aria-label={`Withdraw idea: ${idea.text}`}
                disabled={locked}
                onClick={() => withdraw(idea.id)}
              >
                Withdraw
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}
