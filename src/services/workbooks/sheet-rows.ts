/**
 * A worksheet's rows out of its XML, fed a piece at a time. Each row comes out as exceljs's `row.values` would give it
 * (1-based sparse array, empty cells left out; a formula as `{ formula, result }`, a shared string as its text or rich
 * text, an error as `{ error }`, a boolean, a number; numbers are not turned into dates), so every reader downstream
 * sees the values it was written for. Rows and cells are found with indexOf and read by index where they have their
 * plain shape, by regular expressions otherwise, instead of an event-per-tag XML parser: about seven times faster than
 * exceljs's reader on the real regional exports.
 */
import type { SharedString } from "./workbook-parts.ts"
import { attribute, decodeXml, elementPattern, endsName, isSpace, needsDecoding, nextElement } from "./xml-text.ts"

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

  /**
   * Takes the next piece of the sheet's XML and hands on every row it completes. The piece is read where it lies: only
   * the row cut at the last piece's end is joined (what was left over and this piece's text up to its first
   * `</row>`), because V8 copies a megabyte-long joined string at a few hundred MB/s, a third of the whole read.
   */
  feed(text: string): void {
    if (this.finished) return
    if (this.prefix === undefined) {
      this.pending += text
      if (!this.findSheetData()) return
      text = this.pending
      this.pending = ""
    }
    if (this.pending !== "") {
      const first = text.indexOf(this.patterns!.rowClose)
      const headEnd = first < 0 ? text.length : first + this.patterns!.rowClose.length
      const head = this.pending + text.slice(0, headEnd)
      this.pending = ""
      if (this.piece(head)) return
      text = text.slice(headEnd)
    }
    this.piece(text)
  }

  /** Hands on the complete rows of `text` (which follows all that was handed on) and keeps the rest; true at the end. */
  private piece(text: string): boolean {
    const { rowClose, sheetDataEnd } = this.patterns!
    const cut = text.lastIndexOf(rowClose)
    // `</sheetData>` follows the last row: looked for after it, not through the megabyte of rows before.
    const end = text.indexOf(sheetDataEnd, Math.max(cut, 0))
    if (end >= 0) {
      this.rows(text.slice(0, end))
      this.finish()
      return true
    }
    if (cut < 0) {
      this.pending += text
      return false
    }
    const upTo = cut + rowClose.length
    this.rows(text.slice(0, upTo))
    this.pending += text.slice(upTo)
    return false
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
    for (let at = xml.indexOf(rowOpen); at >= 0; ) {
      const nameEnd = at + rowOpen.length
      if (!endsName(xml.charCodeAt(nameEnd))) {
        at = xml.indexOf(rowOpen, at + 1)
        continue
      }
      const tagEnd = xml.indexOf(">", nameEnd)
      if (tagEnd < 0) return
      const selfClosing = xml.charCodeAt(tagEnd - 1) === SLASH
      const numbered = attribute(xml.slice(nameEnd, selfClosing ? tagEnd - 1 : tagEnd), "r")
      const rowNumber = numbered === undefined ? this.lastRow + 1 : parseInt(numbered, 10)
      let values: unknown[] = []
      let width = 0
      let next = tagEnd + 1
      if (!selfClosing) {
        next = this.plainCells(xml, tagEnd + 1, values)
        if (next >= 0) width = this.width
        else {
          // Not the plain shape: the row's text cut out and read by the general path.
          const closing = xml.indexOf(rowClose, tagEnd + 1)
          if (closing < 0) return
          values = []
          width = this.cells(xml.slice(tagEnd + 1, closing), values)
          next = closing + rowClose.length
        }
      }
      this.lastRow = rowNumber
      this.onRow(values, rowNumber, width)
      at = xml.indexOf(rowOpen, next)
    }
  }

  /** The width of the row plainCells last read. */
  private width = 0
  /** What a cell tag says, reused from cell to cell. */
  private readonly tag: CellTag = { column: -1, type: undefined }

  /**
   * A row's cells read in place from `from` (just past `<row …>`), when every cell has the plain shape nearly every
   * cell has: `<c …><v>…</v></c>`, `<c …><is><t>…</t></is></c>` or `<c …/>`. Returns the index past `</row>` (the
   * width in `this.width`), or -1 at anything else, and the caller reads the row by the general path. A regional export
   * is a million such cells: read by index (attributes off the tag, small integers from their digits) rather than cut
   * into strings and searched again, they cost less time and make less garbage.
   */
  private plainCells(xml: string, from: number, values: unknown[]): number {
    const { rowClose, cellOpen, cellClose, vOpen, vClose, inlineOpen, inlineClose } = this.patterns!
    const tag = this.tag
    let column = 0
    let width = 0
    let at = from
    for (;;) {
      while (isSpace(xml.charCodeAt(at))) at++
      if (xml.startsWith(rowClose, at)) {
        this.width = width
        return at + rowClose.length
      }
      if (!xml.startsWith(cellOpen, at) || !endsName(xml.charCodeAt(at + cellOpen.length))) return -1
      const nameEnd = at + cellOpen.length
      const tagEnd = xml.indexOf(">", nameEnd)
      if (tagEnd < 0) return -1
      const selfClosing = xml.charCodeAt(tagEnd - 1) === SLASH
      if (!readCellTag(xml, nameEnd, selfClosing ? tagEnd - 1 : tagEnd, tag)) return -1
      column = tag.column === -1 ? column + 1 : tag.column
      if (selfClosing) {
        at = tagEnd + 1
        continue
      }
      const inline = xml.startsWith(inlineOpen, tagEnd + 1)
      if (!inline && !xml.startsWith(vOpen, tagEnd + 1)) return -1
      const textStart = tagEnd + 1 + (inline ? inlineOpen.length : vOpen.length)
      const textEnd = xml.indexOf("<", textStart)
      const close = inline ? inlineClose : vClose
      if (textEnd < 0 || !xml.startsWith(close, textEnd) || !xml.startsWith(cellClose, textEnd + close.length)) return -1
      at = textEnd + close.length + cellClose.length
      const value = inline ? (tag.type === "inlineStr" ? this.decoded(xml.slice(textStart, textEnd)) : undefined) : this.plainValue(tag.type, xml, textStart, textEnd)
      if (value === undefined || value === null) continue
      if (column > width) width = column
      if (column <= LAST_COLUMN) values[column] = value
    }
  }

  /** A `<v>`'s value, its text from `from` to `to`: a shared string's index or a small integer read from its digits. */
  private plainValue(type: string | undefined, xml: string, from: number, to: number): unknown {
    if (type === "s") {
      const index = integerBetween(xml, from, to)
      if (index !== undefined) return this.sharedStrings[index]
    } else if (type !== "str" && type !== "inlineStr" && type !== "e" && type !== "b") {
      const number = integerBetween(xml, from, to)
      if (number !== undefined) return number
    }
    return this.typedValue(type, xml.slice(from, to))
  }

  /** Fills `values` from a row's cells (the row's text); returns the highest column that holds a value. */
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

interface CellTag {
  /** From the `r` attribute; -1 when the cell has none (it follows the previous one). */
  column: number
  type: string | undefined
}

/** The cell types, so that reading one from a tag allocates nothing. */
const CELL_TYPES = ["s", "str", "inlineStr", "n", "b", "e", "d"]

/**
 * Reads a cell tag's `r` and `t` from its attribute text (`xml` from `from` to `to`) into `tag` without cutting
 * strings. False when the text is anything but plain `name="value"` pairs or a value holds a reference: the caller
 * then reads the attributes the general way.
 */
function readCellTag(xml: string, from: number, to: number, tag: CellTag): boolean {
  tag.column = -1
  tag.type = undefined
  let at = from
  while (at < to) {
    const code = xml.charCodeAt(at)
    if (isSpace(code)) {
      at++
      continue
    }
    const nameStart = at
    while (at < to && xml.charCodeAt(at) !== EQUALS && !isSpace(xml.charCodeAt(at))) at++
    if (xml.charCodeAt(at) !== EQUALS || xml.charCodeAt(at + 1) !== QUOTE) return false
    const valueStart = at + 2
    const valueEnd = xml.indexOf('"', valueStart)
    if (valueEnd < 0 || valueEnd >= to) return false
    at = valueEnd + 1
    if (at - nameStart !== valueEnd - valueStart + 4) continue
    const name = xml.charCodeAt(nameStart)
    if (name === 114 /* r */) {
      const column = columnBetween(xml, valueStart, valueEnd)
      if (column === undefined) return false
      tag.column = column
    } else if (name === 116 /* t */) {
      const type = knownType(xml, valueStart, valueEnd)
      if (type === undefined) return false
      tag.type = type
    }
  }
  return true
}

function knownType(xml: string, from: number, to: number): string | undefined {
  for (const type of CELL_TYPES) if (type.length === to - from && xml.startsWith(type, from)) return type
  return undefined
}

/** An integer of up to 15 digits written from `from` to `to` (an optional minus, digits only), else undefined. */
function integerBetween(xml: string, from: number, to: number): number | undefined {
  let at = from
  const negative = xml.charCodeAt(at) === 45
  if (negative) at++
  if (at >= to || to - at > 15) return undefined
  let value = 0
  for (; at < to; at++) {
    const digit = xml.charCodeAt(at) - 48
    if (digit < 0 || digit > 9) return undefined
    value = value * 10 + digit
  }
  return negative ? -value : value
}

const EQUALS = 61
const QUOTE = 34
const AMPERSAND = 38
const SLASH = 47

/** The column of a reference written from `from` to `to` («AB12» → 28); undefined when a letter may be a reference. */
function columnBetween(xml: string, from: number, to: number): number | undefined {
  let column = 0
  for (let at = from; at < to; at++) {
    const code = xml.charCodeAt(at)
    if (code === AMPERSAND) return undefined
    const letter = code | 0x20
    if (letter < 97 || letter > 122) break
    column = column * 26 + (letter - 96)
  }
  return column
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
