// The always-visible connection status: icon and words, never colour alone. It is the page's
// status element, but not a live region of its own: its changes that matter (offline, back
// again) are said through the page's one polite region, like everything else.
import { useEffect, useRef } from 'react'
import { CONNECTION_LABELS, type ConnectionKind } from '../sync/connection-state'
import { useAnnounce } from './announcer'

const ICONS: Record<ConnectionKind, string> = {
  connected: '●',
  connecting: '◌',
  offline: '▲',
  ended: '■',
}

export function ConnectionBadge({ kind }: { kind: ConnectionKind }) {
  const announce = useAnnounce()
  const connectedOnce = useRef(false)
  const lost = useRef(false)
  useEffect(() => {
    // The page's first connection is no news; losing it and getting it back are. (A session
    // that ended says so in an alert of its own.)
    if (kind === 'offline' && connectedOnce.current) announce(`${CONNECTION_LABELS.offline}.`)
    if (kind === 'connected' && lost.current) announce('Connected again.')
    if (kind === 'connected') connectedOnce.current = true
    lost.current = connectedOnce.current && kind !== 'connected'
  }, [kind, announce])
  return (
    <p role="status" aria-live="off" className={`badge badge--${kind}`}>
      <span className="badge__icon" aria-hidden="true">
        {ICONS[kind]}
      </span>
      <span>{CONNECTION_LABELS[kind]}</span>
    </p>
  )
}
