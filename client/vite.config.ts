// Vite build of the client into client/dist (served by the server); dev server proxies the API.
// The build also writes the service worker (src/sw.ts, precaching the participant route), the web
// app manifest, and brotli and gzip copies of every text file (scripts/precompress.mjs).
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { build, defineConfig, type Plugin, type Rolldown } from 'vite'
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

/**
 * lib0's dom.js (which lib0/logging, and so Yjs, imports) builds four lib0/schema checks at its
 * top level; unannotated, the bundler keeps them and with them all of lib0/schema (2 KB brotli)
 * in the phone view, though nothing uses them. Marked pure, unused, they go.
 */
const lib0DomPure: Plugin = {
  name: 'triage:lib0-dom-pure',
  apply: 'build',
  transform: {
    filter: { id: /[\\/]lib0[\\/]dom\.js$/ },
    handler(code) {
      const marked = code.replaceAll(' = $.$custom(', ' = /* @__PURE__ */ $.$custom(')
      if (marked === code) this.warn('lib0/dom.js: no top-level $.$custom( calls to mark any more')
      // Nothing moves from one line to another: the source map stays as it is.
      return { code: marked, map: null }
    },
  },
}

/** Modules of the phone view kept in one chunk with their dependencies (`phone-core`, below). */
const PHONE_CORE =
  /[\\/]src[\\/](app[\\/]phases\.ts|lib[\\/]identity-line\.ts|ui[\\/]session-ended\.tsx|domain[\\/]done\.ts|schema[\\/](phase|voting|workshop|brainstorm|text)\.ts)$/

/** The phone view's module: a lazy chunk (src/app/app.tsx), the heart of a participant's page. */
const PHONE_VIEW = '/src/app/shells/phone/phone-shell.tsx'

/**
 * A participant's page (`/w/<id>`: a reload, a tab reopened offline) needs the phone view, which
 * the entry loads lazily: without a hint the browser asks for it only once the entry has run. A
 * small script in index.html starts those downloads (from the service worker's copy offline) with
 * the entry's, on that route only, so the join page does not pay for them. The phone view's own
 * lazy copy of y-indexeddb, which it opens first thing, is hinted too.
 */
const phoneViewPreload: Plugin = {
  name: 'triage:phone-view-preload',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(_html, ctx) {
      const bundle = ctx.bundle
      if (!bundle) return
      const chunks = new Map<string, Rolldown.OutputChunk>()
      for (const out of Object.values(bundle))
        if (out.type === 'chunk') chunks.set(out.fileName, out)
      const view = [...chunks.values()].find((c) => c.facadeModuleId?.endsWith(PHONE_VIEW))
      if (!view) throw new Error(`no chunk for ${PHONE_VIEW}`)
      const entry = new Set<string>()
      const walk = (file: string, into: Set<string>) => {
        const chunk = chunks.get(file)
        if (!chunk || into.has(file)) return
        into.add(file)
        for (const dep of chunk.imports) walk(dep, into)
      }
      for (const c of chunks.values()) if (c.isEntry) walk(c.fileName, entry)
      const files = new Set<string>()
      walk(view.fileName, files)
      for (const dep of view.dynamicImports) if (/y-indexeddb/.test(dep)) walk(dep, files)
      const scripts = [...files].filter((f) => !entry.has(f))
      const styles = scripts.flatMap((f) => [...(chunks.get(f)?.viteMetadata?.importedCss ?? [])])
      // One list, space-separated, names under assets/ (the script is in every page: kept small).
      const list = [...scripts, ...styles].map((f) => f.replace(/^assets\//, '')).join(' ')
      const script =
        `if(/^\\/w\\/[A-Za-z0-9_-]{8,40}\\/?$/.test(location.pathname))` +
        `for(const h of${JSON.stringify(list)}.split(' ')){` +
        `const l=document.createElement('link');l.href='/assets/'+h;` +
        // crossorigin as Vite's own stylesheet links have it, or the preload goes unused.
        `if(h.endsWith('.css')){l.rel='preload';l.as='style';l.crossOrigin=''}` +
        `else l.rel='modulepreload';` +
        `document.head.appendChild(l)}`
      return [{ tag: 'script', children: script, injectTo: 'head' }]
    },
  },
}

/**
 * The page's icon, written into index.html as a data URL (0.3 KB of SVG): otherwise the browser
 * asks for /favicon.svg as the page loads, one more answer with its headers before a phone's
 * phase view. The CSP allows data: images; the file stays, for what links it from elsewhere.
 */
const inlineFavicon: Plugin = {
  name: 'triage:inline-favicon',
  apply: 'build',
  transformIndexHtml(html) {
    const link = '<link rel="icon" href="/favicon.svg" type="image/svg+xml" />'
    if (!html.includes(link)) throw new Error('index.html does not link /favicon.svg')
    const svg = readFileSync(join(import.meta.dirname, 'public', 'favicon.svg'), 'utf8').trim()
    // Quoted with ' inside the page's "…"; only what a URL or the attribute cannot hold encoded.
    const url = `data:image/svg+xml,${svg.replaceAll('"', "'").replace(/[%#<>&]/g, encodeURIComponent)}`
    return html.replace(link, () => `<link rel="icon" href="${url}" type="image/svg+xml" />`)
  },
}

/** The join link's first screen, drawn before the app loads (issue 16). */
const JOIN_BOOT = 'src/features/join/join-boot.ts'

/**
 * A phone opening a join link should see the form after index.html and one answer, not after
 * React and the app. index.html carries what that takes: the entry's CSS, inline (one request
 * fewer before the first paint; an inline script also waits for a pending stylesheet), and
 * features/join/join-boot.ts, bundled on its own and inline at the end of the body, which draws
 * the form into #root as the page is parsed. The server allows exactly these inline scripts by
 * their hashes in the page's CSP (server/src/routes/static.ts).
 */
const joinFirstScreen: Plugin = {
  name: 'triage:join-first-screen',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    async handler(html, ctx) {
      const bundle = ctx.bundle
      if (!bundle) return
      const built = await build({
        configFile: false,
        root: import.meta.dirname,
        logLevel: 'warn',
        publicDir: false,
        build: {
          write: false,
          minify: true,
          sourcemap: false,
          lib: { entry: JOIN_BOOT, formats: ['iife'], name: 'triageJoinBoot' },
        },
      })
      const outputs = (Array.isArray(built) ? built : [built]) as Rolldown.RolldownOutput[]
      const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk')
      if (!chunk) throw new Error(`no bundle for ${JOIN_BOOT}`)
      // Inline CSS may not end a <style> early; the script may not end its <script>.
      if (/<\/(script|style)/i.test(chunk.code)) throw new Error(`${JOIN_BOOT}: </script> inside`)
      let page = html
      for (const out of Object.values(bundle)) {
        if (out.type !== 'asset' || !/^assets\/index-[\w-]+\.css$/.test(out.fileName)) continue
        const link = new RegExp(`<link rel="stylesheet"[^>]*href="/${out.fileName}"[^>]*>`)
        if (!link.test(page)) throw new Error(`index.html does not link ${out.fileName}`)
        const css = String(out.source)
        if (/<\/style/i.test(css)) throw new Error(`${out.fileName}: </style> inside`)
        // The link stays, disabled: a disabled stylesheet link is not fetched (HTML, "link type
        // stylesheet"), and Vite's preload helper, which loads a lazy chunk's CSS with it (the
        // entry's too, for a chunk that imports from the entry), takes any `rel=stylesheet` link
        // with that href as loaded already. Without it, every phone fetched this CSS a second time.
        page = page.replace(
          link,
          () => `<link rel="stylesheet" href="/${out.fileName}" disabled><style>${css}</style>`,
        )
      }
      return {
        html: page,
        tags: [{ tag: 'script', children: chunk.code.trim(), injectTo: 'body' }],
      }
    },
  },
}

export default defineConfig({
  plugins: [
    outputFolder,
    react(),
    lib0DomPure,
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Registered by src/app/service-worker.ts, after the page has loaded.
      injectRegister: false,
      // Nothing but the participant route is precached (below): the favicon is inlined in
      // index.html, and the home-screen icons are fetched by the browser when someone adds the
      // app, so a phone on a patchy network does not download them in the background.
      includeAssets: [],
      includeManifestIcons: false,
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
    phoneViewPreload,
    inlineFavicon,
    joinFirstScreen,
    precompressOutput,
  ],
  worker: {
    // The server sends the pages' scripts without the headers only documents and workers heed
    // (server/src/routes/static.ts); a worker's script keeps them, known by "worker" in its name.
    rolldownOptions: { output: { entryFileNames: 'assets/worker-[name]-[hash].js' } },
  },
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
            // The small modules the phone view shares with the phases' own chunks (the phase
            // registry, the schemas of the vote and the workshop, zod) would each be a common
            // chunk of its own: five more answers before a phone's phase view, each with its
            // headers. One chunk instead; the bundle check weighs the route either way.
            { name: 'phone-core', test: PHONE_CORE, priority: 0 },
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
