// An error that becomes the JSON body `{error:{code,message}}` with its status.
import type { ErrorCode } from '@triage/shared'
import { z } from 'zod'

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Parses input or throws a 400 naming the first problem, e.g. "groups: At least one…". Takes any
 * zod 4 schema: shared's are zod/mini, which have no classic `ZodType` methods beyond parsing.
 */
export function parseOr400<S extends z.core.$ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = z.safeParse(schema, input)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''
  throw new HttpError(400, 'bad_request', `${where}${issue?.message ?? 'invalid request'}`)
}
