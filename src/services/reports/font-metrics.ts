/**
 * Text widths from the TTF files themselves. Without a canvas, ECharts estimates every non-ASCII character
 * as one em wide — Cyrillic is ~0.65 em in DejaVu — so legends drift apart, centred names slide and
 * truncated labels lose half their text. Reading the advance widths (tables `head`, `hhea`, `hmtx`,
 * `cmap` format 4) is enough: charts need widths for layout, not shaping or kerning.
 */
import { readFileSync } from "node:fs"

export interface FontMetrics {
  /** Advance width of a string in ems. */
  widthEm(text: string): number
}

function tableOffsets(font: Buffer): Map<string, number> {
  const tables = new Map<string, number>()
  const count = font.readUInt16BE(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16
    tables.set(font.toString("ascii", record, record + 4), font.readUInt32BE(record + 8))
  }
  return tables
}

/** Glyph index of a BMP code point through a cmap format-4 subtable, 0 (.notdef) when missing. */
function format4Lookup(font: Buffer, sub: number): (code: number) => number {
  const segments = font.readUInt16BE(sub + 6) / 2
  const ends = sub + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  return (code) => {
    for (let s = 0; s < segments; s++) {
      if (code > font.readUInt16BE(ends + s * 2)) continue
      const start = font.readUInt16BE(starts + s * 2)
      if (code < start) return 0
      const delta = font.readInt16BE(deltas + s * 2)
      const rangeOffset = font.readUInt16BE(rangeOffsets + s * 2)
      if (rangeOffset === 0) return (code + delta) & 0xffff
      const glyph = font.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (code - start) * 2)
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff
    }
    return 0
  }
}

export function loadFontMetrics(file: string): FontMetrics {
  const font = readFileSync(file)
  const tables = tableOffsets(font)
  const [head, hhea, hmtx, cmap] = ["head", "hhea", "hmtx", "cmap"].map((name) => tables.get(name))
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error(`${file}: not a TrueType font with head/hhea/hmtx/cmap`)
  }
  const unitsPerEm = font.readUInt16BE(head + 18)
  const longMetrics = font.readUInt16BE(hhea + 34)
  let lookup: ((code: number) => number) | undefined
  for (let i = 0; i < font.readUInt16BE(cmap + 2); i++) {
    const record = cmap + 4 + i * 8
    const platform = font.readUInt16BE(record)
    const encoding = font.readUInt16BE(record + 2)
    const sub = cmap + font.readUInt32BE(record + 4)
    if (font.readUInt16BE(sub) === 4 && ((platform === 3 && encoding === 1) || platform === 0)) lookup = format4Lookup(font, sub)
  }
  if (!lookup) throw new Error(`${file}: no Unicode cmap of format 4`)
  const glyphOf = lookup
  const advance = (glyph: number) => font.readUInt16BE(hmtx + 4 * Math.min(glyph, longMetrics - 1))
  const cache = new Map<number, number>()
  return {
    widthEm(text) {
      let units = 0
      for (const char of text) {
        const code = char.codePointAt(0) ?? 0
        let width = cache.get(code)
        if (width === undefined) {
          width = code > 0xffff ? unitsPerEm : advance(glyphOf(code))
          cache.set(code, width)
        }
        units += width
      }
      return units / unitsPerEm
    },
  }
}

/** A CSS font shorthand as ECharts writes it: `bold 17px "DejaVu Sans"`, `12px sans-serif`. */
export function parseCssFont(font: string | undefined): { sizePx: number; bold: boolean } {
  const size = /(\d+(?:\.\d+)?)px/.exec(font ?? "")
  return { sizePx: size ? Number(size[1]) : 12, bold: /\bbold(er)?\b|\b[6-9]00\b/.test(font ?? "") }
}
