// The ratings round's settings as the console's form changes them: which groups rate an axis
// (every group is stored as null, so a group added later rates too). The item choice is the
// rounds kit's (rounds/item-choice.ts).
import type { MatrixAxis, MatrixRatingSettings } from '@triage/shared'

/** Whether `group` is ticked as rating `axis`. */
export function groupRates(
  settings: MatrixRatingSettings,
  axis: MatrixAxis,
  group: string,
): boolean {
  const allowed = settings.axes[axis]
  return allowed === null || allowed.includes(group)
}

/**
 * The settings with `group` ticked or not for `axis`, out of the workshop's `groups`: every
 * group ticked becomes null ("every group"); the order follows the workshop's.
 */
export function withAxisGroup(
  settings: MatrixRatingSettings,
  axis: MatrixAxis,
  group: string,
  rates: boolean,
  groups: readonly string[],
): MatrixRatingSettings {
  const now = new Set(groups.filter((g) => groupRates(settings, axis, g)))
  if (rates) now.add(group)
  else now.delete(group)
  const allowed = groups.every((g) => now.has(g)) ? null : groups.filter((g) => now.has(g))
  return { ...settings, axes: { ...settings.axes, [axis]: allowed } }
}
