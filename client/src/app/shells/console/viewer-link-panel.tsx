// The read-only link for stakeholders who were not in the room: made, shown (with a QR code),
// replaced and revoked here. The server keeps only the token's hash, so this device keeps the
// token to show the link again after a reload; another device can only replace or revoke it.
import { useEffect, useId, useState } from 'react'
import { api } from '../../../lib/api'
import { usePublicUrl } from '../../../lib/use-public-url'
import { useAction } from '../../../lib/use-action'
import { loadViewerToken, saveViewerToken, viewerLink } from '../../../lib/viewer-link'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'
import { QrCode } from '../../../ui/qr-code'

type LinkState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'none' }
  /** A link exists; its token is known when this device made it. */
  | { readonly kind: 'active'; readonly token: string | null }

export function ViewerLinkPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const id = useId()
  const action = useAction()
  const announce = useAnnounce()
  const publicUrl = usePublicUrl()
  const [link, setLink] = useState<LinkState>({ kind: 'unknown' })
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    let cancelled = false
    api.viewerLinkStatus(workshopId, token).then(
      (status) => {
        if (cancelled) return
        if (status.createdAt === null) {
          saveViewerToken(workshopId, null)
          setLink({ kind: 'none' })
        } else {
          setLink({ kind: 'active', token: loadViewerToken(workshopId) })
        }
      },
      // Offline or refused: the buttons still work, and say why if they fail.
      () => !cancelled && setLink({ kind: 'none' }),
    )
    return () => {
      cancelled = true
    }
  }, [workshopId, token])

  const create = async () => {
    if (action.pending) return
    const made = await action.run(() => api.createViewerLink(workshopId, token))
    if (!made) return
    saveViewerToken(workshopId, made.token)
    setLink({ kind: 'active', token: made.token })
    setCopied(false)
    announce(
      link.kind === 'active'
        ? 'New read-only link made. The old one no longer works.'
        : 'Read-only link made.',
    )
  }
  const revoke = async () => {
    if (action.pending) return
    const done = await action.run(async () => {
      await api.revokeViewerLink(workshopId, token)
      return true
    })
    if (!done) return
    saveViewerToken(workshopId, null)
    setLink({ kind: 'none' })
    announce('Read-only link revoked. Anyone who had it can no longer open the results.')
  }
  const url =
    link.kind === 'active' && link.token && publicUrl
      ? viewerLink(publicUrl, workshopId, link.token)
      : null
  const copy = async () => {
    if (!url) return
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
      announce('Read-only link copied.')
    } catch {
      document.getElementById(`${id}-link`)?.focus()
    }
  }

  return (
    <Section title="Read-only link" id="viewer-link-panel" className="viewer-link-panel">
      <p className="muted small">
        For people who were not in the room: they see the revealed results and the board, and can
        download the rationale document. They cannot change anything or see anyone&apos;s private
        work.
      </p>
      {link.kind === 'active' && url && (
        <>
          <div className="field">
            <label htmlFor={`${id}-link`}>Read-only link</label>
            <div className="input-with-button">
              <input
                id={`${id}-link`}
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button className="button" type="button" onClick={() => void copy()}>
                {copied ? 'Copied' : 'Copy read-only link'}
              </button>
            </div>
          </div>
          <QrCode value={url} label="QR code for the read-only link" size={200} />
        </>
      )}
      {link.kind === 'active' && !link.token && (
        <p>
          A read-only link exists, made on another device. Make a new link to show it here (the old
          one stops working).
        </p>
      )}
      <div className="button-row">
        {link.kind !== 'active' ? (
          <button
            type="button"
            className="button"
            disabled={link.kind === 'unknown'}
            aria-disabled={action.pending || undefined}
            onClick={() => void create()}
          >
            Create read-only link
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              aria-disabled={action.pending || undefined}
              onClick={() => void create()}
            >
              Make a new link
            </button>
            <button
              type="button"
              className="button button--danger"
              aria-disabled={action.pending || undefined}
              onClick={() => void revoke()}
            >
              Revoke read-only link
            </button>
          </>
        )}
      </div>
      <ErrorAlert message={action.error} />
    </Section>
  )
}
