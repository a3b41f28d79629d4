import type { ServiceDeps } from "../deps.ts"
import type { Job } from "../scheduling/jobs.ts"
import { searchSchools } from "../schools/search.ts"
import { createFaq } from "./faq.ts"
import { createRelay, type Connection } from "./relay.ts"
import { hotlineJobs } from "./service-levels.ts"
import { DEFAULT_HOTLINE_SETTINGS, type HotlineSettings } from "./settings.ts"
import { createStaffDesk } from "./staff.ts"
import { createHotlineStats } from "./stats.ts"
import { createTickets } from "./tickets.ts"

/**
 * The parents' hotline: tickets (the asker's side), the staff desk (topics or private chats), the FAQ, monthly
 * statistics, and the jobs that keep relays and service levels going. The bot connects the Telegram side
 * (forum topics and button data) with `connect`; until then relays wait in the database.
 */
export function createHotline(deps: ServiceDeps, options: { defaultTimeZone: string; settings?: Partial<HotlineSettings> }) {
  const settings: HotlineSettings = { ...DEFAULT_HOTLINE_SETTINGS, ...options.settings }
  let connection: Connection | null = null
  const relay = createRelay(deps, () => connection, options.defaultTimeZone)
  const tickets = createTickets(deps, relay, settings)
  const staff = createStaffDesk(deps, relay, tickets, options.defaultTimeZone)
  const jobs: Job[] = hotlineJobs(deps, relay, staff, settings, options.defaultTimeZone)
  return {
    settings,
    tickets,
    staff,
    faq: createFaq(deps),
    stats: createHotlineStats(deps, options.defaultTimeZone),
    schools: (query: string) => searchSchools(deps, query),
    jobs,
    connect(link: Connection): void {
      connection = link
    },
    /** For the jobs and tests: plan one ticket now. */
    relay,
  }
}

export type Hotline = ReturnType<typeof createHotline>
export type { Connection }
