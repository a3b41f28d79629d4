/** Small constructors so every sign builds its result the same way. */
import { SIGN_KINDS, type Evidence, type SignId, type SignResult, type SignStrength } from "./types.ts"

export function fired(id: SignId, strength: SignStrength, reason: string, evidence: Evidence): SignResult {
  return { id, kind: SIGN_KINDS[id], status: "fired", strength, reason, evidence }
}

export function notFired(id: SignId, reason: string, evidence: Evidence): SignResult {
  return { id, kind: SIGN_KINDS[id], status: "not_fired", reason, evidence }
}

export function abstained(id: SignId, reason: string, evidence: Evidence = {}): SignResult {
  return { id, kind: SIGN_KINDS[id], status: "abstained", reason, evidence }
}

/** Strength from a p-value: below the strong α → strong, below α → moderate, else none. */
export function strengthOf(p: number, alpha: number, strongAlpha: number): SignStrength | null {
  if (p < strongAlpha) return "strong"
  if (p < alpha) return "moderate"
  return null
}
