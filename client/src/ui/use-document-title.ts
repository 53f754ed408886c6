// Keeps the browser tab title in step with the screen, which screen readers announce on load.
import { useEffect } from 'react'

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Triage Board` : 'Triage Board'
  }, [title])
}
