/**
 * S9 «индекс неподтверждения результатов медалистов» (seeds): the share of medalists whose ЕГЭ in Russian or
 * mathematics is below the cut-off. No official cut-off was found, so it is a setting (default 70 test points).
 */
import type { Sign } from "./common/types.ts"
import { abstained, fired, notFired } from "./common/sign-result.ts"

export const medalistsNotConfirmed: Sign = (ctx) => {
  const s9 = ctx.settings.S9
  const list = (ctx.extras.medalists ?? []).filter((m) => m.russian !== null || m.mathematics !== null)
  if (!ctx.extras.medalists) return abstained("S9", "no_data")
  if (list.length < s9.minMedalists) return abstained("S9", "too_few_medalists", { medalists: list.length, minimum: s9.minMedalists })
  const below = list.filter((m) => (m.russian !== null && m.russian < s9.cutoff) || (m.mathematics !== null && m.mathematics < s9.cutoff)).length
  const index = below / list.length
  const evidence = { medalists: list.length, belowCutoff: below, index, cutoff: s9.cutoff, threshold: s9.minIndex }
  if (index >= s9.minIndex) return fired("S9", index >= s9.strongIndex ? "strong" : "moderate", "medalists_not_confirmed", evidence)
  return notFired("S9", "medalists_confirmed", evidence)
}
