import type { Actor } from "../../services/access/roles.ts"
import type { ServiceDeps } from "../../services/deps.ts"
import type { Services } from "../../services/index.ts"
import { PERSONAS, type Persona } from "../personas.ts"
import { baseSeed } from "./base.ts"
import { directoryForm, resultsForm, RESULTS_FILE_NAME, type DemoFile } from "./files.ts"
import { scheduleSeed } from "./schedule.ts"

/** What a demo seed gets: the services, the administrator, and the personas as actors. */
export interface DemoContext {
  deps: ServiceDeps
  services: Services
  admin: Actor
  /** Each persona as the services see them (after the base seed has granted their roles). */
  actor(persona: Persona["key"]): Promise<Actor>
  municipalityId: number
  /** School ids by FIS OKO login. */
  schools: ReadonlyMap<string, number>
}

/**
 * Demo data for one service. Seeds run in this order on every sandbox start and must be idempotent (look before
 * adding, or upsert): the sandbox database is kept between starts.
 */
export interface DemoSeed {
  name: string
  seed(context: DemoContext): Promise<void>
}

/**
 * Every service adds its seed here (a module in this folder, one line in this list): observers, the hotline's FAQ,
 * deadlines. `baseSeed` (municipality, schools from the directory form, personas' roles) runs before them.
 */
export const DEMO_SEEDS: readonly DemoSeed[] = [scheduleSeed]

/** Files the web chat offers to send as a persona; a service adds the files its users would send. */
export const DEMO_FILES: readonly DemoFile[] = [
  { name: RESULTS_FILE_NAME, description: "Результаты ВПР муниципалитета (форма сбора ФИС ОКО, 6 школ)", build: resultsForm },
  { name: "Сбор контекстных данных об ОО.xlsx", description: "Справочник школ (контекстные данные ФИС ОКО)", build: directoryForm },
]

export async function seedDemo(deps: ServiceDeps, services: Services, adminTelegramId: number): Promise<DemoContext> {
  const context = await baseSeed(deps, services, adminTelegramId)
  for (const seed of DEMO_SEEDS) {
    try {
      await seed.seed(context)
    } catch (error) {
      // One service's broken demo data must not keep the sandbox from opening.
      deps.logger.error({ err: error, seed: seed.name }, "demo seed failed")
    }
  }
  return context
}

export { PERSONAS }
