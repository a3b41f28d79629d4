import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs"
import path from "node:path"

export class DatabaseLockedError extends Error {
  constructor(
    message: string,
    /** The locked directory, and the process holding it (null: this one, or unknown). */
    readonly dir: string,
    readonly holder: number | null = null,
  ) {
    super(message)
  }
}

/**
 * PGlite is in-process: a second process opening the same directory would damage it. A lock file
 * holding our pid turns that into a clear refusal; a lock left by a dead process is taken over.
 */
export function lockDirectory(dir: string): () => void {
  const file = path.join(dir, "objektiv.lock")
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx")
      writeSync(fd, String(process.pid))
      closeSync(fd)
      return () => rmSync(file, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error
      const holder = Number(readFileSync(file, "utf8").trim())
      if (isAlive(holder)) {
        const who = holder === process.pid ? "this process (opened twice)" : `process ${holder}`
        throw new DatabaseLockedError(
          `The database directory ${dir} is in use by ${who}. Only one bot or tool may open an embedded database at a time: stop the other one first.`,
          dir,
          holder === process.pid ? null : holder,
        )
      }
      rmSync(file, { force: true }) // stale: its process is gone
    }
  }
  throw new DatabaseLockedError(`Could not lock ${dir}`, dir)
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}
