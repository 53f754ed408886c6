// The Markdown escaper, case by case: what people type comes out as text in any Markdown viewer
// (the property tests in properties.test.ts parse generated text back with markdown-it).
import { describe, expect, it } from 'vitest'
import { escapeMarkdown } from './markdown.js'

describe('escapeMarkdown', () => {
  it.each<[string, string, string]>([
    ['a script tag', '<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['an img with onerror', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['a link', '[click](https://evil.example)', '\\[click\\](https\\://evil.example)'],
    ['an image', '![p](x.png)', '!\\[p\\](x.png)'],
    ['an autolink', '<https://e.example>', '\\<https\\://e.example\\>'],
    ['a bare address', 'see https://e.example', 'see https\\://e.example'],
    ['a www address', 'www.e.example', 'www\\.e.example'],
    ['an e-mail address', 'ana@e.example', 'ana\\@e.example'],
    ['emphasis and strong', '*a* _b_ **c**', '\\*a\\* \\_b\\_ \\*\\*c\\*\\*'],
    ['code', '`rm -rf`', '\\`rm -rf\\`'],
    ['strikethrough', '~~gone~~', '\\~\\~gone\\~\\~'],
    ['a table cell boundary', 'a | b', 'a \\| b'],
    ['an entity', '&lt;b&gt; &amp;', '\\&lt;b\\&gt; \\&amp;'],
    ['a backslash', 'C:\\temp\\', 'C:\\\\temp\\\\'],
    ['a heading', '# Title', '\\# Title'],
    ['a list marker', '- item', '\\- item'],
    ['a plus', '+1+1', '\\+1+1'],
    ['a setext underline', '===', '\\==='],
    ['an ordered list', '1. first', '1\\. first'],
    ['a decimal, left alone', '24.4%', '24.4%'],
    ['a formula (text in Markdown)', '=HYPERLINK("x")', '\\=HYPERLINK("x")'],
    ['line breaks and runs of spaces', '  two\n\tlines   here ', 'two lines here'],
    [
      'plain words, unchanged',
      'Theatre list, visible to all wards.',
      'Theatre list, visible to all wards.',
    ],
  ])('%s', (_what, input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected)
  })
})
