// A lazily loaded part of a page: shows `loading` while its code arrives, and `failed` instead
// of a blank screen if the chunk cannot load (offline, a new deploy).
import { Component, Suspense, type ReactNode } from 'react'

export function LazyChunk({
  loading,
  failed,
  children,
}: {
  loading: ReactNode
  failed: ReactNode
  children: ReactNode
}) {
  return (
    <ChunkBoundary failed={failed}>
      <Suspense fallback={loading}>{children}</Suspense>
    </ChunkBoundary>
  )
}

class ChunkBoundary extends Component<
  { failed: ReactNode; children: ReactNode },
  { hasFailed: boolean }
> {
  override state = { hasFailed: false }

  static getDerivedStateFromError(): { hasFailed: boolean } {
    return { hasFailed: true }
  }

  override render() {
    return this.state.hasFailed ? this.props.failed : this.props.children
  }
}
