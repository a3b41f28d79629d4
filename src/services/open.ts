/**
 * Services on a database opened here, for a process that is not the bot (the command line): the dependencies are
 * built in one place, and closing the services closes the database.
 */
import { openDatabase } from "../db/client.ts"
import { silentLogger, type Logger } from "../logger.ts"
import { systemClock } from "./deps.ts"
import { createServices, type ServiceOptions, type Services } from "./index.ts"

export interface OpenServices {
  services: Services
  close(): Promise<void>
}

const DEFAULTS: ServiceOptions = { adminIds: [], inviteTtlHours: 72, defaultTimeZone: "Europe/Moscow" }

export async function openServices(databaseUrl: string, options: Partial<ServiceOptions> & { logger?: Logger } = {}): Promise<OpenServices> {
  const database = await openDatabase(databaseUrl)
  const { logger = silentLogger, ...rest } = options
  return { services: createServices({ prisma: database.prisma, clock: systemClock, logger }, { ...DEFAULTS, ...rest }), close: () => database.close() }
}
