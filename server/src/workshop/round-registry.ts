// The round kinds this server runs, by id: shared's registry to begin with, and any kind a
// test registers. The rounds service and the progress tracker share one registry.
import { ROUND_KINDS, roundKindIdSchema, type AnyRoundKind } from '@triage/shared'

export class RoundRegistry {
  private readonly byId = new Map<string, AnyRoundKind>()

  constructor(kinds: readonly AnyRoundKind[] = ROUND_KINDS) {
    for (const kind of kinds) this.register(kind)
  }

  /** Adds a kind. Its id must be a valid kind id that no other kind has. */
  register(kind: AnyRoundKind): void {
    if (!roundKindIdSchema.safeParse(kind.id).success) {
      throw new Error(`not a round kind id: ${JSON.stringify(kind.id)}`)
    }
    if (this.byId.has(kind.id)) throw new Error(`round kind ${kind.id} is already registered`)
    this.byId.set(kind.id, kind)
  }

  /** The kind with this id, or null (a Map: `constructor` is no kind). */
  get(id: string): AnyRoundKind | null {
    return this.byId.get(id) ?? null
  }

  all(): AnyRoundKind[] {
    return [...this.byId.values()]
  }
}

/**
 * Where a kind's seal is stored among the workshop's sealed inputs. Voting keeps the key it
 * sealed under before rounds were generic, so a vote closed before an upgrade still reveals.
 */
export function sealKey(kindId: string): string {
  return kindId === 'voting' ? 'votes' : `round:${kindId}`
}
