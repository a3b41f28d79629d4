/**
 * Municipality names as people type them (issue 11 #2): «г. Новоалтайск», «Новоалтайск», «город Новоалтайск»,
 * «НОВОАЛТАЙСК», «Новоалтайск» with ё or е are one municipality. Pure text rules.
 */

/** «г.», «г», «гор.», «город» as a separate leading word; «городской округ» stays (it is part of some names). */
const CITY_PREFIX = /^(?:г\.?|гор\.?|город)\s+/u
const QUOTES = /["«»„“”']/gu

/** The name's identity: lower case, ё → е, quotes and the city prefix dropped, whitespace and dashes collapsed. */
export function municipalityNameKey(name: string): string {
  let key = name.toLowerCase().replace(/ё/gu, "е").replace(QUOTES, " ").replace(/\s*[-‐–—]\s*/gu, "-")
  key = key.replace(/[\s\u00a0]+/gu, " ").trim()
  key = key.replace(/^г\.(?=\S)/u, "г. ") // «г.Новоалтайск»
  return key.replace(CITY_PREFIX, "").trim()
}

/** Levenshtein distance, for the "did you mean" of a name that is not in the directory. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length]!
}

/**
 * Names of the directory close to a name typed: a typo or two away (more for long names), or one containing the
 * other as a word («Новоалтайск» ~ «город Новоалтайск городской округ»). Closest first, at most `limit`.
 */
export function similarMunicipalityNames(typed: string, names: readonly string[], limit = 3): string[] {
  const key = municipalityNameKey(typed)
  if (key === "") return []
  const allowed = key.length <= 6 ? 1 : key.length <= 12 ? 2 : 3
  const scored: { name: string; score: number }[] = []
  for (const name of names) {
    const other = municipalityNameKey(name)
    const contains = other.split(" ").includes(key) || key.split(" ").includes(other)
    const score = contains ? 0 : distance(key, other)
    if (score <= allowed) scored.push({ name, score })
  }
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name, "ru")).slice(0, limit).map((found) => found.name)
}
