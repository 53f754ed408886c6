// Which items a round works on, as the console's chooser changes it (the 2x2's ratings and the
// scores round share the setting): hand-picked keys keep the order they were picked in.
import type { MatrixRatingSettings } from '@triage/shared'

/** The settings with `key` picked or not, keeping the order things were picked in. */
export function withPicked(
  settings: MatrixRatingSettings,
  key: string,
  picked: boolean,
): MatrixRatingSettings {
  const rest = settings.picked.filter((k) => k !== key)
  return { ...settings, picked: picked ? [...rest, key] : rest }
}
