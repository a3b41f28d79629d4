import type { Actor } from "../../services/access/roles.ts"
import type { ServiceDeps } from "../../services/deps.ts"
import type { Services } from "../../services/index.ts"
import { importDirectory } from "../../services/schools/directory.ts"
import { PERSONAS, personaByKey, type Persona } from "../personas.ts"
import { DEMO_MUNICIPALITY, DEMO_SCHOOLS, directoryForm } from "./files.ts"
import type { DemoContext } from "./index.ts"

/**
 * The demo municipality, its schools read from a context-data form (the real directory format), and every
 * persona's role granted the way people get them: the administrator creates an invite, the persona redeems it.
 */
export async function baseSeed(deps: ServiceDeps, services: Services, adminTelegramId: number): Promise<DemoContext> {
  const { prisma } = deps
  const profile = (persona: Persona) => ({ telegramId: persona.telegramId, firstName: persona.firstName, lastName: persona.lastName })
  const adminPersona = PERSONAS.find((persona) => persona.telegramId === adminTelegramId)!
  const admin = await services.access.resolveActor(profile(adminPersona))

  const municipality = await prisma.municipality.upsert({
    where: { name: DEMO_MUNICIPALITY.name },
    create: DEMO_MUNICIPALITY,
    update: {},
  })
  const known = await prisma.school.count({ where: { login: { in: DEMO_SCHOOLS.map((school) => school.login) } } })
  if (known < DEMO_SCHOOLS.length) {
    const outcome = await importDirectory(deps, admin, await directoryForm())
    if (!outcome.ok) throw new Error(`the demo directory form was refused: ${JSON.stringify(outcome.problems.slice(0, 3))}`)
  }
  await prisma.school.updateMany({
    where: { login: { in: DEMO_SCHOOLS.map((school) => school.login) } },
    data: { municipalityId: municipality.id },
  })
  const schools = new Map(
    (await prisma.school.findMany({ where: { municipalityId: municipality.id }, select: { id: true, login: true } })).map(
      (school) => [school.login, school.id] as const,
    ),
  )

  for (const persona of PERSONAS) {
    if (persona.role === null || persona.role === "admin") continue
    const actor = await services.access.resolveActor(profile(persona))
    if (actor.grants.some((grant) => grant.role === persona.role)) continue
    const invite = await services.access.createInvite(admin, persona.role, persona.school ?? municipality.name)
    if (!invite.ok) throw new Error(`the demo invite for ${persona.key} was refused: ${invite.reason}`)
    const redeemed = await services.access.redeemInvite(actor, invite.code)
    if (!redeemed.ok) throw new Error(`the demo invite for ${persona.key} could not be redeemed: ${redeemed.reason}`)
  }

  return {
    deps,
    services,
    admin,
    municipalityId: municipality.id,
    schools,
    async actor(key: string): Promise<Actor> {
      const persona = personaByKey(key)
      if (!persona) throw new Error(`no demo persona ${key}`)
      return services.access.resolveActor(profile(persona))
    },
  }
}
