// Text hygiene as zod checks: the rules themselves are in clean-text.ts (no zod, so the join
// page can use them without loading it).
import { cleanText, type TextOptions } from './clean-text.js'
import { z } from './zod.js'

export { cleanText, hasOnlySafeCharacters, type TextOptions } from './clean-text.js'

/**
 * A zod check that cleans a string in place (`cleanText`). Put it first in `.check(...)`, so
 * that trimming and the length checks see the cleaned text: a name made only of control
 * characters is then empty, and "required".
 */
export function cleanTextCheck(options: TextOptions = {}) {
  return z.overwrite((input: string) => cleanText(input, options))
}
