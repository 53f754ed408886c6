// Text hygiene for everything people type: names, titles, groups, ideas, labels. Stored text is
// NFC, carries no control characters and no bidi overrides or isolates, so a roster cannot be
// spoofed by reversing a name and an export cannot be steered by escape sequences.
// Plain functions without zod, so the join page can clean text without loading it; text.ts adds
// the zod check.

/**
 * C0 and C1 controls and DEL, except tab and line feed (kept only where text may span lines);
 * the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the
 * directional marks (U+200E, U+200F, U+061C); line and paragraph separators; and the BOM.
 */
const UNSAFE_SINGLE_LINE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/g
const UNSAFE_MULTI_LINE =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069\u2028\u2029\uFEFF]/g

/** Printable ASCII, with tab and line feed where text may span lines. */
const PLAIN_SINGLE_LINE = /^[\x20-\x7E]*$/
const PLAIN_MULTI_LINE = /^[\x20-\x7E\n\t]*$/

export interface TextOptions {
  /** Keep line feeds and tabs (idea text); names and titles are one line. */
  readonly multiline?: boolean
}

/**
 * The text as it may be stored: Unicode NFC; carriage returns become line feeds (multi-line)
 * or spaces (one line); every other unsafe character is removed. Idempotent.
 */
export function cleanText(input: string, options: TextOptions = {}): string {
  // Printable ASCII is already NFC and safe: the common case, cheap enough for every board read.
  if ((options.multiline ? PLAIN_MULTI_LINE : PLAIN_SINGLE_LINE).test(input)) return input
  const safe = options.multiline
    ? input.replace(/\r\n?/g, '\n').replace(UNSAFE_MULTI_LINE, '')
    : input.replace(/[\r\n\t]+/g, ' ').replace(UNSAFE_SINGLE_LINE, '')
  // Normalised last: removing a character can bring a letter and its combining mark together
  // ("e", U+200E, U+0301), which NFC then composes. No NFC mapping yields an unsafe character.
  return safe.normalize('NFC')
}

/**
 * Whether `text` holds no unsafe character (see `cleanText`). Tab and line feed are allowed
 * when `multiline`. Does not test NFC: collaborative text arrives in pieces, and a piece of a
 * normalised text need not be normalised on its own.
 */
export function hasOnlySafeCharacters(text: string, multiline: boolean): boolean {
  const pattern = multiline ? UNSAFE_MULTI_LINE : UNSAFE_SINGLE_LINE
  pattern.lastIndex = 0
  const found = pattern.test(text)
  pattern.lastIndex = 0
  return !found
}
