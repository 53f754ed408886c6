// The base URL join links and QR codes carry, as the server reports it.
import { useEffect, useState } from 'react'
import { loadPublicUrl } from './api'

export function usePublicUrl(): string | null {
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    let cancelled = false
    void loadPublicUrl().then((u) => {
      if (!cancelled) setUrl(u)
    })
    return () => {
      cancelled = true
    }
  }, [])
  return url
}

/** The link a participant opens to join with `code`. */
export function joinLink(publicUrl: string, code: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/j/${encodeURIComponent(code)}`
}
