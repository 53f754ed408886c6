// Sections of the phases still to be built: each says so until its phase replaces it here with
// a file of its own (see sections/index.ts). Every phase has its own section now; the helper
// stays for the next one.
import { notRun } from '../document.js'
import type { SectionSpec } from './context.js'

/** A section that says its phase was not run: the placeholder until the phase lands. */
export const placeholder = (id: string, title: string): SectionSpec => ({
  id,
  title,
  build: () => [notRun()],
})
