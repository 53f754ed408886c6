// Guards for the candidate-item list: how much text may be pasted or read from a CSV file.
import { LIMITS } from '@triage/shared'

const MAX_CHARS = LIMITS.importText
/** UTF-8 takes at most 4 bytes a character, so a larger file cannot be within the limit. */
export const MAX_FILE_BYTES = MAX_CHARS * 4

const limitText = MAX_CHARS.toLocaleString('en')

export type ImportText =
  { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string }

/** Checks pasted or read text: not blank, within the character limit; drops a byte-order mark. */
export function checkImportText(raw: string, what: 'list' | 'file' = 'list'): ImportText {
  const text = raw.replace(/^\uFEFF/, '')
  if (text.trim() === '') {
    return {
      ok: false,
      message: what === 'file' ? 'That file is empty.' : 'Write at least one item, one a line.',
    }
  }
  if (text.length > MAX_CHARS) {
    const size = text.length.toLocaleString('en')
    return {
      ok: false,
      message:
        what === 'file'
          ? `That file is too large: at most ${limitText} characters (it has ${size}). Split it into smaller files.`
          : `The list is too long: at most ${limitText} characters (it has ${size}). Add it in parts.`,
    }
  }
  return { ok: true, text }
}

/** What of a browser File the reader needs (a File satisfies it). */
export interface TextFile {
  readonly name: string
  readonly size: number
  text(): Promise<string>
}

/** Reads a CSV file chosen by the facilitator, refusing one too large before reading it. */
export async function readImportFile(file: TextFile): Promise<ImportText> {
  if (file.size > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `That file is too large: at most ${limitText} characters. Split it into smaller files.`,
    }
  }
  let text: string
  try {
    text = await file.text()
  } catch {
    return { ok: false, message: `Could not read ${file.name}. Try again or paste the items.` }
  }
  return checkImportText(text, 'file')
}
