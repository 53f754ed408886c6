// Page frame: a top bar with the brand and the connection status, then the page's content
// (headed by the notices of its document connections, when there are any).
import type { ReactNode } from 'react'
import { ConnectionNotices } from './connection-notices'
import { Link } from './link'

export function Page({
  status,
  width = 'normal',
  children,
}: {
  status?: ReactNode
  width?: 'narrow' | 'normal' | 'wide'
  children: ReactNode
}) {
  return (
    <div className={`page page--${width}`}>
      <header className="topbar">
        <Link href="/" className="brand">
          Triage Board
        </Link>
        {status}
      </header>
      <main className="page__main">
        <ConnectionNotices />
        {children}
      </main>
    </div>
  )
}

/** A titled block of a page; the heading names the region for assistive technology. */
export function Section({
  title,
  id,
  children,
  className = '',
}: {
  title: string
  id: string
  children: ReactNode
  className?: string
}) {
  return (
    <section className={`card ${className}`} aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  )
}
