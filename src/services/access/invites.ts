import { randomBytes } from "node:crypto"
import { parseSchoolLogin } from "../../domain/schools.ts"
import { municipalityNameKey, similarMunicipalityNames } from "../../domain/municipality-name.ts"
import { matchMunicipality, storedMunicipalityName } from "./municipalities.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed, type NotAllowed } from "../outcome.ts"
import { audit } from "./audit.ts"
import { canActOnSchool, grantableRoles, isAdmin, scopeKindOf, type Actor, type RoleName } from "./roles.ts"

/**
 * Not allowed: `outside` is empty when the actor may not invite to the role at all, else it names the school or
 * municipality outside their scope. The other refusals say what the scope text lacks.
 */
export type CreateInviteOutcome =
  | { ok: true; code: string; role: RoleName; scopeLabel: string | null; expiresAt: Date }
  | NotAllowed
  | { ok: false; reason: "school_login_expected" | "municipality_expected" | "municipality_not_found" }
  /** A coordinator's invite to a login the directory does not hold: only an admin adds a school (issue 9). */
  | { ok: false; reason: "school_not_in_directory"; login: string }
  /** An admin's invite to a school the directory does not place: name its municipality (`municipality`). */
  | { ok: false; reason: "school_municipality_expected"; login: string }
  /** A municipality name not in the directory but close to names that are: ask before creating a new one. */
  | { ok: false; reason: "municipality_did_you_mean"; suggestions: string[] }

export type RedeemOutcome =
  | { ok: true; role: RoleName; scopeLabel: string | null }
  | { ok: false; reason: "not_found" | "expired" | "used" }

type Scope = { schoolId: number | null; municipalityId: number | null; label: string | null }

/** A deep-link payload: 22 characters of A–Z a–z 0–9 _ - (Telegram allows 64). */
function newInviteCode(): string {
  return randomBytes(16).toString("base64url")
}

/**
 * Creates a single-use invite granting `role` within a scope given as text: a school login for school roles (a
 * school of the directory; an admin may add a new one, placed in a municipality), a municipality name for municipal ones.
 */
export async function createInvite(
  deps: ServiceDeps,
  actor: Actor,
  request: { role: RoleName; scope: string | null; ttlHours: number; newMunicipality?: boolean; municipality?: string | null },
): Promise<CreateInviteOutcome> {
  if (!grantableRoles(actor).includes(request.role)) return notAllowed()
  const text = request.scope?.trim() ?? ""
  const scope = await resolveScope(deps, actor, request.role, text, request.newMunicipality ?? false, request.municipality?.trim() ?? "")
  if ("suggestions" in scope) return { ok: false, reason: "municipality_did_you_mean", suggestions: scope.suggestions }
  if ("unknown" in scope) return { ok: false, reason: "school_not_in_directory", login: scope.unknown }
  if ("login" in scope) return { ok: false, reason: "school_municipality_expected", login: scope.login }
  if ("reason" in scope) return scope.reason === "out_of_scope" ? notAllowed([text]) : { ok: false, reason: scope.reason }
  const expiresAt = new Date(deps.clock.now().getTime() + request.ttlHours * 3600_000)
  const invite = await deps.prisma.invite.create({
    data: {
      code: newInviteCode(),
      role: request.role,
      schoolId: scope.schoolId,
      municipalityId: scope.municipalityId,
      createdById: actor.userId,
      expiresAt,
    },
  })
  await audit(deps.prisma, {
    actorId: actor.userId,
    action: "invite.created",
    subject: String(invite.id),
    details: { role: request.role, scope: scope.label, expiresAt: expiresAt.toISOString() },
  })
  return { ok: true, code: invite.code, role: request.role, scopeLabel: scope.label, expiresAt }
}

async function resolveScope(
  deps: ServiceDeps,
  actor: Actor,
  role: RoleName,
  text: string,
  newMunicipality: boolean,
  municipalityText: string,
): Promise<
  Scope | { suggestions: string[] } | { login: string } | { unknown: string } | { reason: "out_of_scope" | "school_login_expected" | "municipality_expected" | "municipality_not_found" }
> {
  const kind = scopeKindOf(role)
  if (kind === "none") return { schoolId: null, municipalityId: null, label: null }
  if (kind === "school") {
    const login = parseSchoolLogin(text)
    if (!login) return { reason: "school_login_expected" }
    const ownMunicipality = actor.grants.find((grant) => grant.role === "municipal_coordinator")?.municipalityId ?? null
    let existing = await deps.prisma.school.findUnique({ where: { key: login.key } })
    let placeIn = ownMunicipality
    if (isAdmin(actor) && ownMunicipality === null && (existing?.municipalityId ?? null) === null) {
      // An admin's school must be placed: its municipality named (or found in the directory, whatever its spelling).
      if (!municipalityText) return { login: login.login }
      const named = await resolveMunicipality(deps, municipalityText, newMunicipality)
      if (!("id" in named)) return named
      placeIn = named.id
      if (existing) existing = await deps.prisma.school.update({ where: { id: existing.id }, data: { municipalityId: named.id } })
    }
    // A login typed with a slip would otherwise become a new school in the coordinator's municipality, unchecked.
    if (!existing && !isAdmin(actor)) return ownMunicipality === null ? { reason: "out_of_scope" } : { unknown: login.login }
    const school = existing ?? (await deps.prisma.school.create({ data: { key: login.key, login: login.login, municipalityId: placeIn } }))
    if (!canActOnSchool(actor, school, ["school_coordinator", "municipal_coordinator"])) return { reason: "out_of_scope" }
    const place = school.municipalityId === null ? null : await deps.prisma.municipality.findUnique({ where: { id: school.municipalityId }, select: { name: true } })
    return { schoolId: school.id, municipalityId: null, label: [school.name ? `${school.login}, ${school.name}` : school.login, place?.name].filter(Boolean).join(", ") }
  }
  if (!isAdmin(actor)) {
    const own = actor.grants.find((grant) => grant.role === "municipal_coordinator" && grant.municipalityId !== null)
    if (!own) return { reason: "out_of_scope" }
    const municipality = await deps.prisma.municipality.findUniqueOrThrow({ where: { id: own.municipalityId! } })
    if (text && municipalityNameKey(text) !== municipalityNameKey(municipality.name)) return { reason: "out_of_scope" }
    return { schoolId: null, municipalityId: municipality.id, label: municipality.name }
  }
  const named = await resolveMunicipality(deps, text, newMunicipality)
  return "id" in named ? { schoolId: null, municipalityId: named.id, label: named.name } : named
}

/** One municipality whatever form its name is typed in; a new name close to known ones is asked about first. */
async function resolveMunicipality(
  deps: ServiceDeps,
  text: string,
  newMunicipality: boolean,
): Promise<{ id: number; name: string } | { suggestions: string[] } | { reason: "municipality_expected" }> {
  if (!text) return { reason: "municipality_expected" }
  const directory = await deps.prisma.municipality.findMany({ select: { id: true, name: true, code: true } })
  const known = matchMunicipality(directory, text)
  if (!known && !newMunicipality) {
    const suggestions = similarMunicipalityNames(text, directory.map((found) => found.name))
    if (suggestions.length > 0) return { suggestions }
  }
  return known ?? (await deps.prisma.municipality.create({ data: { name: storedMunicipalityName(text) } }))
}

/** Redeems an invite once, atomically: two users racing for one code cannot both win. */
export async function redeemInvite(deps: ServiceDeps, actor: Actor, code: string): Promise<RedeemOutcome> {
  const now = deps.clock.now()
  return deps.prisma.$transaction(async (tx) => {
    const taken = await tx.invite.updateMany({
      where: { code, usedById: null, expiresAt: { gt: now } },
      data: { usedById: actor.userId, usedAt: now },
    })
    const invite = await tx.invite.findUnique({ where: { code }, include: { school: true, municipality: true } })
    if (!invite) return { ok: false, reason: "not_found" } as const
    if (taken.count === 0) return { ok: false, reason: invite.usedById !== null ? "used" : "expired" } as const
    await tx.roleGrant.create({
      data: {
        userId: actor.userId,
        role: invite.role,
        schoolId: invite.schoolId,
        municipalityId: invite.municipalityId,
        grantedById: invite.createdById,
      },
    })
    await audit(tx, {
      actorId: actor.userId,
      action: "invite.redeemed",
      subject: String(invite.id),
      details: { role: invite.role, schoolId: invite.schoolId, municipalityId: invite.municipalityId },
    })
    const scopeLabel = invite.school?.login ?? invite.municipality?.name ?? null
    return { ok: true, role: invite.role as RoleName, scopeLabel } as const
  })
}

export interface OpenInvite {
  id: number
  role: RoleName
  scopeLabel: string | null
  createdById: number
  createdAt: Date
  expiresAt: Date
}

/** Invites neither used nor expired: every one for an admin, one's own for anybody else. */
export async function listOpenInvites(deps: ServiceDeps, actor: Actor): Promise<OpenInvite[]> {
  const invites = await deps.prisma.invite.findMany({
    where: { usedById: null, expiresAt: { gt: deps.clock.now() }, ...(isAdmin(actor) ? {} : { createdById: actor.userId }) },
    include: { school: true, municipality: true },
    orderBy: { id: "asc" },
  })
  return invites.map((invite) => ({
    id: invite.id,
    role: invite.role as RoleName,
    scopeLabel: invite.school?.login ?? invite.municipality?.name ?? null,
    createdById: invite.createdById,
    createdAt: invite.createdAt,
    expiresAt: invite.expiresAt,
  }))
}

export type RevokeInviteOutcome = { ok: true } | { ok: false; reason: "not_found" | "closed" } | NotAllowed

/**
 * Revokes an open invite (an admin any, anybody else their own): it ends now, so its link answers as an expired one.
 * A used or expired invite is `closed`: nothing to revoke.
 */
export async function revokeInvite(deps: ServiceDeps, actor: Actor, inviteId: number): Promise<RevokeInviteOutcome> {
  const invite = await deps.prisma.invite.findUnique({ where: { id: inviteId } })
  if (!invite) return { ok: false, reason: "not_found" }
  if (!isAdmin(actor) && invite.createdById !== actor.userId) return notAllowed()
  const now = deps.clock.now()
  const ended = await deps.prisma.invite.updateMany({ where: { id: inviteId, usedById: null, expiresAt: { gt: now } }, data: { expiresAt: now } })
  if (ended.count === 0) return { ok: false, reason: "closed" }
  await audit(deps.prisma, { actorId: actor.userId, action: "invite.revoked", subject: String(inviteId), details: { role: invite.role } })
  return { ok: true }
}
