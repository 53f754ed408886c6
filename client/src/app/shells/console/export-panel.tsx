// The workshop's rationale document and record, downloaded at any phase: fetched with the
// facilitator's token (a link could not carry it) and saved through a blob URL.
import { EXPORT_FORMATS, type ExportFormat } from '@triage/shared'
import { exportWorkshop } from '../../../lib/api'
import { browserTimeZone, saveBlob } from '../../../lib/download'
import { useAction } from '../../../lib/use-action'
import { ErrorAlert } from '../../../ui/alert'
import { useAnnounce } from '../../../ui/announcer'
import { Section } from '../../../ui/layout'

const LABELS: Record<ExportFormat, string> = {
  md: 'Markdown',
  html: 'HTML',
  json: 'JSON',
  csv: 'CSV',
}

export function ExportPanel({ workshopId, token }: { workshopId: string; token: string }) {
  const action = useAction()
  const announce = useAnnounce()

  const download = async (format: ExportFormat) => {
    if (action.pending) return
    const file = await action.run(() =>
      exportWorkshop(workshopId, token, format, browserTimeZone()),
    )
    if (file) {
      saveBlob(file.blob, file.filename)
      announce(`${LABELS[format]} export downloaded as ${file.filename}.`)
    }
  }

  return (
    <Section title="Export" id="export-panel" className="export-panel">
      <p className="muted small">
        The rationale document as it stands now (Markdown, or HTML to print or save as PDF), the
        whole record as JSON, or the ranked items as CSV. Dates are in your time zone.
      </p>
      <div className="button-row">
        {EXPORT_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button"
            aria-label={`Export ${LABELS[format]}`}
            aria-disabled={action.pending || undefined}
            onClick={() => void download(format)}
          >
            {LABELS[format]}
          </button>
        ))}
      </div>
      <ErrorAlert message={action.error} />
    </Section>
  )
}
