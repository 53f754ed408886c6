// Whether the screen is wide enough for the desktop board (drag and drop) instead of the list.
import { useSyncExternalStore } from 'react'

const QUERY = '(min-width: 900px)'

const subscribe = (listener: () => void) => {
  const media = window.matchMedia(QUERY)
  media.addEventListener('change', listener)
  return () => media.removeEventListener('change', listener)
}
const getSnapshot = () => window.matchMedia(QUERY).matches

export function useWideScreen(): boolean {
  return useSyncExternalStore(subscribe, getSnapshot)
}
