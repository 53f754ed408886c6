// Error and notice blocks; errors use role=alert so they are announced when they appear.
import type { ReactNode } from 'react'

export function ErrorAlert({ message }: { message: string | null }) {
  // Rendered empty rather than removed, so the live region exists before its text arrives.
  return (
    <div role="alert" className={message ? 'alert alert--error' : 'alert alert--empty'}>
      {message && (
        <>
          <span aria-hidden="true">⚠ </span>
          {message}
        </>
      )}
    </div>
  )
}

export function Notice({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card notice" aria-labelledby="notice-title">
      <h1 id="notice-title">{title}</h1>
      {children}
    </section>
  )
}
