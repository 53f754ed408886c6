// Route table: every screen path parses, and every path the app builds parses back.
import { describe, expect, it } from 'vitest'
import { paths } from '../lib/paths'
import { matchRoute } from './routes'

const id = 'AbCdEf12_-xyz'

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'landing' }],
    ['/j/ABC234', { name: 'join', code: 'ABC234' }],
    ['/j/abc%20234/', { name: 'join', code: 'abc 234' }],
    [`/w/${id}`, { name: 'participant', workshopId: id }],
    [`/w/${id}/`, { name: 'participant', workshopId: id }],
    [`/w/${id}/facilitate`, { name: 'facilitate', workshopId: id }],
    [`/w/${id}/board`, { name: 'projector', workshopId: id }],
    [`/w/${id}/results`, { name: 'results', workshopId: id }],
    ['/w/short', { name: 'not-found' }],
    [`/w/${id}/other`, { name: 'not-found' }],
    ['/j/', { name: 'not-found' }],
    ['/api/x', { name: 'not-found' }],
    ['/j/%E0%A4%A', { name: 'join', code: '%E0%A4%A' }],
  ])('%s', (path, route) => {
    expect(matchRoute(path)).toEqual(route)
  })

  it('reads back every path the app builds', () => {
    expect(matchRoute(paths.landing())).toEqual({ name: 'landing' })
    expect(matchRoute(paths.join('K7M2PQ'))).toEqual({ name: 'join', code: 'K7M2PQ' })
    expect(matchRoute(paths.participant(id)).name).toBe('participant')
    expect(matchRoute(paths.facilitate(id)).name).toBe('facilitate')
    expect(matchRoute(new URL(paths.results(id, 'tok'), 'http://x').pathname).name).toBe('results')
    expect(matchRoute(paths.projector(id)).name).toBe('projector')
  })
})
