import { coordinatedMunicipalities, type Actor } from "../access/roles.ts"
import { audit } from "../access/audit.ts"
import type { ServiceDeps } from "../deps.ts"
import { parseSettings, SettingsError, type AnalysisSettings } from "./settings.ts"
import { settingsFor } from "./runs.ts"

export type SaveSettingsOutcome =
  | { ok: true; settings: AnalysisSettings }
  | { ok: false; reason: "not_allowed" | "not_json" }
  | { ok: false; reason: "invalid"; issues: { path: string; message: string }[] }

/** The municipality a coordinator sets thresholds for (admins have none of their own). */
export function coordinatedMunicipality(actor: Actor): number | null {
  return coordinatedMunicipalities(actor)[0] ?? null
}

export async function currentSettings(deps: ServiceDeps, actor: Actor): Promise<AnalysisSettings | null> {
  const municipalityId = coordinatedMunicipality(actor)
  return municipalityId === null ? null : settingsFor(deps, municipalityId)
}

/**
 * A coordinator's thresholds (a JSON document, merged over the defaults and validated as a whole) for the analyses
 * of their municipality. Stored runs keep the settings they used, so earlier results stay reproducible.
 */
export async function saveSettings(deps: ServiceDeps, actor: Actor, text: string): Promise<SaveSettingsOutcome> {
  const municipalityId = coordinatedMunicipality(actor)
  if (municipalityId === null) return { ok: false, reason: "not_allowed" }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { ok: false, reason: "not_json" }
  }
  let settings: AnalysisSettings
  try {
    settings = parseSettings(json)
  } catch (error) {
    if (error instanceof SettingsError) return { ok: false, reason: "invalid", issues: error.issues }
    throw error
  }
  await deps.prisma.municipality.update({ where: { id: municipalityId }, data: { settings: settings as never } })
  await audit(deps.prisma, { actorId: actor.userId, action: "analysis.settings.saved", subject: String(municipalityId), details: { settings } })
  return { ok: true, settings }
}
