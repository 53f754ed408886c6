// Saving a file the API answered with: its name from Content-Disposition, and the browser's own
// download of a blob URL (a plain link cannot carry the token, which goes in a header).

/**
 * The file name a `Content-Disposition` header gives, or `fallback`: `filename*` (RFC 5987,
 * UTF-8) is preferred over `filename`; any path is cut off, and control characters and the
 * characters no file system takes become `_`.
 */
export function filenameFromDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback
  const extended = /(?:^|;)\s*filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)
  let name: string | undefined
  if (extended?.[1]) {
    try {
      name = decodeURIComponent(extended[1].trim())
    } catch {
      name = undefined
    }
  }
  if (name === undefined) {
    const plain = /(?:^|;)\s*filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/.exec(header)
    name = plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2]?.trim()
  }
  const safe = (name ?? '')
    .split(/[/\\]/)
    .pop()
    ?.replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .trim()
  return safe && safe !== '.' && safe !== '..' ? safe : fallback
}

/** Hands `blob` to the browser's download as `filename`, through a temporary link. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.hidden = true
  document.body.append(link)
  try {
    link.click()
  } finally {
    link.remove()
    // After the click's task: the download has taken its copy of the blob by then.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }
}

/** The browser's IANA time zone, or undefined when it has none to give. */
export function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined
  } catch {
    return undefined
  }
}
