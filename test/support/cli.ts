import { spawnSync } from "node:child_process"
import path from "node:path"
import { runCli } from "../../src/cli.ts"
import type { Services } from "../../src/services/index.ts"

export interface CliRun {
  code: number | null
  out: string
  err: string
}

/** Runs the command line in this process on the given services (a test database), capturing what it prints. */
export function cliOn(services: () => Services): (...args: string[]) => Promise<CliRun> {
  return async (...args) => {
    let out = ""
    let err = ""
    const io = { out: (line: string) => void (out += `${line}\n`), err: (text: string) => void (err += text), openServices: async () => ({ services: services(), close: async () => {} }) }
    const code = await runCli(args, io)
    return { code, out, err }
  }
}

/**
 * Runs `src/cli.ts` as a user would, in its own process, on an embedded PGlite database kept in `folder`: only for
 * what the process boundary is (the exit code, the streams); a cold `tsx` start costs seconds.
 */
export function cliIn(folder: string): (...args: string[]) => CliRun {
  return (...args) => {
    const result = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", ...args], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: `postgresql://pglite/?dir=${path.join(folder, "db")}` },
      timeout: 120_000,
    })
    return { code: result.status, out: result.stdout, err: result.stderr }
  }
}
