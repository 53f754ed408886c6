// A QR code as an <img> of an SVG data URL; the qrcode library loads only when one is shown.
import { useEffect, useState } from 'react'

async function renderQr(value: string): Promise<string> {
  const mod = await import('qrcode')
  // A CommonJS module: its exports arrive as the default export once bundled.
  const lib = (mod.default as typeof mod.default | undefined) ?? mod
  const svg = await lib.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`
}

export function QrCode({
  value,
  label,
  size = 240,
}: {
  value: string
  label: string
  size?: number
}) {
  const [rendered, setRendered] = useState<{ value: string; src: string } | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let cancelled = false
    renderQr(value).then(
      (src) => {
        if (!cancelled) setRendered({ value, src })
      },
      () => {
        if (!cancelled) setFailed(true)
      },
    )
    return () => {
      cancelled = true
    }
  }, [value])
  if (rendered?.value === value) {
    return <img className="qr" src={rendered.src} alt={label} width={size} height={size} />
  }
  return (
    <div className="qr qr--placeholder" style={{ width: size, height: size }}>
      {failed ? 'The QR code could not be drawn.' : 'Drawing QR code…'}
    </div>
  )
}
