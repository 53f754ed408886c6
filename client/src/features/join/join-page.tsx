// The participant's way in: workshop title, name, stakeholder group, Join. Made for a phone.
import { useEffect, useState } from 'react'
import { joinCodeSchema, type JoinInfoResponse } from '@triage/shared'
import { api, messageOf } from '../../lib/api'
import { paths } from '../../lib/paths'
import { findParticipantSession, listSessions } from '../../lib/session-store'
import { ErrorAlert, Notice } from '../../ui/alert'
import { Page } from '../../ui/layout'
import { Link } from '../../ui/link'
import { useDocumentTitle } from '../../ui/use-document-title'
import { JoinForm } from './join-form'

type Load =
  | { status: 'loading' }
  | { status: 'ready'; info: JoinInfoResponse }
  | { status: 'error'; message: string }

export function JoinPage({ code: rawCode }: { code: string }) {
  const parsed = joinCodeSchema.safeParse(rawCode)
  const code = parsed.success ? parsed.data : null
  const [load, setLoad] = useState<Load>(() =>
    code ? { status: 'loading' } : { status: 'error', message: 'This is not a valid join code.' },
  )
  const [existing] = useState(() => (code ? findParticipantSession(listSessions(), code) : null))
  const [joinAgain, setJoinAgain] = useState(false)
  useDocumentTitle(load.status === 'ready' ? `Join ${load.info.title}` : 'Join a workshop')

  useEffect(() => {
    if (!code) return
    let cancelled = false
    api.joinInfo(code).then(
      (info) => !cancelled && setLoad({ status: 'ready', info }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', message: messageOf(e) }),
    )
    return () => {
      cancelled = true
    }
  }, [code])

  return (
    <Page width="narrow">
      {load.status === 'loading' && <p className="muted">Looking up the workshop…</p>}
      {load.status === 'error' && (
        <Notice title="Cannot join">
          <ErrorAlert message={load.message} />
          <p>
            <Link className="button" href={paths.landing()}>
              Enter another code
            </Link>
          </p>
        </Notice>
      )}
      {load.status === 'ready' && code && (
        <>
          <p className="eyebrow">Join the workshop</p>
          <h1 className="page__title">{load.info.title}</h1>
          {existing && !joinAgain ? (
            <div className="card">
              <p>You have already joined this workshop on this device.</p>
              <div className="stack">
                <Link
                  className="button button--primary"
                  href={paths.participant(existing.workshopId)}
                >
                  Continue
                </Link>
                <button className="button" type="button" onClick={() => setJoinAgain(true)}>
                  Join as someone else
                </button>
              </div>
            </div>
          ) : (
            <JoinForm code={code} info={load.info} />
          )}
        </>
      )}
    </Page>
  )
}
