// Who a participant is, in the words the roster and the settings use: the phone's "You are …"
// line and a card's author.

/** "Dana · Surgeons": who this device is, as the roster and settings name them. */
export function identityLine(
  name: string | undefined,
  groupId: string | undefined,
  groups: readonly { id: string; name: string }[],
): string | null {
  if (!name) return null
  const group = groups.find((g) => g.id === groupId)?.name
  return group ? `${name} · ${group}` : name
}
