// After a reveal: the ideas on the board that this participant wrote, which they may withdraw.
import { useId } from 'react'

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
  if (ideas.length === 0) return null
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id} className="card__title">
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
                onClick={() => onWithdraw(idea.id)}
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
