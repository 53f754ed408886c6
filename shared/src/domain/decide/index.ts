// The decide phase's pure rules: the default selection, consent, dissent figures, changes.
export * from './selection.js'
export * from './consent.js'
export * from './figures.js'
export * from './changes.js'
