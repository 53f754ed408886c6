// Vite build of the client into client/dist (served by the server); dev server proxies the API.
// The build also writes the service worker (src/sw.ts, precaching the participant route), the web
// app manifest, and brotli and gzip copies of every text file (scripts/precompress.mjs).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { defineConfig, type Plugin } from 'vite'
import react from '@vitejs/plugin-react'
import { VitePWA } from 'vite-plugin-pwa'
import { participantFiles, type BuildManifest } from './scripts/participant-route.mjs'
import { precompress } from './scripts/precompress.mjs'

const backend = process.env.TRIAGE_BACKEND ?? 'http://localhost:3000'
// Written at the top of the entry chunk, so that builds with different ids differ in their
// hashes (the e2e test of a new deploy uses it; a deploy may set it to its commit).
const buildId = process.env.TRIAGE_BUILD_ID?.replace(/[^\w.-]/g, '') ?? ''

let outDir = ''

/** Remembers the output folder, for the steps below that read what the build wrote. */
const outputFolder: Plugin = {
  name: 'triage:output-folder',
  configResolved(config) {
    outDir = resolve(config.root, config.build.outDir)
  },
}

/** Compresses the output once everything, the service worker included, is written. */
const precompressOutput: Plugin = {
  name: 'triage:precompress',
  apply: 'build',
  closeBundle: {
    order: 'post',
    sequential: true,
    async handler() {
      await precompress(outDir)
    },
  },
}

export default defineConfig({
  plugins: [
    outputFolder,
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered by src/app/service-worker.ts, after the page has loaded.
      injectRegister: false,
      includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
      manifest: {
        id: '/',
        name: 'Triage Board',
        short_name: 'Triage Board',
        description: 'A live workshop board for deciding what to build next.',
        lang: 'en',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#1f4e5f',
        background_color: '#f4f5f2',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          {
            src: '/icon-maskable-512.png',
            sizes: '512x512',
            type: 'image/png',
            purpose: 'maskable',
          },
        ],
      },
      injectManifest: {
        // The icons and the manifest are added by the plugin (includeAssets, manifest icons).
        globPatterns: ['**/*.{js,css,html}'],
        globIgnores: ['**/*.map'],
        // Only the participant route and its lazy chunks: the console and projector chunks are
        // not for phones, which should not spend their data on them.
        manifestTransforms: [
          (entries) => {
            const manifest = JSON.parse(
              readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8'),
            ) as BuildManifest
            const participant = new Set(participantFiles(manifest, { lazy: true }))
            const keep = entries.filter(
              (e) => !e.url.startsWith('assets/') || participant.has(e.url),
            )
            return { manifest: keep, warnings: [] }
          },
        ],
      },
    }),
    precompressOutput,
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // scripts/check-bundle.mjs and the service worker read it to find the participant route.
    manifest: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'vendor', test: /[\\/]node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
        postBanner: (chunk) =>
          buildId && chunk.isEntry ? `/* Triage Board build ${buildId} */` : '',
      },
    },
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/sync': { target: backend, ws: true },
    },
  },
})
