// One line per participant with a count, their group and whether they are online: the list
// every round's progress panel (and the brainstorm's) shows. Counts only, never values; a
// participant who said "I'm done" with the current step is tagged done.
import { DoneTag } from './done'
export interface ProgressListLine {
  readonly id: string
  /** "Dana: 3 ideas", "Dana: 2 of 5 dots". */
  readonly label: string
  readonly group: string
  readonly online: boolean
  /** Nothing yet: the line is shown muted. */
  readonly none: boolean
}

export function ParticipantProgressList({
  lines,
  labelledBy,
}: {
  lines: readonly ProgressListLine[]
  labelledBy: string
}) {
  return (
    <ul className="progress-list" aria-labelledby={labelledBy}>
      {lines.map((line) => (
        <li
          key={line.id}
          className={line.none ? 'progress-line progress-line--none' : 'progress-line'}
        >
          <span className="progress-line__count">
            {line.label}
            <DoneTag participantId={line.id} />
          </span>
          <span className="progress-line__meta">
            <span className="group-tag">{line.group}</span>{' '}
            <span className={line.online ? 'presence presence--online' : 'presence'}>
              <span aria-hidden="true">{line.online ? '●' : '○'}</span>{' '}
              {line.online ? 'Online' : 'Offline'}
            </span>
          </span>
        </li>
      ))}
    </ul>
  )
}
