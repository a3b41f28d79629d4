/** One DATABASE_URL form for the app and the migration tools (see ../shared/tools/prisma-offline). */
export type DatabaseTarget =
  | { kind: "pglite"; dir: string | null } // null: in memory
  | { kind: "postgres"; url: string; schema: string | null }

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const parsed = new URL(url)
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol})`)
  if (parsed.hostname === "pglite") return { kind: "pglite", dir: parsed.searchParams.get("dir") }
  return { kind: "postgres", url, schema: parsed.searchParams.get("schema") }
}
