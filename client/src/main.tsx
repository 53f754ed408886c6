// Entry point: mounts the app and its styles.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, preloadScreen } from './app/app'
import { registerServiceWorker } from './app/service-worker'
import './ui/styles.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
// The first screen's code comes before the first render (see app/lazy-screen.tsx); the join
// page, in this chunk, needs nothing more.
void preloadScreen(window.location.pathname).then(() =>
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
)
registerServiceWorker()
