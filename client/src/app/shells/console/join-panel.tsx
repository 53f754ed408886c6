// How participants get in: the join link (copyable), the code in big type and a QR code.
// Once the workshop is under way it folds into one line, for late arrivals.
import { useId, useState } from 'react'
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
