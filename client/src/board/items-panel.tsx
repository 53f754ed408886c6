// Candidate items from the facilitator: a pasted list (one a line) or a CSV file, straight
// onto the board.
import { useId, useState, type ChangeEvent, type FormEvent } from 'react'
import type { ImportItemsBody } from '@triage/shared'
import { api } from '../lib/api'
import { ErrorAlert } from '../ui/alert'
import { useAnnounce } from '../ui/announcer'
import { Section } from '../ui/layout'
import { importNews, importResultLine } from './item-lines'
import { checkImportText, readImportFile } from './import-file'
import { useAction } from '../lib/use-action'

export function ItemsPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const id = useId()
  const [text, setText] = useState('')
  const [result, setResult] = useState('')
  const action = useAction()
  const announce = useAnnounce()

  const send = async (format: ImportItemsBody['format'], body: string): Promise<boolean> => {
    setResult('')
    const answer = await action.run(() =>
      api.importItems(workshopId, token, { format, text: body }),
    )
    if (!answer) return false
    setResult(importResultLine(answer))
    announce(importNews(answer))
    return true
  }

  const addLines = async (event: FormEvent) => {
    event.preventDefault()
    if (action.pending) return
    const checked = checkImportText(text)
    if (!checked.ok) return action.fail(checked.message)
    if (await send('lines', checked.text)) setText('')
  }

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget
    const file = input.files?.[0]
    if (!file) return
    setResult('')
    const read = await readImportFile(file)
    if (read.ok) await send('csv', read.text)
    else action.fail(read.message)
    // Choosing the same file again should import it again.
    input.value = ''
  }

  return (
    <Section title="Candidate items" id={`${id}-title`} className="items-panel">
      <p className="hint">Items go straight onto the board, visible to everyone.</p>
      <form className="form" onSubmit={(e) => void addLines(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-lines`}>Items, one a line</label>
          <textarea
            id={`${id}-lines`}
            rows={4}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="button-row">
          {/* aria-disabled while adding, not disabled: the focus stays on it. */}
          <button
            className="button button--primary"
            type="submit"
            aria-disabled={action.pending || undefined}
          >
            Add items
          </button>
        </div>
      </form>
      <div className="field">
        <label htmlFor={`${id}-csv`}>Import CSV</label>
        <input
          id={`${id}-csv`}
          type="file"
          accept=".csv,text/csv,text/plain"
          aria-disabled={action.pending || undefined}
          onClick={(e) => action.pending && e.preventDefault()}
          aria-describedby={`${id}-csv-hint`}
          onChange={(e) => void importFile(e)}
        />
        <p id={`${id}-csv-hint`} className="hint">
          The column headed Item, Title, Idea or Text is used, otherwise the first column.
        </p>
      </div>
      {/* Said through the page's live region. */}
      <div className="result-line">{result}</div>
      <ErrorAlert message={action.error} />
    </Section>
  )
}
