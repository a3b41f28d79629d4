/**
 * A worksheet's rows out of its XML, fed a piece at a time. Each row comes out as exceljs's `row.values` would give it
 * (1-based sparse array, empty cells left out; a formula as `{ formula, result }`, a shared string as its text or rich
 * text, an error as `{ error }`, a boolean, a number; numbers are not turned into dates), so every reader downstream
 * sees the values it was written for. Regular expressions over whole rows instead of an event-per-tag XML parser: about
 * five times faster than exceljs's reader on the real regional exports.
 */
import type { SharedString } from "./workbook-parts.ts"
import { attribute, decodeXml, elementPattern, needsDecoding, nextElement } from "./xml-text.ts"

/** Excel's last column (XFD); a cell beyond it is counted but not kept. */
const LAST_COLUMN = 16_384
/** Decoded texts remembered at most (pupils' own texts are many but short; the repeated ones are few). */
const DECODED_TEXTS_KEPT = 10_000
/** Text kept while looking for `<sheetData>` across pieces. */
const HEADER_TAIL = 256

export type RowHandler = (values: unknown[], rowNumber: number, width: number) => void

export class SheetRows {
  private pending = ""
  private prefix: string | undefined
  private finished = false
  private lastRow = 0
  private patterns: ReturnType<typeof cellPatterns> | undefined
  private readonly decodedTexts = new Map<string, string>()

  constructor(
    private readonly sharedStrings: readonly SharedString[],
    private readonly onRow: RowHandler,
  ) {}

  /** Takes the next piece of the sheet's XML and hands on every row it completes. */
  feed(text: string): void {
    if (this.finished) return
    this.pending += text
    if (this.prefix === undefined && !this.findSheetData()) return
    const patterns = this.patterns!
    const end = this.pending.indexOf(patterns.sheetDataEnd)
    if (end >= 0) {
      this.rows(this.pending.slice(0, end))
      this.finish()
      return
    }
    const cut = this.pending.lastIndexOf(patterns.rowClose)
    if (cut < 0) return
    const upTo = cut + patterns.rowClose.length
    this.rows(this.pending.slice(0, upTo))
    this.pending = this.pending.slice(upTo)
  }

  /** The sheet's XML has all been fed (`rest` is its last piece): the rows still pending are handed on. */
  end(rest = ""): void {
    this.feed(rest)
    if (this.finished || this.prefix === undefined) return
    this.rows(this.pending)
    this.finish()
  }

  private finish(): void {
    this.finished = true
    this.pending = ""
  }

  /** Finds `<sheetData>` and learns the prefix the sheet writes its elements with; false while it is not in sight. */
  private findSheetData(): boolean {
    const found = /<([A-Za-z_][\w.-]*:)?sheetData(\s[^>]*?)?(\/?)>/u.exec(this.pending)
    if (!found) {
      if (this.pending.length > HEADER_TAIL) this.pending = this.pending.slice(-HEADER_TAIL)
      return false
    }
    this.prefix = found[1] ?? ""
    this.patterns = cellPatterns(this.prefix)
    if (found[3] === "/") {
      this.finish()
      return false
    }
    this.pending = this.pending.slice(found.index + found[0].length)
    return true
  }

  private rows(xml: string): void {
    const { rowOpen, rowClose } = this.patterns!
    for (let found = nextElement(xml, 0, rowOpen, rowClose); found; found = nextElement(xml, found.end, rowOpen, rowClose)) {
      const numbered = attribute(found.attributes, "r")
      const rowNumber = numbered === undefined ? this.lastRow + 1 : parseInt(numbered, 10)
      this.lastRow = rowNumber
      const values: unknown[] = []
      const width = found.content ? this.cells(found.content, values) : 0
      this.onRow(values, rowNumber, width)
    }
  }

  /** Fills `values` from a row's cells; returns the highest column that holds a value. */
  private cells(xml: string, values: unknown[]): number {
    const { cellOpen, cellClose } = this.patterns!
    let column = 0
    let width = 0
    for (let found = nextElement(xml, 0, cellOpen, cellClose); found; found = nextElement(xml, found.end, cellOpen, cellClose)) {
      const attributes = found.attributes
      const reference = attribute(attributes, "r")
      column = reference === undefined ? column + 1 : columnOf(reference)
      const content = found.content
      if (content === undefined) continue
      const value = this.cellValue(attribute(attributes, "t"), content)
      if (value === undefined || value === null) continue
      if (column > width) width = column
      if (column <= LAST_COLUMN) values[column] = value
    }
    return width
  }

  /**
   * Decoded cell text, remembered: a regional export repeats a few texts (the region, «НЕТ», the textbook's 90-letter
   * title) in every row, each letter written as a reference, and decoding them again dominated the read.
   */
  private decoded(text: string): string {
    if (!needsDecoding(text)) return text
    let decoded = this.decodedTexts.get(text)
    if (decoded === undefined) {
      if (this.decodedTexts.size >= DECODED_TEXTS_KEPT) this.decodedTexts.clear()
      decoded = decodeXml(text)
      this.decodedTexts.set(text, decoded)
    }
    return decoded
  }

  private cellValue(type: string | undefined, xml: string): unknown {
    const patterns = this.patterns!
    // The two shapes nearly every cell has, `<v>…</v>` and `<is><t>…</t></is>`, without a regular expression.
    const plain = onlyChild(xml, patterns.vOpen, patterns.vClose)
    if (plain !== undefined) return this.typedValue(type, plain)
    if (type === "inlineStr") {
      const inline = onlyChild(xml, patterns.inlineOpen, patterns.inlineClose)
      if (inline !== undefined) return this.decoded(inline)
    }
    const formula = firstMatch(patterns.formula, xml)
    const text = firstMatch(patterns.value, xml)?.[2]
    if (formula) {
      const value: { formula: string; result?: unknown } = { formula: decodeXml(formula[2] ?? "") }
      if (text !== undefined) value.result = type === "str" ? this.decoded(text) : parseFloat(text)
      return value
    }
    if (type === "inlineStr") {
      const inline = firstMatch(patterns.inline, xml)
      if (inline) return [...(inline[2] ?? "").matchAll(patterns.text)].map((run) => decodeXml(run[2] ?? "")).join("")
    }
    return text === undefined ? undefined : this.typedValue(type, text)
  }

  private typedValue(type: string | undefined, text: string): unknown {
    switch (type) {
      case "s":
        return this.sharedStrings[parseInt(text, 10)]
      case "str":
      case "inlineStr":
        return this.decoded(text)
      case "e":
        return { error: decodeXml(text) }
      case "b":
        return parseInt(text, 10) !== 0
      default:
        return parseFloat(text)
    }
  }
}

/** The text between `open` and `close` when `xml` is exactly that one element, else undefined. */
function onlyChild(xml: string, open: string, close: string): string | undefined {
  if (!xml.startsWith(open) || !xml.endsWith(close)) return undefined
  const end = xml.length - close.length
  return xml.indexOf("<", open.length) === end ? xml.slice(open.length, end) : undefined
}

function firstMatch(pattern: RegExp, xml: string): RegExpExecArray | null {
  pattern.lastIndex = 0
  return pattern.exec(xml)
}

/** «AB12» → 28. */
function columnOf(reference: string): number {
  let column = 0
  for (let at = 0; at < reference.length; at++) {
    const code = reference.charCodeAt(at) | 0x20
    if (code < 97 || code > 122) break
    column = column * 26 + (code - 96)
  }
  return column
}

function cellPatterns(prefix: string) {
  return {
    rowOpen: `<${prefix}row`,
    rowClose: `</${prefix}row>`,
    cellOpen: `<${prefix}c`,
    cellClose: `</${prefix}c>`,
    formula: elementPattern(prefix, "f"),
    value: elementPattern(prefix, "v"),
    inline: elementPattern(prefix, "is"),
    text: elementPattern(prefix, "t"),
    vOpen: `<${prefix}v>`,
    vClose: `</${prefix}v>`,
    inlineOpen: `<${prefix}is><${prefix}t>`,
    inlineClose: `</${prefix}t></${prefix}is>`,
    sheetDataEnd: `</${prefix}sheetData>`,
  }
}
