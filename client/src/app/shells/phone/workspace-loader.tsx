// Loads the brainstorm and cluster work as its own chunk, fetched right after the phone view
// first renders: the route's first download stays small (scripts/check-bundle.mjs) while the
// code is already there by the time the facilitator starts a phase.
import { useEffect, useState } from 'react'
import type * as Workspace from './workspace'
import type { WorkspaceProps } from './workspace'

type WorkspaceModule = typeof Workspace

let loading: Promise<WorkspaceModule> | null = null
let loaded: WorkspaceModule | null = null

/** Starts (or joins) the download; a failed one may be tried again. */
export function preloadWorkspace(): Promise<WorkspaceModule> {
  loading ??= import('./workspace').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = null
      throw error
    },
  )
  return loading
}

export function LazyWorkspace(props: WorkspaceProps) {
  const [module, setModule] = useState(loaded)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (module) return
    let live = true
    const load = () => {
      void preloadWorkspace().then(
        (m) => live && setModule(m),
        () => live && setFailed(true),
      )
    }
    load()
    // Back online: try again by itself.
    window.addEventListener('online', load)
    return () => {
      live = false
      window.removeEventListener('online', load)
    }
  }, [module])
  if (module) return <module.Workspace {...props} />
  return failed ? (
    <div className="card">
      <p>This part of the page could not be loaded. Check your connection.</p>
      <button className="button" type="button" onClick={() => window.location.reload()}>
        Reload the page
      </button>
    </div>
  ) : (
    <p className="muted">Loading…</p>
  )
}
