// A link with a revocable token of its own, as the console shows it: made, shown (with a QR
// code), replaced and revoked here. The server keeps only the token's hash, so this device keeps
// the token to show the link again after a reload; another device can only replace or revoke
// it. The read-only link, the co-facilitator link and the projector link are each one of these.
import { useEffect, useId, useState, type ReactNode } from 'react'
import type { ViewerLinkResponse, ViewerLinkStatus } from '@triage/shared'
import { usePublicUrl } from '../../../lib/use-public-url'
import { useAction } from '../../../lib/use-action'
import { linkOf, loadLinkToken, saveLinkToken, type LinkKind } from '../../../lib/viewer-link'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'
import { QrCode } from '../../../ui/qr-code'

export interface LinkApi {
  readonly status: () => Promise<ViewerLinkStatus>
  readonly create: () => Promise<ViewerLinkResponse>
  readonly revoke: () => Promise<void>
}

interface TokenLinkPanelProps {
  readonly workshopId: string
  readonly kind: LinkKind
  /** What the link is called in running text, e.g. "read-only link". */
  readonly name: string
  /** What the link does, under the title. */
  readonly children: ReactNode
  /** Said when it is revoked: who loses what. */
  readonly revokedNews: string
  readonly api: LinkApi
  readonly id: string
}

type LinkState =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'none' }
  /** A link exists; its token is known when this device made it. */
  | { readonly kind: 'active'; readonly token: string | null }

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export function TokenLinkPanel(props: TokenLinkPanelProps) {
  const { workshopId, kind, name, api } = props
  const id = useId()
  const action = useAction()
  const announce = useAnnounce()
  const publicUrl = usePublicUrl()
  const [link, setLink] = useState<LinkState>({ kind: 'unknown' })
  const [copied, setCopied] = useState(false)

  useEffect(() => {
    let cancelled = false
    api.status().then(
      (status) => {
        if (cancelled) return
        if (status.createdAt === null) {
          saveLinkToken(workshopId, kind, null)
          setLink({ kind: 'none' })
        } else {
          setLink({ kind: 'active', token: loadLinkToken(workshopId, kind) })
        }
      },
      // Offline or refused: the buttons still work, and say why if they fail.
      () => !cancelled && setLink({ kind: 'none' }),
    )
    return () => {
      cancelled = true
    }
    // The api object is made afresh on each render; the link it reaches is fixed by these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [workshopId, kind])

  const create = async () => {
    if (action.pending) return
    const made = await action.run(() => api.create())
    if (!made) return
    saveLinkToken(workshopId, kind, made.token)
    setLink({ kind: 'active', token: made.token })
    setCopied(false)
    announce(
      link.kind === 'active'
        ? `New ${name} made. The old one no longer works.`
        : `${capitalised(name)} made.`,
    )
  }
  const revoke = async () => {
    if (action.pending) return
    const done = await action.run(async () => {
      await api.revoke()
      return true
    })
    if (!done) return
    saveLinkToken(workshopId, kind, null)
    setLink({ kind: 'none' })
    announce(`${capitalised(name)} revoked. ${props.revokedNews}`)
  }
  const url =
    link.kind === 'active' && link.token && publicUrl
      ? linkOf(kind, publicUrl, workshopId, link.token)
      : null
  const copy = async () => {
    if (!url) return
    try {
      await navigator.clipboard.writeText(url)
      setCopied(true)
      announce(`${capitalised(name)} copied.`)
    } catch {
      document.getElementById(`${id}-link`)?.focus()
    }
  }

  return (
    <Section title={capitalised(name)} id={props.id} className="viewer-link-panel">
      <p className="muted small">{props.children}</p>
      {link.kind === 'active' && url && (
        <>
          <div className="field">
            <label htmlFor={`${id}-link`}>{capitalised(name)}</label>
            <div className="input-with-button">
              <input
                id={`${id}-link`}
                readOnly
                value={url}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button className="button" type="button" onClick={() => void copy()}>
                {copied ? 'Copied' : `Copy ${name}`}
              </button>
            </div>
          </div>
          <QrCode value={url} label={`QR code for the ${name}`} size={200} />
        </>
      )}
      {link.kind === 'active' && !link.token && (
        <p>
          A {name} exists, made on another device. Make a new link to show it here (the old one
          stops working).
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
            Create {name}
          </button>
        ) : (
          <>
            <button
              type="button"
              className="button"
              aria-label={`Make a new ${name}`}
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
              Revoke {name}
            </button>
          </>
        )}
      </div>
      <ErrorAlert message={action.error} />
    </Section>
  )
}
