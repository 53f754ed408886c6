// Pseudonyms for the sealed inputs in the workshop record: each round's inputs sorted by group
// and by content, then numbered in that order (`V001`, `C001`, …), so a pseudonym says nothing
// about who gave the input, when they joined, or what they gave in another round.

/** One sealed input before numbering: its group and its content as text (the sort key). */
export interface Unnamed {
  readonly group: string
  readonly key: string
}

/**
 * The inputs in pseudonym order, each with its pseudonym: `prefix` and a number of at least
 * three digits, after sorting by the group's place in `groupOrder` (groups not in it after, by
 * id), then by content.
 */
export function pseudonymous<T extends Unnamed>(
  inputs: readonly T[],
  prefix: string,
  groupOrder: readonly string[],
): (T & { readonly pseudonym: string })[] {
  const order = new Map(groupOrder.map((g, i) => [g, i]))
  const at = (g: string) => order.get(g) ?? groupOrder.length
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const sorted = [...inputs].sort(
    (a, b) => at(a.group) - at(b.group) || cmp(a.group, b.group) || cmp(a.key, b.key),
  )
  const width = Math.max(3, String(sorted.length).length)
  return sorted.map((input, i) => ({
    ...input,
    pseudonym: `${prefix}${String(i + 1).padStart(width, '0')}`,
  }))
}
