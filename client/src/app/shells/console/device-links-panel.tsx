// The facilitation team's devices: a co-facilitator link that opens this console on a second
// device, a projector link for a separate PC or TV, and this console's own recovery link, to
// keep in case this browser's storage is cleared. Each team link has a token of its own and is
// revoked on its own.
import { useId, useState } from 'react'
import { api } from '../../../lib/api'
import { usePublicUrl } from '../../../lib/use-public-url'
import { linkOf } from '../../../lib/viewer-link'
import { useAnnounce } from '../../../ui/announcer'
import { TokenLinkPanel } from './token-link-panel'

export function DeviceLinksPanel({ workshopId, token }: { workshopId: string; token: string }) {
  return (
    <>
      <TokenLinkPanel
        workshopId={workshopId}
        kind="co-facilitator"
        name="co-facilitator link"
        id="co-facilitator-link-panel"
        revokedNews="The devices that opened it are disconnected."
        api={{
          status: () => api.deviceLinkStatus(workshopId, 'co-facilitator', token),
          create: () => api.createDeviceLink(workshopId, 'co-facilitator', token),
          revoke: () => api.revokeDeviceLink(workshopId, 'co-facilitator', token),
        }}
      >
        Opens this console on another device, for a co-facilitator: both of you can run the workshop
        at once. Share it only with them.
      </TokenLinkPanel>
      <TokenLinkPanel
        workshopId={workshopId}
        kind="projector"
        name="projector link"
        id="projector-link-panel"
        revokedNews="The screens that opened it are disconnected."
        api={{
          status: () => api.deviceLinkStatus(workshopId, 'projector', token),
          create: () => api.createDeviceLink(workshopId, 'projector', token),
          revoke: () => api.revokeDeviceLink(workshopId, 'projector', token),
        }}
      >
        Opens the projector view on a separate PC or TV. It shows what the room sees and cannot
        change anything.
      </TokenLinkPanel>
      <RecoveryLink workshopId={workshopId} token={token} />
    </>
  )
}

/** This console's own link: the way back when this browser forgets the workshop. */
function RecoveryLink({ workshopId, token }: { workshopId: string; token: string }) {
  const id = useId()
  const announce = useAnnounce()
  const publicUrl = usePublicUrl()
  const [copied, setCopied] = useState(false)
  if (!publicUrl) return null
  const url = linkOf('recovery', publicUrl, workshopId, token)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
      announce('Recovery link copied.')
    } catch {
      document.getElementById(`${id}-link`)?.focus()
    }
  }
  return (
    <details className="recovery-link">
      <summary>Keep your recovery link</summary>
      <p className="muted small">
        This console lives in this browser. Keep this link somewhere safe (not with participants):
        it opens the console again on any device, even if this browser&apos;s data is cleared.
      </p>
      <div className="field">
        <label htmlFor={`${id}-link`}>Recovery link</label>
        <div className="input-with-button">
          <input id={`${id}-link`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button className="button" type="button" onClick={() => void copy()}>
            {copied ? 'Copied' : 'Copy recovery link'}
          </button>
        </div>
      </div>
    </details>
  )
}
