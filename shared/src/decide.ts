// Entry point `@triage/shared/decide`: the decide phase's rules the console, the server and the
// export use (default selection, dissent figures, what changed since a decision was recorded).
// A subpath of its own, so that the phone's first load does not carry them; consent's clamp and
// tally stay in the main entry with the round kinds.
export * from './domain/decide/selection.js'
export * from './domain/decide/figures.js'
export * from './domain/decide/changes.js'
