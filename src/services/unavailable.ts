/**
 * Whether an error means the database cannot be reached right now (a restart, a failover, a network cut) rather
 * than a fault in our code: the user is then told to try again in a minute, not that something went wrong.
 *
 * The shapes are Prisma's with a driver adapter, as seen against a PostgreSQL server stopped under a running bot:
 * P1001 «Can't reach database server» and P2010 (a raw query) with the adapter's `DatabaseNotReachable`; P2039 with
 * SQLSTATE 57P01 for a pooled connection the server terminated on shutdown. Node's own socket errors are not
 * counted: Telegram being unreachable is not the database.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"])
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"])
/** admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections; class 08 is «connection exception». */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"])

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === "object" && depth < 8; depth++) {
    const found = current as { code?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown; error?: unknown; name?: unknown }
    if (typeof found.code === "string" && PRISMA_CODES.has(found.code)) return true
    if (adapterCauseUnavailable(found.meta?.driverAdapterError?.cause)) return true
    if (found.name === "DriverAdapterError" && adapterCauseUnavailable(found.cause)) return true
    // grammY's BotError keeps the handler's error in `error`; wrappers keep it in `cause`.
    current = found.cause ?? found.error
  }
  return false
}

function adapterCauseUnavailable(cause: unknown): boolean {
  if (!cause || typeof cause !== "object") return false
  const { kind, code } = cause as { kind?: unknown; code?: unknown }
  if (typeof kind === "string" && ADAPTER_KINDS.has(kind)) return true
  return kind === "postgres" && typeof code === "string" && (SQLSTATES.has(code) || code.startsWith("08"))
}
