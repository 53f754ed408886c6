// The facilitator's "Create a workshop" form; on success it stores the session and opens the console.
import { useId, useState, type FormEvent } from 'react'
import { cleanText, LIMITS } from '@triage/shared'
import { api, messageOf } from '../../lib/api'
import { navigate } from '../../lib/navigation'
import { paths } from '../../lib/paths'
import { saveSession } from '../../lib/session-store'
import { ErrorAlert } from '../../ui/alert'
import { useAnnounce } from '../../ui/announcer'
import { groupNamesProblem, parseGroupNames } from './group-names'

export function CreateWorkshopForm() {
  const id = useId()
  const [title, setTitle] = useState('')
  const [objective, setObjective] = useState('')
  const [groups, setGroups] = useState('')
  const [dotBudget, setDotBudget] = useState(5)
  const [maxDotsPerItem, setMaxDotsPerItem] = useState(3)
  const [anonymous, setAnonymous] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const announce = useAnnounce()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const names = parseGroupNames(groups)
    // Cleaned as the server will (a title of control characters alone is no title).
    const cleanTitle = cleanText(title).trim()
    const problem = cleanTitle ? groupNamesProblem(names) : 'Give the workshop a title.'
    if (problem) {
      setError(problem)
      return
    }
    setBusy(true)
    setError(null)
    try {
      const created = await api.createWorkshop({
        title: cleanTitle,
        objective: cleanText(objective, { multiline: true }).trim(),
        groups: names,
        dotBudget,
        maxDotsPerItem,
        anonymous,
      })
      saveSession(created.workshopId, {
        role: 'facilitator',
        token: created.facilitatorToken,
        joinCode: created.joinCode,
        title: cleanTitle,
      })
      // The console opens with the focus on its heading (the title); this says what happened.
      announce('Workshop created. This is its facilitator console.')
      navigate(paths.facilitate(created.workshopId))
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={LIMITS.title}
          required
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-objective`}>Objective</label>
        <textarea
          id={`${id}-objective`}
          value={objective}
          onChange={(e) => setObjective(e.target.value)}
          maxLength={LIMITS.objective}
          rows={2}
          aria-describedby={`${id}-objective-hint`}
        />
        <p className="hint" id={`${id}-objective-hint`}>
          What the group is deciding, in a sentence or two. Optional.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-groups`}>Stakeholder groups</label>
        <textarea
          id={`${id}-groups`}
          value={groups}
          onChange={(e) => setGroups(e.target.value)}
          rows={4}
          required
          aria-describedby={`${id}-groups-hint`}
        />
        <p className="hint" id={`${id}-groups-hint`}>
          One per line or separated by commas, for example: Surgeons, Radiologists, Administrators.
        </p>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-dots`}>Dots per participant</label>
          <input
            id={`${id}-dots`}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={dotBudget}
            onChange={(e) => setDotBudget(clampInt(e.target.value, 1, 20, 5))}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-max`}>Most dots on one item</label>
          <input
            id={`${id}-max`}
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            value={maxDotsPerItem}
            onChange={(e) => setMaxDotsPerItem(clampInt(e.target.value, 1, 20, 3))}
          />
        </div>
      </div>
      <div className="field field--check">
        <input
          id={`${id}-anon`}
          type="checkbox"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <label htmlFor={`${id}-anon`}>Keep ideas and votes anonymous</label>
      </div>
      <ErrorAlert message={error} />
      {/* aria-disabled while creating, not disabled: a failure leaves the focus on it. */}
      <button className="button button--primary" type="submit" aria-disabled={busy || undefined}>
        {busy ? 'Creating workshop…' : 'Create workshop'}
      </button>
    </form>
  )
}

function clampInt(text: string, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(text, 10)
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback
}
