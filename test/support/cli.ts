import { spawnSync } from "node:child_process"
import path from "node:path"

/** Runs `src/cli.ts` as a user would, on an embedded PGlite database kept in `folder`. */
export function cliIn(folder: string) {
  return (...args: string[]) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `postgresql://pglite/?dir=${path.join(folder, "db")}` },
      timeout: 120_000,
    })
    return { code: result.status, out: result.stdout, err: result.stderr }
  }
}
