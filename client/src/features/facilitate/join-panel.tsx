// How participants get in: the join link (copyable), the code in big type and a QR code.
import { useId, useState } from 'react'
import { joinLink, usePublicUrl } from '../../lib/use-public-url'
import { paths } from '../../lib/paths'
import { Section } from '../../ui/layout'
import { QrCode } from '../../ui/qr-code'

export function JoinPanel({
  workshopId,
  joinCode,
}: {
  workshopId: string
  joinCode: string | null
}) {
  const id = useId()
  const publicUrl = usePublicUrl()
  const [copied, setCopied] = useState(false)
  const link = publicUrl && joinCode ? joinLink(publicUrl, joinCode) : null

  const copy = async () => {
    if (!link) return
    try {
      await navigator.clipboard.writeText(link)
      setCopied(true)
    } catch {
      document.getElementById(`${id}-link`)?.focus()
    }
  }

  return (
    <Section title="Invite participants" id="invite-heading" className="join-panel">
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
          <button className="button" type="button" onClick={copy} disabled={!link}>
            {copied ? 'Copied' : 'Copy link'}
          </button>
        </div>
      </div>
      {link && <QrCode value={link} label="QR code for the join link" size={200} />}
      <p>
        <a className="button" href={paths.projector(workshopId)} target="_blank" rel="noopener">
          Open projector view
        </a>
      </p>
    </Section>
  )
}
