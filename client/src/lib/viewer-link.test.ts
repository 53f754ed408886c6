// The read-only link: its token rides in the fragment, and reads back only as a token.
import { describe, expect, it } from 'vitest'
import { linkOf, tokenFromHash, viewerLink } from './viewer-link'

const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345'
const id = 'AbCdEf12_-xyz'

describe('viewerLink', () => {
  it('puts the token after # on the results route of the public URL', () => {
    const link = viewerLink('http://10.0.0.5:3000/', id, token)
    expect(link).toBe(`http://10.0.0.5:3000/w/${id}/results#${token}`)
    const url = new URL(link)
    expect(url.pathname).toBe(`/w/${id}/results`)
    expect(url.search).toBe('')
    expect(tokenFromHash(url.hash)).toBe(token)
  })
})

describe('tokenFromHash', () => {
  it.each([
    [''],
    ['#'],
    ['#short'],
    [`#${token}&x=1`],
    [`#${token}<script>`],
    ['#' + 'a'.repeat(101)],
  ])('refuses %j', (hash) => {
    expect(tokenFromHash(hash)).toBeNull()
  })
  it('reads a bare token too', () => {
    expect(tokenFromHash(token)).toBe(token)
  })
})

describe('linkOf', () => {
  it.each([
    ['viewer', `/w/${id}/results`],
    ['projector', `/w/${id}/board`],
    ['co-facilitator', `/w/${id}/facilitate`],
    ['recovery', `/w/${id}/facilitate`],
  ] as const)('puts a %s link’s token after # on its page', (kind, path) => {
    const url = new URL(linkOf(kind, 'https://triage.example.org/', id, token))
    expect(url.origin).toBe('https://triage.example.org')
    expect(url.pathname).toBe(path)
    expect(url.search).toBe('')
    expect(tokenFromHash(url.hash)).toBe(token)
  })
})
