// The rationale document's sections, in order: the one registry. A phase that lands replaces
// its placeholder with a file of its own; nothing else changes.
import type { SectionSpec } from './context.js'
import { ideasSection } from './ideas.js'
import { decisionsSection } from './decisions.js'
import { frameworkSection } from './framework.js'
import { logSection } from './log.js'
import { matrixSection } from './matrix.js'
import { methodSection } from './method.js'
import { optionsSection } from './options.js'
import { overviewSection } from './overview.js'
import { participantsSection } from './participants.js'
import { votesSection } from './votes.js'

export const SECTIONS: readonly SectionSpec[] = [
  overviewSection,
  participantsSection,
  methodSection,
  ideasSection,
  votesSection,
  matrixSection,
  frameworkSection,
  optionsSection,
  decisionsSection,
  logSection,
]

export { sectionContext, type SectionContext, type SectionSpec } from './context.js'
