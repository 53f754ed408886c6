// The desktop cluster board behind React.lazy: @dnd-kit loads only where the board is shown.
import { lazy, type ReactNode } from 'react'
import { LazyChunk } from '../ui/lazy-chunk'
import type { ClusterBoardProps } from './cluster-board'

const ClusterBoard = lazy(() => import('./cluster-board'))

export function LazyClusterBoard({
  loading,
  failed,
  ...props
}: ClusterBoardProps & { loading: ReactNode; failed: ReactNode }) {
  return (
    <LazyChunk loading={loading} failed={failed}>
      <ClusterBoard {...props} />
    </LazyChunk>
  )
}
