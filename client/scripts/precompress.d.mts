// Types of precompress.mjs, for vite.config.ts.

/** Compresses every text file under `dir` (brotli and gzip copies); resolves to the count. */
export function precompress(dir: string): Promise<number>
