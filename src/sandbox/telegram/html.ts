import type { MessageEntity } from "grammy/types"

/**
 * Telegram's `parse_mode: "HTML"` parser, after tdlib's `parse_html` (td/telegram/MessageEntity.cpp): the same
 * tags, attributes and error texts. One deliberate addition, on by default (`strictEscaping`): a bare `&` that is
 * not a complete entity (`&lt; &gt; &amp; &quot; &#NN; &#xHH;`) and a bare `>` are rejected. Telegram shows them
 * literally, but in our bot they always mean user text went out unescaped — which breaks on the next `<`.
 */

export interface ParsedText {
  readonly text: string
  readonly entities: MessageEntity[]
}

export class EntityParseError extends Error {
  constructor(readonly reason: string) {
    super(`can't parse entities: ${reason}`)
  }
}

const SUPPORTED_TAGS = new Set([
  "a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "tg-spoiler", "span", "tg-emoji", "code", "pre",
  "blockquote",
])

interface OpenTag {
  readonly tag: string
  readonly offset: number
  readonly attributes: Map<string, string>
}

/** An entity as collected; `code` may carry a language until it is merged into its `pre`. */
type RawEntity = MessageEntity & { language?: string }

export function parseHtml(source: string, options: { strictEscaping?: boolean } = {}): ParsedText {
  const strict = options.strictEscaping ?? true
  const at = (index: number): number => Buffer.byteLength(source.slice(0, index), "utf8")
  let text = ""
  const entities: RawEntity[] = []
  const open: OpenTag[] = []
  let i = 0
  const n = source.length
  while (i < n) {
    const c = source[i]
    if (c === "&") {
      const decoded = decodeEntity(source, i, strict)
      if (decoded) {
        text += decoded.char
        i = decoded.end
        continue
      }
      if (strict) throw new EntityParseError(`Character entity expected at byte offset ${at(i)}`)
    }
    if (c !== "<") {
      if (c === ">" && strict) throw new EntityParseError(`Unescaped ">" at byte offset ${at(i)}`)
      text += c
      i++
      continue
    }
    const begin = i++
    if (source[i] !== "/") {
      const tag = readStartTag(source, begin, at)
      open.push({ tag: tag.name, offset: text.length, attributes: tag.attributes })
      i = tag.end
      continue
    }
    if (open.length === 0) throw new EntityParseError(`Unexpected end tag at byte offset ${at(begin)}`)
    i++
    const nameStart = i
    while (i < n && !isSpace(source[i]) && source[i] !== ">") i++
    const endName = source.slice(nameStart, i).toLowerCase()
    while (i < n && isSpace(source[i])) i++
    if (source[i] !== ">") throw new EntityParseError(`Unclosed end tag at byte offset ${at(begin)}`)
    i++
    const top = open.pop() as OpenTag
    if (endName !== "" && endName !== top.tag) {
      throw new EntityParseError(
        `Unmatched end tag at byte offset ${at(begin)}, expected "</${top.tag}>", found "</${endName}>"`,
      )
    }
    const entity = entityOf(top, text)
    if (entity) entities.push(entity)
  }
  const unclosed = open.at(-1)
  if (unclosed) throw new EntityParseError(`Can't find end tag corresponding to start tag "${unclosed.tag}"`)
  return { text, entities: normalizeEntities(entities) }
}

function readStartTag(
  source: string,
  begin: number,
  at: (index: number) => number,
): { name: string; attributes: Map<string, string>; end: number } {
  const n = source.length
  let i = begin + 1
  while (i < n && !isSpace(source[i]) && source[i] !== ">") i++
  if (i >= n) throw new EntityParseError(`Unclosed start tag at byte offset ${at(begin)}`)
  const name = source.slice(begin + 1, i).toLowerCase()
  if (!SUPPORTED_TAGS.has(name)) throw new EntityParseError(`Unsupported start tag "${name}" at byte offset ${at(begin)}`)
  const attributes = new Map<string, string>()
  const unclosed = (): EntityParseError => new EntityParseError(`Unclosed start tag "${name}" at byte offset ${at(begin)}`)
  while (source[i] !== ">") {
    while (i < n && isSpace(source[i])) i++
    if (i >= n) throw unclosed()
    if (source[i] === ">") break
    const attributeStart = i
    while (i < n && !isSpace(source[i]) && !"=>/\"'".includes(source[i] as string)) i++
    const attribute = source.slice(attributeStart, i).toLowerCase()
    if (attribute === "") {
      throw new EntityParseError(`Empty attribute name in the tag "${name}" at byte offset ${at(begin)}`)
    }
    while (i < n && isSpace(source[i])) i++
    if (source[i] !== "=") {
      if (i >= n) throw unclosed()
      attributes.set(attribute, "")
      continue
    }
    i++
    while (i < n && isSpace(source[i])) i++
    if (i >= n) throw unclosed()
    let value = ""
    const quote = source[i]
    if (quote !== '"' && quote !== "'") {
      // A name token: letters, digits, periods and hyphens; case-insensitive.
      const tokenStart = i
      while (i < n && /[A-Za-z0-9.-]/.test(source[i] as string)) i++
      value = source.slice(tokenStart, i).toLowerCase()
      if (i >= n || (!isSpace(source[i]) && source[i] !== ">")) {
        throw new EntityParseError(`Unexpected end of name token at byte offset ${at(tokenStart)}`)
      }
    } else {
      i++
      while (i < n && source[i] !== quote) {
        const decoded = source[i] === "&" ? decodeEntity(source, i, false) : undefined
        if (decoded) {
          value += decoded.char
          i = decoded.end
        } else {
          value += source[i++]
        }
      }
      if (source[i] === quote) i++
    }
    if (i >= n) throw new EntityParseError(`Unclosed start tag at byte offset ${at(begin)}`)
    attributes.set(attribute, value)
  }
  if (name === "span" && attributes.get("class") !== "tg-spoiler") {
    throw new EntityParseError(`Tag "span" must have class "tg-spoiler" at byte offset ${at(begin)}`)
  }
  return { name, attributes, end: i + 1 }
}

function entityOf(tag: OpenTag, text: string): RawEntity | undefined {
  const offset = tag.offset
  const length = text.length - offset
  if (length <= 0) return undefined
  switch (tag.tag) {
    case "b":
    case "strong":
      return { type: "bold", offset, length }
    case "i":
    case "em":
      return { type: "italic", offset, length }
    case "u":
    case "ins":
      return { type: "underline", offset, length }
    case "s":
    case "strike":
    case "del":
      return { type: "strikethrough", offset, length }
    case "tg-spoiler":
    case "span":
      return { type: "spoiler", offset, length }
    case "blockquote":
      return { type: tag.attributes.has("expandable") ? "expandable_blockquote" : "blockquote", offset, length }
    case "pre":
      return { type: "pre", offset, length }
    case "code": {
      const language = /^language-(.+)$/.exec(tag.attributes.get("class") ?? "")?.[1]
      return { type: "code", offset, length, ...(language ? { language } : {}) }
    }
    case "tg-emoji": {
      const id = tag.attributes.get("emoji-id") ?? ""
      if (!/^[1-9]\d{0,18}$/.test(id) || BigInt(id) > 9223372036854775807n) {
        throw new EntityParseError("Invalid custom emoji identifier specified")
      }
      return { type: "custom_emoji", offset, length, custom_emoji_id: id }
    }
    case "a":
      return linkEntity(tag.attributes.get("href") || text.slice(offset), offset, length)
    default:
      return undefined
  }
}

/** Like tdlib: a scheme-less host gets `http://`; a link that is not a URL silently yields no entity. */
function linkEntity(href: string, offset: number, length: number): RawEntity | undefined {
  const user = /^tg:(?:\/\/)?user\/?\?(?:.*&)?id=(\d+)/i.exec(href)
  if (user?.[1]) return { type: "text_mention", offset, length, user: { id: Number(user[1]), is_bot: false, first_name: "" } }
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return { type: "text_link", offset, length, url: href }
  if (/^[^\s/?#]+\.[a-z]{2,}(?:[/?#]\S*)?$/i.test(href)) {
    const url = /[/?#]/.test(href) ? `http://${href}` : `http://${href}/`
    return { type: "text_link", offset, length, url }
  }
  return undefined
}

/**
 * Telegram allows nothing inside `pre`/`code`; `<pre><code class="language-x">` over the same range becomes one
 * `pre` entity with `language`. Entities are returned sorted by offset, longer first.
 */
function normalizeEntities(raw: RawEntity[]): MessageEntity[] {
  const kept: RawEntity[] = []
  for (const entity of raw) {
    const isCodeLike = entity.type === "pre" || entity.type === "code"
    const twin = isCodeLike
      ? raw.find((other) => other !== entity && sameRange(other, entity) && (other.type === "pre" || other.type === "code"))
      : undefined
    if (twin && entity.type === "code") continue // merged into its pre
    if (twin?.language !== undefined && entity.type === "pre") {
      kept.push({ type: "pre", offset: entity.offset, length: entity.length, language: twin.language })
      continue
    }
    const insideCode = raw.some(
      (outer) => outer !== entity && (outer.type === "pre" || outer.type === "code") && contains(outer, entity) &&
        !(isCodeLike && sameRange(outer, entity)),
    )
    if (insideCode) continue
    const { language: _language, ...plain } = entity
    kept.push(plain as MessageEntity)
  }
  return kept.sort((a, b) => a.offset - b.offset || b.length - a.length)
}

function sameRange(a: MessageEntity, b: MessageEntity): boolean {
  return a.offset === b.offset && a.length === b.length
}

function contains(outer: MessageEntity, inner: MessageEntity): boolean {
  return inner.offset >= outer.offset && inner.offset + inner.length <= outer.offset + outer.length
}

function isSpace(c: string | undefined): boolean {
  return c === " " || c === "\t" || c === "\r" || c === "\n" || c === "\v" || c === "\f"
}

const NAMED = new Map([["lt", "<"], ["gt", ">"], ["amp", "&"], ["quot", '"']])

/**
 * tdlib's `decode_html_entity`: `&lt; &gt; &amp; &quot;` and numeric references; the `;` is optional for
 * Telegram. In strict mode the `;` is required and an unknown or invalid reference is not an entity.
 */
function decodeEntity(source: string, at: number, strict: boolean): { char: string; end: number } | undefined {
  let end = at + 1
  let code: number
  if (source[end] === "#") {
    end++
    const hex = source[end] === "x" || source[end] === "X"
    if (hex) end++
    const digitsStart = end
    while (end < source.length && (hex ? /[0-9a-f]/i : /[0-9]/).test(source[end] as string)) end++
    const digits = source.slice(digitsStart, end)
    code = digits === "" ? 0 : parseInt(digits, hex ? 16 : 10)
    if (code === 0 || code >= 0x10ffff || end - at >= 10) return undefined
    if (code >= 0xd800 && code <= 0xdfff) {
      throw new EntityParseError(
        "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units",
      )
    }
  } else {
    while (end < source.length && /[A-Za-z]/.test(source[end] as string)) end++
    const named = NAMED.get(source.slice(at + 1, end))
    if (named === undefined) return undefined
    code = named.codePointAt(0) as number
  }
  if (source[end] === ";") end++
  else if (strict) return undefined
  return { char: String.fromCodePoint(code), end }
}
