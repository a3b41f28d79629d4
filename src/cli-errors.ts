/**
 * What the command line says when a command fails: one line of plain text in the user's language, never a raw stack
 * (issue 9: a missing file printed Node's stack; a locked database an English one). An error we did not foresee is
 * named in one line with its message.
 */
import { DatabaseLockedError } from "./db/lock.ts"
import type { Translate } from "./i18n.ts"

export interface PlainFailure {
  text: string
  /** 64: the command was used wrongly; 1: it failed. */
  code: 64 | 1
}

export function plainFailure(error: unknown, t: Translate): PlainFailure {
  if (error instanceof DatabaseLockedError) {
    return { text: t(error.holder === null ? "cli-error-database-locked-self" : "cli-error-database-locked", { dir: error.dir, pid: String(error.holder ?? "") }), code: 1 }
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  const file = (error as NodeJS.ErrnoException | undefined)?.path ?? ""
  switch (code) {
    case "ENOENT":
      return { text: t("cli-error-file-missing", { file }), code: 1 }
    case "EACCES":
    case "EPERM":
      return { text: t("cli-error-file-denied", { file }), code: 1 }
    case "EISDIR":
      return { text: t("cli-error-is-directory", { file }), code: 1 }
    case "ENOSPC":
      return { text: t("cli-error-disk-full"), code: 1 }
  }
  if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
    return { text: t("cli-error-usage", { detail: (error as Error).message }), code: 64 }
  }
  if (error instanceof SyntaxError && /JSON/u.test(error.message)) return { text: t("cli-error-settings-json", { detail: error.message }), code: 1 }
  return { text: t("cli-error-unexpected", { detail: error instanceof Error ? error.message : String(error) }), code: 1 }
}
