/**
 * Splits a long text into parts Telegram accepts (4096 characters a message), at the best boundary available:
 * a blank line, then a line break, then a space; a word longer than a whole part is cut. A surrogate pair is
 * never cut in half. Lengths are UTF-16 units (String#length), which is never less than what Telegram counts.
 */
export function splitText(text: string, limit = 4096): string[] {
  if (limit < 2) throw new Error("limit must be at least 2")
  const parts: string[] = []
  let rest = text
  while (rest.length > limit) {
    const cut = bestCut(rest, limit)
    const part = rest.slice(0, cut).trimEnd()
    if (part) parts.push(part)
    rest = rest.slice(cut).trimStart()
  }
  if (rest.trim() || parts.length === 0) parts.push(rest)
  return parts
}

function bestCut(text: string, limit: number): number {
  const window = text.slice(0, limit + 1)
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator)
    // A boundary in the first half would make many tiny parts of a text with few breaks: cut harder instead.
    if (at >= limit / 2) return at
  }
  const code = text.charCodeAt(limit - 1)
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit
}
