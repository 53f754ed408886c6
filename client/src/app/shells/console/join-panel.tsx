// How participants get in: the join link (copyable), the code in big type and a QR code.
// Once the workshop is under way it folds into one line, for late arrivals.
import { useEffect, useId, useState } from 'react'
import { api } from '../../../lib/api'
import { joinLink, usePublicUrl } from '../../../lib/use-public-url'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'
import { QrCode } from '../../../ui/qr-code'

export function JoinPanel({
  joinCode,
  collapsed = false,
}: {
  joinCode: string | null
  collapsed?: boolean
}) {
  const id = useId()
  const publicUrl = usePublicUrl()
  const [copied, setCopied] = useState(false)
  const announce = useAnnounce()
  const link = publicUrl && joinCode ? joinLink(publicUrl, joinCode) : null
  const problem = useJoinLinkProblem()

  const copy = async () => {
    if (!link) return
    try {
      await navigator.clipboard.writeText(link)
      setCopied(true)
      announce('Join link copied.')
    } catch {
      document.getElementById(`${id}-link`)?.focus()
    }
  }

  const body = (
    <>
      <p className="eyebrow">Join code</p>
      <p className="join-code">{joinCode ?? '……'}</p>
      <div className="field">
        <label htmlFor={`${id}-link`}>Join link</label>
        <div className="input-with-button">
          <input
            id={`${id}-link`}
            readOnly
            value={link ?? ''}
            onFocus={(e) => e.currentTarget.select()}
          />
          <button className="button" type="button" onClick={() => void copy()} disabled={!link}>
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      </div>
      {problem && (
        <p className="join-warning" id={`${id}-problem`}>
          <strong>Phones may not reach this link.</strong> {problem}
        </p>
      )}
      {link && <QrCode value={link} label="QR code for the join link" size={200} />}
    </>
  )
  if (collapsed) {
    return (
      <details className="card join-panel join-panel--collapsed">
        <summary className="join-summary">
          Invite participants · code <strong>{joinCode ?? '……'}</strong>
        </summary>
        {body}
      </details>
    )
  }
  return (
    <Section title="Invite participants" id="invite-heading" className="join-panel">
      {body}
    </Section>
  )
}

/** What is wrong with the join address, as the server found when it asked itself, or null. */
function useJoinLinkProblem(): string | null {
  const [problem, setProblem] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    api.joinLinkHealth().then(
      (health) => !cancelled && setProblem(health.problem),
      // The check itself failing says nothing about the link: no warning.
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [])
  return problem
}
