// The participant's way in: workshop title, name, stakeholder group, Join. Made for a phone.
import { useEffect, useState } from 'react'
import type { JoinInfoResponse } from '@triage/shared'
import { normalizeJoinCode } from '@triage/shared/join'
import { requestJoinInfo } from '../../lib/join-api'
import { messageOf } from '../../lib/request'
import { paths } from '../../lib/paths'
import { findParticipantSession, listSessions } from '../../lib/session-store'
import { ErrorAlert, Notice } from '../../ui/alert'
import { Page } from '../../ui/layout'
import { Link } from '../../ui/link'
import { useDocumentTitle } from '../../ui/use-document-title'
import { JoinForm } from './join-form'
import { takeJoinHandoff } from './join-handoff'

type Load =
  | { status: 'loading' }
  | { status: 'ready'; info: JoinInfoResponse }
  | { status: 'error'; message: string }

/**
 * `onReady` is called once the form (or the "Continue" choice) shows: the app starts loading the
 * phone view then, while the person types, rather than before the form. A join link's first
 * screen (join-boot.ts) may have shown the form before the app loaded: its values are handed over
 * (join-handoff.ts) and submitted at once.
 */
export function JoinPage({ code: rawCode, onReady }: { code: string; onReady?: () => void }) {
  const code = normalizeJoinCode(rawCode)
  const [handoff] = useState(() => takeJoinHandoff(code))
  const [load, setLoad] = useState<Load>(() =>
    handoff
      ? { status: 'ready', info: handoff.info }
      : code
        ? { status: 'loading' }
        : { status: 'error', message: 'This is not a valid join code.' },
  )
  const [existing] = useState(() =>
    code && !handoff ? findParticipantSession(listSessions(), code) : null,
  )
  const [joinAgain, setJoinAgain] = useState(false)
  useDocumentTitle(load.status === 'ready' ? `Join ${load.info.title}` : 'Join a workshop')

  useEffect(() => {
    if (!code || handoff) return
    let cancelled = false
    requestJoinInfo(code).then(
      (info) => !cancelled && setLoad({ status: 'ready', info }),
      (e: unknown) => !cancelled && setLoad({ status: 'error', message: messageOf(e) }),
    )
    return () => {
      cancelled = true
    }
  }, [code, handoff])

  const ready = load.status === 'ready'
  useEffect(() => {
    if (ready) onReady?.()
  }, [ready, onReady])

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
            <JoinForm code={code} info={load.info} handoff={handoff} />
          )}
        </>
      )}
    </Page>
  )
}
