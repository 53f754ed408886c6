// Sections of the phases still to be built: each says so until its phase replaces it here with
// a file of its own (see sections/index.ts).
import { notRun } from '../document.js'
import type { SectionSpec } from './context.js'

const placeholder = (id: string, title: string): SectionSpec => ({
  id,
  title,
  build: () => [notRun()],
})

export const frameworkSection = placeholder('framework', 'Value framework')
