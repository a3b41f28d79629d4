/**
 * Ranks FAQ entries for a question, given the stemmed lexemes of both (PostgreSQL's `russian` configuration makes
 * them, so «результатов» and «результаты» are one lexeme). A plain AND of all words would almost never match a
 * parent's whole sentence, and a plain OR would match everything through «ВПР»; so each matched lexeme counts
 * by how rare it is in the FAQ (inverse document frequency), twice when it is in the entry's question.
 *
 * The Snowball stemmer leaves some forms of one word apart («известен» → «извест», «известны» → «известн»);
 * two lexemes of five letters or more where one begins the other count as the same word.
 */

export interface FaqDocument {
  id: number
  /** Lexemes of the question and of the answer. */
  question: string[]
  answer: string[]
}

export interface FaqHit {
  id: number
  score: number
}

/** A lexeme found in more than this share of entries says nothing about which entry fits. */
const COMMON_SHARE = 0.4
const PREFIX_MIN = 5

/**
 * Stems of what parents write around a question — greetings, thanks, «подскажите», «хочу узнать» — which the
 * `russian` configuration keeps and which would otherwise match an entry that happens to say «день» or «помочь».
 */
const CONVERSATIONAL = new Set([
  "добр", "ден", "дня", "здравств", "здравствова", "привет", "спасиб", "пожалуйст", "подскаж", "подскажит", "скаж",
  "скажит", "вопрос", "хотел", "хоч", "хочет", "узна", "узнат", "помог", "помогит", "интересова", "интерес", "уважа",
])

/** Small numbers in a parent's question are marks or grades («поставили 2», «в 4 классе»): they say little about the topic. */
const SMALL_NUMBER = /^\d{1,2}$/

function sameWord(a: string, b: string): boolean {
  if (a === b) return true
  if (a.length < PREFIX_MIN || b.length < PREFIX_MIN) return false
  return a.startsWith(b) || b.startsWith(a)
}

function contains(lexemes: readonly string[], lexeme: string): boolean {
  return lexemes.some((candidate) => sameWord(candidate, lexeme))
}

export function rankFaq(queryLexemes: readonly string[], documents: readonly FaqDocument[]): FaqHit[] {
  const total = documents.length
  if (total === 0) return []
  const query = [...new Set(queryLexemes)].filter((lexeme) => !CONVERSATIONAL.has(lexeme) && !SMALL_NUMBER.test(lexeme))
  const frequency = new Map(query.map((lexeme) => [lexeme, documents.filter((doc) => contains(doc.question, lexeme) || contains(doc.answer, lexeme)).length]))
  // In a small FAQ every lexeme is "common": then rarity cannot be judged and every lexeme counts.
  const informative = query.filter((lexeme) => {
    const count = frequency.get(lexeme)!
    return count > 0 && (total < 5 || count / total <= COMMON_SHARE)
  })
  const hits: FaqHit[] = []
  for (const doc of documents) {
    let score = 0
    let inQuestion = 0
    let matched = 0
    for (const lexeme of informative) {
      const weight = Math.log(1 + total / frequency.get(lexeme)!)
      if (contains(doc.question, lexeme)) {
        score += 2 * weight
        inQuestion++
        matched++
      } else if (contains(doc.answer, lexeme)) {
        score += weight
        matched++
      }
    }
    // One rare word in the answer alone is chance; a word of the question, or two words, is a match.
    if (inQuestion >= 1 || matched >= 2) hits.push({ id: doc.id, score })
  }
  return hits.sort((a, b) => b.score - a.score || a.id - b.id)
}
