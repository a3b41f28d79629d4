import { coordinatedMunicipalities, type Actor } from "../access/roles.ts"
import { audit } from "../access/audit.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, notFound, refused, type NotAllowed, type NotFound, type RefusedWithProblems } from "../outcome.ts"
import { readFieldValue, settingField, withFieldValue, withSignToggled, type ValueProblem } from "./settings-fields.ts"
import { parseSettings, SettingsError, SIGN_IDS, type AnalysisSettings } from "./settings.ts"
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
  await store(deps, actor, municipalityId, settings)
  return { ok: true, settings }
}

async function store(deps: ServiceDeps, actor: Actor, municipalityId: number, settings: AnalysisSettings): Promise<void> {
  await deps.prisma.municipality.update({ where: { id: municipalityId }, data: { settings: settings as never } })
  await audit(deps.prisma, { actorId: actor.userId, action: "analysis.settings.saved", subject: String(municipalityId), details: { settings } })
}

export type ChangeSettingOutcome = { ok: true; settings: AnalysisSettings } | NotAllowed | NotFound | { ok: false; reason: "invalid_value"; problem: ValueProblem }

/**
 * One field of the bot's settings dialog changed by a coordinator: the typed (or chosen) value is read, checked against
 * the field's bounds and the settings as a whole, and stored for the municipality.
 */
export async function changeSetting(deps: ServiceDeps, actor: Actor, fieldId: string, input: string): Promise<ChangeSettingOutcome> {
  const municipalityId = coordinatedMunicipality(actor)
  if (municipalityId === null) return notAllowed()
  const field = settingField(fieldId)
  if (!field) return notFound()
  const value = readFieldValue(field, input)
  if (!value.ok) return { ok: false, reason: "invalid_value", problem: value.problem }
  const changed = withFieldValue(await settingsFor(deps, municipalityId), field, value.value)
  if (!changed.ok) return { ok: false, reason: "invalid_value", problem: changed.problem }
  await store(deps, actor, municipalityId, changed.settings)
  return { ok: true, settings: changed.settings }
}

/** A sign switched on or off for the municipality's analyses (by its place in SIGN_IDS). */
export async function toggleSign(deps: ServiceDeps, actor: Actor, signIndex: number): Promise<{ ok: true; settings: AnalysisSettings } | NotAllowed | NotFound> {
  const municipalityId = coordinatedMunicipality(actor)
  if (municipalityId === null) return notAllowed()
  const sign = SIGN_IDS[signIndex]
  if (!sign) return notFound()
  const settings = withSignToggled(await settingsFor(deps, municipalityId), sign)
  await store(deps, actor, municipalityId, settings)
  return { ok: true, settings }
}
