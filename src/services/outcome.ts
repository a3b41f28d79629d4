/**
 * The shapes every use case answers in when it does not do what was asked. One shape per meaning, so the bot and
 * the CLI render refusals the same way whichever service gave them.
 */

/** The actor may not do this, or not on this data (role or scope). `outside` names what lay outside, for the reply. */
export interface NotAllowed {
  ok: false
  reason: "not_allowed"
  outside: string[]
}

/** The input was read and refused; every problem is listed (sheet, cell and reason where it has them). */
export interface RefusedWithProblems<P> {
  ok: false
  reason: "problems"
  problems: P[]
}

/** The thing asked about does not exist (or no longer does): a stale button, a deleted record. */
export interface NotFound {
  ok: false
  reason: "not_found"
}

export type Done<T extends object = Record<never, never>> = { ok: true } & T

export function notAllowed(outside: string[] = []): NotAllowed {
  return { ok: false, reason: "not_allowed", outside }
}

export function notFound(): NotFound {
  return { ok: false, reason: "not_found" }
}

export function refused<P>(problems: P[]): RefusedWithProblems<P> {
  return { ok: false, reason: "problems", problems }
}
