// What a page shows once the server has refused its session for good.
import { endedMessage } from '../sync/connection-state'
import { Notice } from './alert'
import { Link } from './link'

export function SessionEnded({ code, joinPath }: { code: number | null; joinPath?: string }) {
  return (
    <Notice title="You are no longer connected">
      <p role="alert">{endedMessage(code)}</p>
      <p>
        {joinPath ? (
          <Link className="button" href={joinPath}>
            Join again
          </Link>
        ) : (
          <Link className="button" href="/">
            Go to the start page
          </Link>
        )}
      </p>
    </Notice>
  )
}
