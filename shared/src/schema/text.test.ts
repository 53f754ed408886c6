import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { cleanText, hasOnlySafeCharacters } from './text.js'

describe('cleanText, one line (names, titles, groups, cluster names)', () => {
  it.each([
    ['a right-to-left override', 'Dana\u202E', 'Dana'],
    ['an override that reverses a file name', 'evil\u202Egpj.exe', 'evilgpj.exe'],
    ['the embeddings and pop', '\u202A\u202B\u202CDana\u202D', 'Dana'],
    ['the isolates U+2066–U+2069', '\u2066Dana\u2067 \u2068Ben\u2069', 'Dana Ben'],
    ['NUL', 'Da\u0000na', 'Dana'],
    ['an ANSI colour sequence', '\u001b[31mRed\u001b[0m', '[31mRed[0m'],
    ['a cursor escape', 'x\u001b[2J\u001b[Hy', 'x[2J[Hy'],
    ['CR LF', 'a\r\nb', 'a b'],
    ['a lone CR', 'a\rb', 'a b'],
    ['a lone LF', 'a\nb', 'a b'],
    ['a run of line breaks and tabs', 'a\r\n\t\r\nb', 'a b'],
    ['a tab', 'a\tb', 'a b'],
    ['bell, backspace, vertical tab and form feed', 'a\u0007\u0008\u000B\u000Cb', 'ab'],
    ['DEL', 'a\u007Fb', 'ab'],
    ['C1 controls (NEL, CSI)', 'a\u0085b\u009B31m', 'ab31m'],
    ['the BOM', '\uFEFFDana', 'Dana'],
    ['LRM, RLM and the Arabic letter mark', 'a\u200Eb\u200Fc\u061Cd', 'abcd'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'abc'],
    ['a combining acute → NFC', 'Rene\u0301e', 'Renée'],
    ['a ring above → NFC', 'A\u030Angstro\u0308m', 'Ångström'],
    ['Hangul jamo → NFC', '\u1100\u1161', '가'],
    ['a mark made adjacent by a removal → NFC', 'e\u200E\u0301', 'é'],
  ])('removes or normalises %s', (_what, input, expected) => {
    expect(cleanText(input)).toBe(expected)
    expect(hasOnlySafeCharacters(cleanText(input), false)).toBe(true)
  })

  it.each([
    ['plain Latin', 'Dr. Ana Müller-Łukasz'],
    ['a ZWJ emoji sequence', '\u{1F469}\u200D\u2695\uFE0F Ana'],
    ['a flag and a skin tone', '🇩🇪 👍🏽'],
    ['CJK', '外科医 放射線科'],
    ['Arabic', 'مرحبا بالعالم'],
    ['Hebrew', 'שלום עולם'],
    ['mixed directions', 'Surgeons – جراحون – מנתחים'],
    ['Persian with a zero-width non-joiner', 'می\u200Cخواهم'],
    ['Devanagari', 'नमस्ते'],
    ['Thai', 'สวัสดี'],
  ])('keeps %s intact', (_what, input) => {
    expect(cleanText(input)).toBe(input)
    expect(hasOnlySafeCharacters(input, false)).toBe(true)
  })
})

describe('cleanText, multi-line (ideas, drafts, the objective)', () => {
  it.each([
    ['CR LF → LF', 'a\r\nb', 'a\nb'],
    ['a lone CR → LF', 'a\rb', 'a\nb'],
    ['LF and tab kept', 'a\n\tb', 'a\n\tb'],
    ['NUL removed', 'a\u0000\nb', 'a\nb'],
    ['an escape sequence', '\u001b[2JWipe', '[2JWipe'],
    ['an override', 'a\u202Eb\nc', 'ab\nc'],
    ['the isolates', '\u2066a\u2069\n\u2068b\u2067', 'a\nb'],
    ['vertical tab and form feed', 'a\u000B\u000Cb', 'ab'],
    ['C1 controls', 'a\u0085\u009Fb', 'ab'],
    ['line and paragraph separators', 'a\u2028b\u2029c', 'abc'],
    ['the BOM', '\uFEFFidea', 'idea'],
    ['NFC', 'cafe\u0301\ncre\u0300me', 'café\ncrème'],
  ])('%s', (_what, input, expected) => {
    expect(cleanText(input, { multiline: true })).toBe(expected)
  })

  it('keeps emoji, CJK, Arabic and Hebrew across lines', () => {
    const text = '\u{1F469}\u200D\u2695\uFE0F triage\n外科医\nمرحبا\tשלום'
    expect(cleanText(text, { multiline: true })).toBe(text)
  })
})

describe('hasOnlySafeCharacters', () => {
  it.each([
    ['Dana', false, true],
    ['Dana', true, true],
    ['a\nb', false, false],
    ['a\nb', true, true],
    ['a\tb', false, false],
    ['a\tb', true, true],
    ['a\rb', true, false],
    ['a\u202Eb', true, false],
    ['a\u2066b', false, false],
    ['a\u0000b', true, false],
    ['\u001b[31m', true, false],
    ['a\u0085b', true, false],
    ['\uFEFFa', true, false],
    ['a\u200Fb', false, false],
    // Pieces of collaborative text need not be normalised on their own: NFC is not tested.
    ['e\u0301', false, true],
  ])('%j (multi-line %s) → %s', (text, multiline, safe) => {
    expect(hasOnlySafeCharacters(text, multiline)).toBe(safe)
    // The pattern is global: a second call must not depend on the first.
    expect(hasOnlySafeCharacters(text, multiline)).toBe(safe)
  })
})

/** Characters that make the laws interesting, mixed with any code point at all. */
const tricky = fc.constantFrom(
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r',
  '\u000B',
  '\u001b',
  '[',
  '\u007F',
  '\u0085',
  '\u009B',
  '\u061C',
  '\u200E',
  '\u200F',
  '\u200C',
  '\u200D',
  '\u2028',
  '\u2029',
  '\u202A',
  '\u202E',
  '\u2066',
  '\u2069',
  '\uFEFF',
  'e',
  'A',
  ' ',
  '\u0301',
  '\u030A',
  '\u0308',
  '\u1100',
  '\u1161',
  '\u11A8',
  '\u0958',
  'ש',
  'م',
  '外',
  '👩',
)
const anyText = fc.string({
  unit: fc.oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })),
})
const modes = fc.boolean()

describe('cleanText laws', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, modes, (text, multiline) => {
        const once = cleanText(text, { multiline })
        expect(cleanText(once, { multiline })).toBe(once)
      }),
      { numRuns: 2000 },
    )
  })

  it('always yields text that passes hasOnlySafeCharacters', () => {
    fc.assert(
      fc.property(anyText, modes, (text, multiline) => {
        expect(hasOnlySafeCharacters(cleanText(text, { multiline }), multiline)).toBe(true)
      }),
      { numRuns: 2000 },
    )
  })

  it('never makes text longer than its NFC form', () => {
    fc.assert(
      fc.property(anyText, modes, (text, multiline) => {
        expect(cleanText(text, { multiline }).length).toBeLessThanOrEqual(
          text.normalize('NFC').length,
        )
      }),
      { numRuns: 2000 },
    )
  })

  it('never grows text that is already NFC', () => {
    fc.assert(
      fc.property(
        anyText.map((t) => t.normalize('NFC')),
        modes,
        (text, multiline) => {
          expect(cleanText(text, { multiline }).length).toBeLessThanOrEqual(text.length)
        },
      ),
      { numRuns: 2000 },
    )
  })

  it('grows only where NFC itself does (composition exclusions), which is why lengths are checked after cleaning', () => {
    // U+0958 DEVANAGARI QA is excluded from composition: its NFC form is two code units.
    expect(cleanText('\u0958')).toBe('\u0915\u093C')
  })

  it('leaves safe text unchanged, apart from NFC', () => {
    for (const multiline of [false, true]) {
      const safeChar = fc
        .oneof(tricky, fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
        .filter((c) => hasOnlySafeCharacters(c, multiline))
      fc.assert(
        fc.property(fc.string({ unit: safeChar }), (text) => {
          expect(cleanText(text, { multiline })).toBe(text.normalize('NFC'))
        }),
        { numRuns: 2000 },
      )
    }
  })
})
