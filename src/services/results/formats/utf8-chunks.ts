/**
 * exceljs 4.4 decodes every chunk of a zip entry on its own (`utils/parse-sax.js` → `TextDecoder.decode(chunk)` without
 * `stream: true`). A Cyrillic letter (two bytes in UTF-8) split between two chunks becomes two U+FFFD: on the real 2022
 * context form one school of 733 read as «Гимназ��я №79». Which names break depends on where the inflater cuts its
 * chunks, so it looks random.
 *
 * Installed once: the streaming reader's parts are handed to exceljs as text decoded across chunk boundaries
 * (`setEncoding("utf8")` for the parts it reads whole, a streaming TextDecoder for sheets, whether they come from the
 * zip or from exceljs's temp file). exceljs passes strings through untouched.
 */
import { createRequire } from "node:module"

type Entry = { setEncoding(encoding: "utf8"): unknown }
type AnyMethod = (this: unknown, ...args: unknown[]) => unknown
type ReaderPrototype = Record<string, AnyMethod> & { [FIXED]?: true }

const FIXED = Symbol.for("objektiv.exceljs-utf8-fixed")
const WHOLE_PARTS = ["_parseRels", "_parseWorkbook", "_parseSharedStrings", "_parseStyles"] as const

async function* decodedAcrossChunks(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8")
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true })
    if (text) yield text
  }
  const rest = decoder.decode()
  if (rest) yield rest
}

export function decodeExcelTextAcrossChunks(): void {
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"))
  const reader = fromExceljs("./lib/stream/xlsx/workbook-reader.js") as { prototype: ReaderPrototype }
  const prototype = reader.prototype
  if (prototype[FIXED]) return
  for (const name of WHOLE_PARTS) {
    const original = prototype[name]!
    prototype[name] = function (this: unknown, entry: unknown, ...rest: unknown[]) {
      ;(entry as Entry).setEncoding("utf8")
      return original.call(this, entry, ...rest)
    }
  }
  const parseWorksheet = prototype._parseWorksheet!
  prototype._parseWorksheet = function (this: unknown, iterator: unknown, ...rest: unknown[]) {
    return parseWorksheet.call(this, decodedAcrossChunks(iterator as AsyncIterable<Buffer | string>), ...rest)
  }
  prototype[FIXED] = true
}
