// Name and stakeholder group; on success the session is stored and the phone view opens.
import { useEffect, useEffectEvent, useId, useRef, useState, type FormEvent } from 'react'
import type { JoinInfoResponse } from '@triage/shared'
import { LIMITS } from '@triage/shared/join'
import { requestJoin } from '../../lib/join-api'
import { messageOf } from '../../lib/request'
import { navigate } from '../../lib/navigation'
import { paths } from '../../lib/paths'
import { saveSession } from '../../lib/session-store'
import { ErrorAlert } from '../../ui/alert'
import { useAnnounce } from '../../ui/announcer'
import type { JoinValues } from './join-handoff'

/**
 * `handoff`: what the join link's first screen (join-boot.ts) held when Join was tapped there;
 * the form starts with it and submits it at once.
 */
export function JoinForm({
  code,
  info,
  handoff = null,
}: {
  code: string
  info: JoinInfoResponse
  handoff?: JoinValues | null
}) {
  const id = useId()
  const [name, setName] = useState(handoff?.name ?? '')
  const [group, setGroup] = useState(() =>
    handoff && info.groups.some((g) => g.id === handoff.group)
      ? handoff.group
      : info.groups.length === 1
        ? info.groups[0]!.id
        : '',
  )
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const announce = useAnnounce()

  const submit = async (event?: FormEvent) => {
    event?.preventDefault()
    if (busy) return
    if (!name.trim()) return setError('Enter your name.')
    if (!group) return setError('Choose your stakeholder group.')
    setBusy(true)
    setError(null)
    try {
      const joined = await requestJoin({ code, name: name.trim(), group })
      saveSession(joined.workshopId, {
        role: 'participant',
        token: joined.token,
        participantId: joined.participantId,
        joinCode: code,
        title: info.title,
      })
      const groupName = info.groups.find((g) => g.id === group)?.name
      announce(
        `Joined as ${name.trim()}${groupName ? ` (${groupName})` : ''}. This page follows the facilitator.`,
      )
      navigate(paths.participant(joined.workshopId))
    } catch (e) {
      setError(messageOf(e))
      setBusy(false)
    }
  }

  // The first screen's Join, submitted once as this form's own.
  const handedOver = useRef(handoff !== null)
  const submitHandedOver = useEffectEvent(() => void submit())
  useEffect(() => {
    if (!handedOver.current) return
    handedOver.current = false
    submitHandedOver()
  }, [])

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.participantName}
          autoComplete="given-name"
          enterKeyHint="next"
          required
        />
      </div>
      <fieldset className="choices">
        <legend>Your stakeholder group</legend>
        {info.groups.map((g) => (
          <label key={g.id} className="choice">
            <input
              type="radio"
              name={`${id}-group`}
              value={g.id}
              checked={group === g.id}
              onChange={() => setGroup(g.id)}
            />
            <span>{g.name}</span>
          </label>
        ))}
      </fieldset>
      <ErrorAlert message={error} />
      <button
        className="button button--primary button--block"
        type="submit"
        aria-disabled={busy || undefined}
      >
        {busy ? 'Joining…' : 'Join'}
      </button>
    </form>
  )
}
