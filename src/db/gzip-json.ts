import { constants, gunzipSync, gzipSync } from "node:zlib"

/**
 * Large values kept as gzip-compressed JSON in a bytea column. They cross the driver as base64 text — written with
 * `decode($n, 'base64')`, read with `encode(column, 'base64')` — because the PGlite adapter converts bytea byte by
 * byte both ways (a 350 kB value took ~120 ms; as base64, a few). The fastest level: level 6 saved a fifth of the
 * size at twice the time, and these are written on every import and analysis.
 */
export function gzipJson(value: unknown): string {
  return gzipSync(JSON.stringify(value), { level: constants.Z_BEST_SPEED }).toString("base64")
}

/** The database's base64 has a line break every 76 characters; Buffer skips them. */
export function gunzipJson<T>(base64: string): T {
  return JSON.parse(gunzipSync(Buffer.from(base64, "base64")).toString("utf8")) as T
}
