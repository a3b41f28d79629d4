import { describe, expect, it } from "vitest"
import { parseHtml } from "../../support/fake-telegram/index.ts"

/** Telegram's own behaviour: the cases below come from tdlib's test/message_entities.cpp (parse_html). */
const telegram = (html: string) => parseHtml(html, { strictEscaping: false })

function errorOf(parse: () => unknown): string {
  try {
    parse()
  } catch (error) {
    return (error as Error).message.replace(/^can't parse entities: /, "")
  }
  throw new Error("expected a parse error")
}

describe("parseHtml as Telegram (tdlib reference cases)", () => {
  it.each([
    ["🏟 🏟&lt;<abacaba", "Unclosed start tag at byte offset 13"],
    ["🏟 🏟&lt;<abac aba>", 'Unsupported start tag "abac" at byte offset 13'],
    ["🏟 🏟&lt;<i   =aba>", 'Empty attribute name in the tag "i" at byte offset 13'],
    ["🏟 🏟&lt;<i    aba>", `Can't find end tag corresponding to start tag "i"`],
    ["🏟 🏟&lt;<i    aba  =  ", 'Unclosed start tag "i" at byte offset 13'],
    ["🏟 🏟&lt;<i    aba  =  190azAz-.,", "Unexpected end of name token at byte offset 27"],
    ['🏟 🏟&lt;<i    aba  =  "&lt;&gt;&quot;>', "Unclosed start tag at byte offset 13"],
    ["🏟 🏟&lt;</", "Unexpected end tag at byte offset 13"],
    ["🏟 🏟&lt;<b></b></", "Unexpected end tag at byte offset 20"],
    ["🏟 🏟&lt;<i>a</i   ", "Unclosed end tag at byte offset 17"],
    ["🏟 🏟&lt;<i>a</em   >", 'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'],
    ["&#57311;", "Text contains invalid Unicode characters after decoding HTML entities, check for unmatched surrogate code units"],
    ["<b><i>test</b></i>", 'Unmatched end tag at byte offset 10, expected "</i>", found "</b>"'],
    ["a < b", 'Unsupported start tag "" at byte offset 2'],
    ['<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'],
  ])("refuses %j", (html, reason) => {
    expect(errorOf(() => telegram(html))).toBe(reason)
  })

  it("decodes entities like Telegram, keeping unknown ones literally", () => {
    expect(telegram("&ge;&lt;&gt;&amp;&quot;&laquo;&#12345678;").text).toBe('&ge;<>&"&laquo;&#12345678;')
    expect(telegram("🏟 🏟<i>🏟 &lt🏟</i>")).toEqual({ text: "🏟 🏟🏟 <🏟", entities: [{ type: "italic", offset: 5, length: 6 }] })
  })

  it("measures entities in UTF-16 code units and accepts the short end tag", () => {
    expect(telegram("🏟 🏟&lt;<i>🏟 🏟&lt;</>")).toEqual({
      text: "🏟 🏟<🏟 🏟<",
      entities: [{ type: "italic", offset: 6, length: 6 }],
    })
  })

  it("maps every supported tag to its entity", () => {
    const parsed = telegram(
      '<b>1</b><strong>2</strong><i>3</i><em>4</em><u>5</u><ins>6</ins><s>7</s><strike>8</strike><del>9</del>' +
        '<tg-spoiler>a</tg-spoiler><span class="tg-spoiler">b</span><code>c</code><a href="https://t.me/x">d</a>' +
        '<blockquote>e</blockquote><blockquote expandable>f</blockquote><tg-emoji emoji-id="5368324170671202286">g</tg-emoji>',
    )
    expect(parsed.text).toBe("123456789abcdefg")
    expect(parsed.entities.map((entity) => entity.type)).toEqual([
      "bold", "bold", "italic", "italic", "underline", "underline", "strikethrough", "strikethrough", "strikethrough",
      "spoiler", "spoiler", "code", "text_link", "blockquote", "expandable_blockquote", "custom_emoji",
    ])
  })

  it("turns <pre><code class=language-x> into one pre entity with a language", () => {
    expect(telegram('<pre><code class="language-python">print(1)</code></pre>').entities).toEqual([
      { type: "pre", offset: 0, length: 8, language: "python" },
    ])
  })

  it("gives a scheme-less link http:// and drops a link that is no URL", () => {
    expect(telegram("<a href=telegram.org>x</a>").entities).toEqual([
      { type: "text_link", offset: 0, length: 1, url: "http://telegram.org/" },
    ])
    expect(telegram("<a>telegram.org </a>").entities).toEqual([])
  })
})

describe("parseHtml strict escaping (the fake's default)", () => {
  it("refuses a bare & or > that Telegram would show literally", () => {
    expect(errorOf(() => parseHtml("R&D"))).toMatch(/^Character entity expected at byte offset 1/)
    expect(errorOf(() => parseHtml("&laquo;"))).toMatch(/^Character entity expected at byte offset 0/)
    expect(errorOf(() => parseHtml("5 > 3"))).toMatch(/^Unescaped ">" at byte offset 2/)
    expect(errorOf(() => parseHtml("&lt без точки с запятой"))).toMatch(/^Character entity expected/)
  })

  it("accepts properly escaped text", () => {
    expect(parseHtml("R&amp;D &lt;5&gt; &#171;&#x41;&quot;").text).toBe('R&D <5> «A"')
  })
})
