/** The little XML the workbook reader needs: entity decoding and one attribute out of a tag's attribute text. */

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }

/** Whether `decodeXml` would change the text. */
export function needsDecoding(text: string): boolean {
  return text.includes("&") || text.includes("\r")
}

/**
 * Text as an XML parser gives it: line ends written as CR LF or CR read as LF, then character and entity references
 * replaced (one not naming a character is left as written). A loop, not a replace with a callback: openpyxl writes
 * every Cyrillic letter as `&#1083;`, and this runs for every cell.
 */
export function decodeXml(raw: string): string {
  const text = raw.includes("\r") ? raw.replace(/\r\n?/gu, "\n") : raw
  let from = text.indexOf("&")
  if (from < 0) return text
  let decoded = ""
  let copied = 0
  while (from >= 0) {
    const end = text.indexOf(";", from + 2)
    const character = end > 0 && end - from <= 10 ? referenced(text.slice(from + 1, end)) : undefined
    if (character !== undefined) {
      decoded += text.slice(copied, from) + character
      copied = end + 1
    }
    from = text.indexOf("&", character === undefined ? from + 1 : copied)
  }
  return decoded + text.slice(copied)
}

/** The character a reference's name stands for (`#1083`, `#x43B`, `amp`), or undefined. */
function referenced(name: string): string | undefined {
  if (name.charCodeAt(0) !== 35 /* # */) return NAMED[name]
  const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88
  const digits = name.slice(hex ? 2 : 1)
  if (!(hex ? /^[0-9a-fA-F]+$/u : /^\d+$/u).test(digits)) return undefined
  const code = parseInt(digits, hex ? 16 : 10)
  return code <= 0x10ffff ? String.fromCodePoint(code) : undefined
}

const attributePatterns = new Map<string, RegExp>()

/** The decoded value of attribute `name` in a tag's attribute text (`r="A1" t="s"`), or undefined. */
export function attribute(attributes: string, name: string): string | undefined {
  // The common spelling first: a space, the name, `="`.
  const plain = attributes.indexOf(` ${name}="`)
  if (plain >= 0) {
    const start = plain + name.length + 3
    const end = attributes.indexOf('"', start)
    if (end >= 0) return decodeXml(attributes.slice(start, end))
  }
  let pattern = attributePatterns.get(name)
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name.replace(/[.:]/gu, "\\$&")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, "u")
    attributePatterns.set(name, pattern)
  }
  const found = pattern.exec(attributes)
  return found ? decodeXml(found[1] ?? found[2] ?? "") : undefined
}

/** The namespace prefix (with its colon, or "") the first `<name` element is written with, or undefined when absent. */
export function elementPrefix(xml: string, name: string): string | undefined {
  const found = new RegExp(`<([A-Za-z_][\\w.-]*:)?${name}[\\s/>]`, "u").exec(xml)
  return found ? (found[1] ?? "") : undefined
}

/** A global pattern for `<prefix:name …/>` or `<prefix:name …>content</prefix:name>`: groups 1 attributes, 2 content. */
export function elementPattern(prefix: string, name: string): RegExp {
  const tag = `${prefix}${name}`
  return new RegExp(`<${tag}(?=[\\s/>])([^>]*?)(?:/>|>([\\s\\S]*?)</${tag}\\s*>)`, "gu")
}

/** Where one element sits in a text: its attribute text and its content (undefined when it closes itself). */
export interface FoundElement {
  attributes: string
  content: string | undefined
  /** Just past the element. */
  end: number
}

/**
 * The next complete `<tag …>…</tag>` or `<tag …/>` from `from`, or null. `open` is `<` and the tag's name, `close`
 * the closing tag; found with indexOf, which is several times faster over a large sheet than a lazy regular expression.
 * An element cut off by the end of `xml` is not found.
 */
export function nextElement(xml: string, from: number, open: string, close: string): FoundElement | null {
  let at = xml.indexOf(open, from)
  while (at >= 0 && !endsName(xml.charCodeAt(at + open.length))) at = xml.indexOf(open, at + 1)
  if (at < 0) return null
  const tagEnd = xml.indexOf(">", at + open.length)
  if (tagEnd < 0) return null
  if (xml.charCodeAt(tagEnd - 1) === SLASH) return { attributes: xml.slice(at + open.length, tagEnd - 1), content: undefined, end: tagEnd + 1 }
  const closing = xml.indexOf(close, tagEnd + 1)
  if (closing < 0) return null
  return { attributes: xml.slice(at + open.length, tagEnd), content: xml.slice(tagEnd + 1, closing), end: closing + close.length }
}

const SLASH = 47

/** Whether a character ends a tag's name: whitespace, «/» or «>». */
export function endsName(code: number): boolean {
  return isSpace(code) || code === 62 || code === SLASH
}

/** XML's whitespace: space, tab, line feed, carriage return. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9
}
