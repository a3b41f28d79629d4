/** One DATABASE_URL form for the app and the migration tools (see ../shared/tools/prisma-offline). */
export type DatabaseTarget =
  | { kind: "pglite"; dir: string | null } // null: in memory
  | { kind: "postgres"; url: string; schema: string | null }

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const parsed = new URL(url)
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) throw new Error(`DATABASE_URL must start with postgresql:// (got ${parsed.protocol})`)
  if (parsed.hostname === "pglite") return { kind: "pglite", dir: queryValue(parsed.search, "dir") }
  return { kind: "postgres", url, schema: queryValue(parsed.search, "schema") }
}

/**
 * A query parameter as written: percent escapes decoded, but a `+` kept a plus. URLSearchParams reads `+` as a space
 * (form encoding), so `?dir=/srv/c++/db` silently opened `/srv/c  /db`, another (new, empty) database (issue 9).
 */
function queryValue(search: string, name: string): string | null {
  for (const pair of search.replace(/^\?/u, "").split("&")) {
    const at = pair.indexOf("=")
    const key = at < 0 ? pair : pair.slice(0, at)
    if (decoded(key) === name) return at < 0 ? "" : decoded(pair.slice(at + 1))
  }
  return null
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text // a stray % is taken literally
  }
}
