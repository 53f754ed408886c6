// Vite build of the client into client/dist (served by the server); dev server proxies the API.
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'

const backend = process.env.TRIAGE_BACKEND ?? 'http://localhost:3000'

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // scripts/check-bundle.mjs reads it to measure what the participant route loads.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/sync': { target: backend, ws: true },
    },
  },
})
