// What the server said about this page's documents that the person can act on (a full
// document, too many connections open), at the top of the page, announced when it appears.
import { useSyncExternalStore } from 'react'
import { connectionNotices } from '../sync/connection-notices'

export function ConnectionNotices() {
  const messages = useSyncExternalStore(connectionNotices.subscribe, connectionNotices.getMessages)
  // Not rendered empty (unlike ErrorAlert): most pages never have a notice, and a role=alert
  // inserted with its text is announced.
  if (messages.length === 0) return null
  return (
    <div role="alert" className="alert alert--error connection-notices">
      {messages.map((message) => (
        <p key={message}>
          <span aria-hidden="true">⚠ </span>
          {message}
        </p>
      ))}
    </div>
  )
}
