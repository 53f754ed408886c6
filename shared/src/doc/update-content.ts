// What the content of a new item may hold: the kinds and sizes our documents use, clean text.
import * as Y from 'yjs'
import { hasOnlySafeCharacters } from '../schema/text.js'
import type { UpdateLimits } from './update-limits.js'

const ALLOWED_TYPES: readonly unknown[] = [Y.Map, Y.Array, Y.Text]

/** Checks one value of a ContentAny; returns a reason to refuse, or null. */
function checkValue(value: unknown, limits: UpdateLimits): string | null {
  let bytes = 0
  const stack: { v: unknown; depth: number }[] = [{ v: value, depth: 0 }]
  while (stack.length > 0) {
    const { v, depth } = stack.pop()!
    if (depth > limits.maxValueDepth) return 'a value is nested too deeply'
    switch (typeof v) {
      case 'undefined':
      case 'boolean':
        bytes += 1
        break
      case 'number':
        if (!Number.isFinite(v)) return 'a number is not finite'
        bytes += 8
        break
      case 'string':
        if (v.length > limits.maxStringLength) return 'a text is too long'
        if (!hasOnlySafeCharacters(v, true)) return 'a text holds control or direction characters'
        bytes += v.length
        break
      case 'object':
        if (v === null) {
          bytes += 1
        } else if (Array.isArray(v)) {
          bytes += 1
          for (const x of v as unknown[]) stack.push({ v: x, depth: depth + 1 })
        } else if (Object.getPrototypeOf(v) === Object.prototype) {
          bytes += 1
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
            if (k.length > limits.maxKeyLength || !hasOnlySafeCharacters(k, false)) {
              return 'a key is too long or holds control characters'
            }
            bytes += k.length
            stack.push({ v: x, depth: depth + 1 })
          }
        } else {
          return 'binary values are not accepted'
        }
        break
      default:
        // bigint, symbol, function: nothing our documents hold, and not JSON.
        return `values of type ${typeof v} are not accepted`
    }
    if (bytes > limits.maxValueBytes) return 'a value is too large'
  }
  return null
}

/** Checks the content of a new item; returns a reason to refuse, or null. */
export function checkContent(item: Y.Item, limits: UpdateLimits): string | null {
  const c = item.content
  if (c instanceof Y.ContentString) {
    if (c.str.length > limits.maxStringLength) return 'a text is too long'
    if (!hasOnlySafeCharacters(c.str, true)) return 'a text holds control or direction characters'
    return null
  }
  if (c instanceof Y.ContentAny) {
    for (const v of c.arr) {
      const reason = checkValue(v, limits)
      if (reason) return reason
    }
    return null
  }
  if (c instanceof Y.ContentDeleted) return null
  if (c instanceof Y.ContentType) {
    return ALLOWED_TYPES.includes(c.type.constructor)
      ? null
      : 'this kind of shared type is not used here'
  }
  // Binary, embeds, formatting, JSON (legacy) and subdocuments: none of our documents use them.
  return 'this kind of content is not accepted'
}

export const nameOk = (name: string, limits: UpdateLimits) =>
  name.length > 0 && name.length <= limits.maxKeyLength && hasOnlySafeCharacters(name, false)
