// The brainstorm's server-side actions: the timer (in server time), revealing drafts, the
// facilitator's items, and open adding.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import {
  LIMITS,
  addIdeaBodySchema,
  appendLogEvent,
  importItemsBodySchema,
  isBoardLocked,
  openAddingAllowed,
  readControl,
  readTimer,
  setTimer,
  timerBodySchema,
  workshopIdSchema,
  type AddIdeaResponse,
  type ImportItemsResponse,
  type RevealResponse,
  type TimeResponse,
  type WorkshopId,
} from '@triage/shared'
import { parseItemList } from '@triage/shared/import-items'
import { HttpError, parseOr400 } from '../http-error.js'
import { bearerToken } from '../plugins/auth.js'

/** Routes under /api/workshops/:id. */
interface WorkshopRoute {
  Params: { id: string }
}

const brainstorm: FastifyPluginAsync = async (app) => {
  const { ideas } = app
  const idParam = (request: FastifyRequest<WorkshopRoute>): WorkshopId =>
    parseOr400(workshopIdSchema, request.params.id)
  const control = (workshopId: WorkshopId) => ({ workshopId, kind: 'control' as const })

  app.get('/api/time', async (): Promise<TimeResponse> => ({ now: Date.now() }))

  app.post<WorkshopRoute>('/api/workshops/:id/timer', async (request, reply) => {
    const id = idParam(request)
    await app.requireFacilitator(request, id)
    const body = parseOr400(timerBodySchema, request.body)
    const now = Date.now()
    await app.rooms.change(control(id), (doc) => {
      if (body.action === 'start') {
        const durationMs = body.seconds * 1000
        setTimer(doc, { endsAt: now + durationMs, durationMs, onZero: body.onZero })
        appendLogEvent(doc, { type: 'timer', at: now, durationMs, onZero: body.onZero })
      } else if (body.action === 'add') {
        const timer = readTimer(doc)
        if (!timer) throw new HttpError(409, 'conflict', 'No timer is set; start one first')
        const ms = body.seconds * 1000
        setTimer(doc, {
          ...timer,
          endsAt: Math.max(timer.endsAt, now) + ms,
          durationMs: timer.durationMs + ms,
        })
      } else {
        setTimer(doc, null)
      }
    })
    return reply.code(204).send()
  })

  app.post<WorkshopRoute>('/api/workshops/:id/reveal', async (request): Promise<RevealResponse> => {
    const id = idParam(request)
    await app.requireFacilitator(request, id)
    const result = await ideas.reveal(id, Date.now())
    await app.progress.flush()
    return result
  })

  // A list may be long (100,000 characters, JSON-escaped): above the default body limit.
  app.post<WorkshopRoute>(
    '/api/workshops/:id/items',
    { bodyLimit: 1024 * 1024 },
    async (request): Promise<ImportItemsResponse> => {
      const id = idParam(request)
      await app.requireFacilitator(request, id)
      const body = parseOr400(importItemsBodySchema, request.body)
      const parsed = parseItemList(body.text, body.format, LIMITS.boardIdeas)
      if (parsed.items.length === 0 && parsed.skipped === 0) {
        throw new HttpError(
          400,
          'bad_request',
          body.format === 'csv' ? 'The CSV has no items' : 'The list has no items',
        )
      }
      const { added, overLimit } = await ideas.addItems(id, parsed.items, Date.now())
      return { added, skipped: parsed.skipped + overLimit }
    },
  )

  app.post<WorkshopRoute>(
    '/api/workshops/:id/ideas',
    {
      config: {
        // Per token, not per address: a whole ward's phones may share one address.
        rateLimit: {
          max: 60,
          timeWindow: '1 minute',
          keyGenerator: (request: FastifyRequest) => bearerToken(request) ?? request.ip,
        },
      },
    },
    async (request, reply) => {
      const id = idParam(request)
      const owner = await app.authenticate(request)
      if (owner.workshopId !== id || owner.role !== 'participant') {
        throw new HttpError(403, 'forbidden', 'Only participants of this workshop add ideas here')
      }
      const body = parseOr400(addIdeaBodySchema, request.body)
      const state = await app.rooms.read(control(id), (doc) => ({
        control: readControl(doc),
        locked: isBoardLocked(doc),
      }))
      if (!openAddingAllowed(state.control, Date.now())) {
        throw new HttpError(
          409,
          'conflict',
          'Ideas cannot be added to the board right now; the facilitator has not opened adding',
        )
      }
      if (state.locked) throw new HttpError(409, 'conflict', 'The facilitator has locked the board')
      const ideaId = await ideas.addOpenIdea(
        id,
        owner.participantId,
        body.text,
        state.control,
        Date.now(),
      )
      if (ideaId === null) {
        throw new HttpError(409, 'conflict', `The board is full (${LIMITS.boardIdeas} ideas)`)
      }
      const response: AddIdeaResponse = { ideaId }
      return reply.code(201).send(response)
    },
  )
}
export default brainstorm
