/**
 * unzipper 0.10 (the zip reader inside exceljs) emits 'end' by hand as soon as the last byte of the zip is parsed,
 * while the entries it has pushed may still wait in its readable buffer. exceljs's reader stops at that 'end' and the
 * waiting entries are silently lost: measured with a consumer that spent 50 ms on the first entry (as exceljs does
 * when it parks a sheet in a temp file, or under load), 1 entry of 19 was seen. Workbooks whose sheets come before
 * `xl/workbook.xml` and `xl/sharedStrings.xml` (exceljs writes them so) then read as sheets «Sheet1…» with unresolved
 * strings, and trailing small sheets can vanish.
 *
 * Installed once: the hand-made 'end' is dropped, and the stream is ended the ordinary way (`push(null)`, when the
 * zip's last record has not done it already), so 'end' comes from Node once every entry has been read.
 */
import { createRequire } from "node:module"

interface ParseStream {
  _readableState: { ended: boolean; endEmitted: boolean }
  push(chunk: null): boolean
  emit(event: string | symbol, ...args: unknown[]): boolean
}

const FIXED = Symbol.for("objektiv.unzipper-end-fixed")

export function holdUnzipEndUntilDrained(): void {
  const fromExceljs = createRequire(createRequire(import.meta.url).resolve("exceljs"))
  const { Parse } = fromExceljs("unzipper") as { Parse: { prototype: ParseStream & { [FIXED]?: true } } }
  const prototype = Parse.prototype
  if (prototype[FIXED]) return
  const emit = prototype.emit
  prototype.emit = function (this: ParseStream, event: string | symbol, ...args: unknown[]): boolean {
    if (event === "end" && !this._readableState.endEmitted) {
      if (!this._readableState.ended) this.push(null)
      return false
    }
    return emit.call(this, event, ...args)
  }
  prototype[FIXED] = true
}
