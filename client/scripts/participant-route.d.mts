// Types of participant-route.mjs, for vite.config.ts.

/** One chunk of Vite's build manifest (the fields read here). */
export interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
  assets?: string[]
}

export type BuildManifest = Record<string, ManifestChunk>

export function participantChunks(manifest: BuildManifest, options: { lazy: boolean }): string[]

export function participantFiles(manifest: BuildManifest, options: { lazy: boolean }): string[]

/** The entry's CSS files, which the build writes into index.html. */
export function inlinedCss(manifest: BuildManifest): Set<string>
