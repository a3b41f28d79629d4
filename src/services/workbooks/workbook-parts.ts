/**
 * What a workbook says about itself before any sheet is read: its sheets (names in tab order, each with its part) and
 * its shared strings. Relation targets are resolved as paths (`worksheets/sheet1.xml`, `/xl/worksheets/sheet1.xml` as
 * openpyxl writes them, `./worksheets/…`), so a sheet is always called by the name Excel shows.
 */
import { partBytes, UnreadableZip, type ZipPart } from "./zip-parts.ts"
import { attribute, decodeXml, elementPattern, elementPrefix } from "./xml-text.ts"

export interface SheetPart {
  name: string
  part: ZipPart
}

/** A shared string as exceljs gives it: text, rich text runs, or null for an empty one. */
export type SharedString = string | { richText: { text: string }[] } | null

const WORKBOOK = "xl/workbook.xml"
const WORKBOOK_RELATIONS = "xl/_rels/workbook.xml.rels"

export interface WorkbookParts {
  sheets: SheetPart[]
  sharedStrings: SharedString[]
}

export function workbookParts(parts: ReadonlyMap<string, ZipPart>): WorkbookParts {
  const workbook = parts.get(WORKBOOK)
  if (!workbook) throw new UnreadableZip("no workbook part")
  const relations = relationsOf(parts.get(WORKBOOK_RELATIONS))
  const sheets: SheetPart[] = []
  const xml = partBytes(workbook).toString("utf8")
  const prefix = elementPrefix(xml, "sheet") ?? ""
  for (const found of xml.matchAll(elementPattern(prefix, "sheet"))) {
    const attributes = found[1]!
    const id = relationId(attributes)
    const target = id === undefined ? undefined : relations.get(id)
    const part = target && /(^|\/)worksheets\//u.test(target) ? parts.get(target) : undefined
    if (part) sheets.push({ name: attribute(attributes, "name") ?? `Sheet${attribute(attributes, "sheetId") ?? sheets.length + 1}`, part })
  }
  const sharedStringsPart = [...relations.values()].find((target) => /(^|\/)sharedStrings[^/]*\.xml$/iu.test(target)) ?? "xl/sharedStrings.xml"
  const strings = parts.get(sharedStringsPart)
  return { sheets, sharedStrings: strings ? sharedStringsOf(partBytes(strings).toString("utf8")) : [] }
}

/** The sheet's relation id: `r:id`, whatever prefix the relationships namespace was given. */
function relationId(attributes: string): string | undefined {
  return attribute(attributes, "r:id") ?? /\s[A-Za-z_][\w.-]*:id\s*=\s*(?:"([^"]*)"|'([^']*)')/u.exec(attributes)?.slice(1).find((value) => value !== undefined)
}

/** Relation id → the target's path inside the package. */
function relationsOf(part: ZipPart | undefined): Map<string, string> {
  const targets = new Map<string, string>()
  if (!part) return targets
  const xml = partBytes(part).toString("utf8")
  const prefix = elementPrefix(xml, "Relationship") ?? ""
  for (const found of xml.matchAll(elementPattern(prefix, "Relationship"))) {
    const id = attribute(found[1]!, "Id")
    const target = attribute(found[1]!, "Target")
    if (id !== undefined && target !== undefined && attribute(found[1]!, "TargetMode") !== "External") targets.set(id, packagePath(target))
  }
  return targets
}

/** A target relative to `xl/` (or from the package root when it starts with «/») as a path in the zip. */
export function packagePath(target: string): string {
  const resolved: string[] = []
  for (const piece of (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/")) {
    if (piece === "..") resolved.pop()
    else if (piece !== "." && piece !== "") resolved.push(piece)
  }
  return resolved.join("/")
}

function sharedStringsOf(xml: string): SharedString[] {
  const prefix = elementPrefix(xml, "si") ?? ""
  const runs = elementPattern(prefix, "r")
  const texts = elementPattern(prefix, "t")
  const strings: SharedString[] = []
  for (const found of xml.matchAll(elementPattern(prefix, "si"))) {
    const content = found[2] ?? ""
    if (content.includes(`<${prefix}r>`) || content.includes(`<${prefix}r `)) {
      strings.push({ richText: [...content.matchAll(runs)].map((run) => ({ text: firstText(run[2] ?? "", texts) })) })
    } else {
      strings.push(firstText(content, texts) || null)
    }
  }
  return strings
}

/** The decoded text of the first `<t>` in `xml` ("" when there is none). */
function firstText(xml: string, texts: RegExp): string {
  texts.lastIndex = 0
  const found = texts.exec(xml)
  return found ? decodeXml(found[2] ?? "") : ""
}
