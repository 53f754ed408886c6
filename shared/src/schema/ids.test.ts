import { describe, expect, it } from 'vitest'
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  joinCodeSchema,
  participantIdSchema,
  tokenSchema,
  workshopIdSchema,
} from './ids.js'

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? []

describe('joinCodeSchema', () => {
  it.each([
    ['K7PX4M', 'K7PX4M'],
    ['k7px4m', 'K7PX4M'],
    [' k7p-x4m ', 'K7PX4M'],
    ['k7p x4m', 'K7PX4M'],
    ['K7P - X4M', 'K7PX4M'],
    ['\tk-7-p-x-4-m\n', 'K7PX4M'],
    ['234567', '234567'],
    ['zzzzzz', 'ZZZZZZ'],
  ])('normalises %j to %j', (input, code) => {
    expect(joinCodeSchema.parse(input)).toBe(code)
  })

  it.each([
    ['K7PX40', 'zero'],
    ['K7PXOM', 'O'],
    ['K7PXoM', 'lower-case o'],
    ['K7PX1M', 'one'],
    ['K7PXIM', 'I'],
    ['K7PXiM', 'lower-case i'],
    ['K7PXLM', 'L'],
    ['K7PXlM', 'lower-case l'],
    ['K7PX_M', 'underscore'],
    ['K7PX.M', 'dot'],
    ['K7PXÄM', 'non-ASCII letter'],
  ])('rejects %j (%s) as not a join code', (input) => {
    const result = joinCodeSchema.safeParse(input)
    expect(result.success).toBe(false)
    expect(messages(result)).toEqual([
      'That is not a join code (letters and digits, no 0, O, 1, I or L)',
    ])
  })

  it.each(['', '   ', '---', 'K7PX4', 'K7PX4MM', 'K7P-X4', 'K7PX4M2'])(
    'rejects %j for its length',
    (input) => {
      const result = joinCodeSchema.safeParse(input)
      expect(result.success).toBe(false)
      expect(messages(result)).toContain(`A join code has ${JOIN_CODE_LENGTH} characters`)
    },
  )

  it('rejects what is not a string', () => {
    expect(joinCodeSchema.safeParse(123456).success).toBe(false)
    expect(joinCodeSchema.safeParse(null).success).toBe(false)
  })

  it('has an alphabet free of look-alike characters', () => {
    for (const c of '01OIL') expect(JOIN_CODE_ALPHABET).not.toContain(c)
    expect(new Set(JOIN_CODE_ALPHABET).size).toBe(JOIN_CODE_ALPHABET.length)
  })

  it('accepts every character of its alphabet', () => {
    for (const c of JOIN_CODE_ALPHABET) {
      expect(joinCodeSchema.parse(c.repeat(JOIN_CODE_LENGTH))).toBe(c.repeat(JOIN_CODE_LENGTH))
    }
  })
})

describe.each([
  ['workshopIdSchema', workshopIdSchema, 'not a workshop id'],
  ['participantIdSchema', participantIdSchema, 'not a participant id'],
] as const)('%s', (_, schema, message) => {
  it.each([
    ['a'.repeat(8), 'the shortest'],
    ['a'.repeat(40), 'the longest'],
    ['Ab3_-xY9', 'letters, digits, _ and -'],
    ['--------', 'only dashes'],
  ])('accepts %j (%s)', (id) => {
    expect(schema.parse(id)).toBe(id)
  })

  it.each([
    ['', 'empty'],
    ['a'.repeat(7), 'one too short'],
    ['a'.repeat(41), 'one too long'],
    ['abcd/efgh', 'a slash'],
    ['abcd.efgh', 'a dot'],
    ['abcd efgh', 'a space'],
    [' abcdefgh', 'a leading space'],
    ['abcdéfgh', 'a non-ASCII letter'],
    ['abcdefgh\n', 'a trailing newline'],
  ])('rejects %j (%s)', (id) => {
    const result = schema.safeParse(id)
    expect(result.success).toBe(false)
    expect(messages(result)).toEqual([message])
  })
})

describe('tokenSchema', () => {
  it.each(['a'.repeat(20), 'a'.repeat(100), 'Zz09_-'.repeat(5)])('accepts %j', (token) => {
    expect(tokenSchema.parse(token)).toBe(token)
  })

  it.each([
    ['a'.repeat(19), 'one too short'],
    ['a'.repeat(101), 'one too long'],
    ['a'.repeat(19) + '=', 'base64 padding'],
    ['a'.repeat(19) + '+', 'a plus'],
    ['Bearer ' + 'a'.repeat(20), 'a scheme prefix'],
  ])('rejects %j (%s)', (token) => {
    const result = tokenSchema.safeParse(token)
    expect(result.success).toBe(false)
    expect(messages(result)).toEqual(['not a token'])
  })
})
