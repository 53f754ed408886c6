// The files of the participant route, read from Vite's build manifest (dist/.vite/manifest.json):
// what the service worker precaches and what scripts/check-bundle.mjs weighs. The facilitator's
// console and the projector (their shells, and each phase's console and projector parts) are
// lazy chunks of their own and stay online-only.

/** Lazy chunks that belong to the facilitator's and the projector's screens, not to phones. */
const ONLINE_ONLY = [
  /^src\/app\/shells\/(console|projector)\//,
  /^src\/features\/[^/]+\/(console|projector)\//,
]

/**
 * Chunks reached from the entry: through static imports only (`lazy: false`: what the first
 * load fetches), or also through dynamic imports outside the console and projector (`lazy:
 * true`: everything a participant's screens may load). Returns manifest keys, entry first.
 */
export function participantChunks(manifest, { lazy }) {
  const entry = Object.keys(manifest).find((key) => manifest[key].isEntry)
  if (entry === undefined) throw new Error('the build manifest has no entry chunk')
  const seen = []
  const visit = (key) => {
    if (seen.includes(key) || !manifest[key]) return
    seen.push(key)
    for (const dep of manifest[key].imports ?? []) visit(dep)
    if (!lazy) return
    for (const dep of manifest[key].dynamicImports ?? []) {
      if (!ONLINE_ONLY.some((re) => re.test(dep))) visit(dep)
    }
  }
  visit(entry)
  return seen
}

/** The phone view, which the app loads lazily once the join form shows (src/app/app.tsx). */
export const PHONE_VIEW = 'src/app/shells/phone/phone-shell.tsx'

/**
 * What a phone loads from a join link to the phase view: the first load, then the phone view
 * chunk with its static imports (the phase's own parts load after, on demand). Manifest keys.
 */
export function phoneViewChunks(manifest) {
  if (!manifest[PHONE_VIEW]) throw new Error(`the build manifest has no chunk for ${PHONE_VIEW}`)
  const seen = participantChunks(manifest, { lazy: false })
  const visit = (key) => {
    if (seen.includes(key) || !manifest[key]) return
    seen.push(key)
    for (const dep of manifest[key].imports ?? []) visit(dep)
  }
  visit(PHONE_VIEW)
  return seen
}

/**
 * The output files (JavaScript, CSS, other assets) of those chunks, relative to dist/. The
 * entry's own CSS is not one: the build writes it into index.html (vite.config.ts, the join
 * link's first screen), and no page asks for the file.
 */
export function participantFiles(manifest, options) {
  return chunkFiles(manifest, participantChunks(manifest, options))
}

/** The output files of the phone view's chunks (`phoneViewChunks`). */
export function phoneViewFiles(manifest) {
  return chunkFiles(manifest, phoneViewChunks(manifest))
}

/** The entry's CSS files, which index.html carries inline. */
export function inlinedCss(manifest) {
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry)
  return new Set(entry?.css ?? [])
}

function chunkFiles(manifest, keys) {
  const files = new Set()
  const inline = inlinedCss(manifest)
  for (const key of keys) {
    const chunk = manifest[key]
    files.add(chunk.file)
    for (const css of chunk.css ?? []) if (!inline.has(css)) files.add(css)
    for (const asset of chunk.assets ?? []) files.add(asset)
  }
  return [...files]
}
