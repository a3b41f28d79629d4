/**
 * exceljs parks a sheet it cannot read yet (met before the shared strings or the workbook part) in a temp file made by
 * the `tmp` package, and removes it only once it has read the sheet back: a parse stopped in between (a limit crossed,
 * a damaged file, a refusal of ours) left the file in the temp dir, with its descriptor open, until the process exited
 * — 117 MB after one 11 MB upload (issue 9 #3).
 *
 * Here every parse runs in a scope with its own directory `objektiv-xlsx-<pid>-…` under the system temp dir; each temp
 * file exceljs makes during the parse goes there (its descriptor closed at once: exceljs writes through its own stream),
 * and the directory is removed when the parse ends, however it ends. A process killed mid-parse leaves its directory
 * behind: `sweepOrphanedTempDirs` removes those of processes no longer running, at start-up.
 */
import { AsyncLocalStorage } from "node:async_hooks"
import { mkdtemp, readdir, rm, stat } from "node:fs/promises"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import path from "node:path"

const PREFIX = "objektiv-xlsx-"

interface Scope {
  dir: Promise<string> | undefined
}

type FileCallback = (error: Error | null, ...rest: unknown[]) => void
interface TmpModule {
  file(options: unknown, callback?: FileCallback): void
  [PATCHED]?: true
}

const PATCHED = Symbol.for("objektiv.tmp-scoped")
const scopes = new AsyncLocalStorage<Scope>()

/** Sends exceljs's temp files into the current parse's directory (installed once, on exceljs's own copy of `tmp`). */
function scopeExceljsTempFiles(): void {
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"))
  const tmp = fromExceljs("tmp") as TmpModule
  if (tmp[PATCHED]) return
  const file = tmp.file.bind(tmp)
  tmp.file = (options: unknown, callback?: FileCallback): void => {
    const done = (typeof options === "function" ? options : callback) as FileCallback
    const given = typeof options === "object" && options !== null ? options : {}
    const scope = scopes.getStore()
    if (!scope) return file(given, done)
    scope.dir ??= mkdtemp(path.join(tmpdir(), `${PREFIX}${process.pid}-`))
    scope.dir.then((dir) => file({ ...given, tmpdir: dir, discardDescriptor: true }, done), done)
  }
  tmp[PATCHED] = true
}

scopeExceljsTempFiles()

/** Runs one parse with its own temp directory, removed when `work` settles. */
export async function withParseTempDir<T>(work: () => Promise<T>): Promise<T> {
  const scope: Scope = { dir: undefined }
  try {
    return await scopes.run(scope, work)
  } finally {
    const dir = await scope.dir?.catch(() => undefined)
    if (dir) await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Removes the parse directories left by processes that are gone (killed mid-parse); returns how many. A directory
 * with this process's own pid counts as left behind only when it is older than this process: in a container the
 * restarted bot often gets the pid of the one that died.
 */
export async function sweepOrphanedTempDirs(root: string = tmpdir()): Promise<number> {
  const names = await readdir(root).catch(() => [] as string[])
  const startedAt = Date.now() - process.uptime() * 1000
  let removed = 0
  for (const name of names) {
    if (!name.startsWith(PREFIX)) continue
    const pid = Number(name.slice(PREFIX.length).split("-")[0])
    if (!Number.isInteger(pid)) continue
    const full = path.join(root, name)
    if (pid === process.pid) {
      const made = await stat(full).then((info) => info.mtimeMs, () => Infinity)
      if (made >= startedAt) continue
    } else if (isRunning(pid)) {
      continue
    }
    await rm(full, { recursive: true, force: true })
    removed++
  }
  return removed
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"
  }
}
