// The read-only link for stakeholders who were not in the room.
import { api } from '../../../lib/api'
import { TokenLinkPanel } from './token-link-panel'

export function ViewerLinkPanel({ workshopId, token }: { workshopId: string; token: string }) {
  return (
    <TokenLinkPanel
      workshopId={workshopId}
      kind="viewer"
      name="read-only link"
      id="viewer-link-panel"
      revokedNews="Anyone who had it can no longer open the results."
      api={{
        status: () => api.viewerLinkStatus(workshopId, token),
        create: () => api.createViewerLink(workshopId, token),
        revoke: () => api.revokeViewerLink(workshopId, token),
      }}
    >
      For people who were not in the room: they see the revealed results and the board, and can
      download the rationale document. They cannot change anything or see anyone&apos;s private
      work.
    </TokenLinkPanel>
  )
}
