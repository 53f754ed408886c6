// The always-visible connection status: icon and words, never colour alone.
import { CONNECTION_LABELS, type ConnectionKind } from '../sync/connection-state'

const ICONS: Record<ConnectionKind, string> = {
  connected: '●',
  connecting: '◌',
  offline: '▲',
  ended: '■',
}

export function ConnectionBadge({ kind }: { kind: ConnectionKind }) {
  return (
    <p role="status" className={`badge badge--${kind}`}>
      <span className="badge__icon" aria-hidden="true">
        {ICONS[kind]}
      </span>
      <span>{CONNECTION_LABELS[kind]}</span>
    </p>
  )
}
