/**
 * Ranks FAQ entries for a question, given the stemmed lexemes of both (PostgreSQL's `russian` configuration makes
 * them, so «результатов» and «результаты» are one lexeme). A plain AND of all words would almost never match a
 * parent's whole sentence, and a plain OR would match everything through «ВПР»; so each matched lexeme counts
 * by how rare it is in the FAQ (inverse document frequency), twice when it is in the entry's question.
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

export function rankFaq(queryLexemes: readonly string[], documents: readonly FaqDocument[]): FaqHit[] {
  const total = documents.length
  if (total === 0) return []
  const query = [...new Set(queryLexemes)]
  const sets = documents.map((document) => ({ id: document.id, question: new Set(document.question), answer: new Set(document.answer) }))
  const frequency = new Map(query.map((lexeme) => [lexeme, sets.filter((set) => set.question.has(lexeme) || set.answer.has(lexeme)).length]))
  // In a small FAQ every lexeme is "common": then rarity cannot be judged and every lexeme counts.
  const informative = query.filter((lexeme) => {
    const count = frequency.get(lexeme)!
    return count > 0 && (total < 5 || count / total <= COMMON_SHARE)
  })
  const hits: FaqHit[] = []
  for (const set of sets) {
    let score = 0
    let inQuestion = 0
    let matched = 0
    for (const lexeme of informative) {
      const weight = Math.log(1 + total / frequency.get(lexeme)!)
      if (set.question.has(lexeme)) {
        score += 2 * weight
        inQuestion++
        matched++
      } else if (set.answer.has(lexeme)) {
        score += weight
        matched++
      }
    }
    // One rare word in the answer alone is chance; a word of the question, or two words, is a match.
    if (inQuestion >= 1 || matched >= 2) hits.push({ id: set.id, score })
  }
  return hits.sort((a, b) => b.score - a.score || a.id - b.id)
}
