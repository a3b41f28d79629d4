import { coordinatedMunicipalities, type Actor } from "../access/roles.ts"
import { audit } from "../access/audit.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import { parseSettings, SettingsError, type AnalysisSettings } from "./settings.ts"
import { settingsFor } from "./stored-runs.ts"

/** Refused with problems: the settings' paths and what is wrong there; `not_json`: the file is not JSON at all. */
export type SaveSettingsOutcome =
  | { ok: true; settings: AnalysisSettings }
  | NotAllowed
  | { ok: false; reason: "not_json" }
  | RefusedWithProblems<{ path: string; message: string }>

/** The municipality a coordinator sets thresholds for (admins have none of their own). */
export function coordinatedMunicipality(actor: Actor): number | null {
  return coordinatedMunicipalities(actor)[0] ?? null
}

export async function currentSettings(deps: ServiceDeps, actor: Actor): Promise<{ ok: true; settings: AnalysisSettings } | NotAllowed> {
  const municipalityId = coordinatedMunicipality(actor)
  return municipalityId === null ? notAllowed() : { ok: true, settings: await settingsFor(deps, municipalityId) }
}

/**
 * A coordinator's thresholds (a JSON document, merged over the defaults and validated as a whole) for the analyses
 * of their municipality. Stored runs keep the settings they used, so earlier results stay reproducible.
 */
export async function saveSettings(deps: ServiceDeps, actor: Actor, text: string): Promise<SaveSettingsOutcome> {
  const municipalityId = coordinatedMunicipality(actor)
  if (municipalityId === null) return notAllowed()
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
    if (error instanceof SettingsError) return refused(error.issues)
    throw error
  }
  await deps.prisma.municipality.update({ where: { id: municipalityId }, data: { settings: settings as never } })
  await audit(deps.prisma, { actorId: actor.userId, action: "analysis.settings.saved", subject: String(municipalityId), details: { settings } })
  return { ok: true, settings }
}
