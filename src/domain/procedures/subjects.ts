/**
 * Subject names as people and FIS OKO write them: «Русский язык», «по русскому языку», «Русскому языку»
 * (a real file name in the dative), «МАТЕМАТИКА». One canonical spelling per subject.
 */

/** Word stems in the order they are tried; each maps to the canonical subject name. */
const SUBJECT_STEMS: readonly (readonly [stem: string, subject: string])[] = [
  ["окружающ", "Окружающий мир"],
  ["обществозн", "Обществознание"],
  ["литератур", "Литература"],
  ["русск", "Русский язык"],
  ["математ", "Математика"],
  ["алгебр", "Алгебра"],
  ["геометр", "Геометрия"],
  ["истори", "История"],
  ["биолог", "Биология"],
  ["географ", "География"],
  ["физик", "Физика"],
  ["хими", "Химия"],
  ["информатик", "Информатика"],
  ["английск", "Английский язык"],
  ["немецк", "Немецкий язык"],
  ["французск", "Французский язык"],
  ["испанск", "Испанский язык"],
  ["китайск", "Китайский язык"],
]

/** Every canonical subject name this module knows. */
export const KNOWN_SUBJECTS: readonly string[] = SUBJECT_STEMS.map(([, subject]) => subject)

/**
 * The canonical subject named somewhere in `text` («Проведение работы по математике, 4 класс» → «Математика»),
 * or null when none is recognised. A stem must start a word, so «участниках» never reads as a subject.
 */
export function normaliseSubject(text: string): string | null {
  const words = text.toLowerCase().replace(/ё/gu, "е").split(/[^а-яa-z]+/u)
  for (const [stem, subject] of SUBJECT_STEMS) {
    if (words.some((word) => word.startsWith(stem))) return subject
  }
  return null
}

/** Whether two subject spellings name the same subject. */
export function sameSubject(a: string, b: string): boolean {
  const canonicalA = normaliseSubject(a) ?? a.trim().toLowerCase()
  const canonicalB = normaliseSubject(b) ?? b.trim().toLowerCase()
  return canonicalA === canonicalB
}

/** Grade-11 foreign-language tests have variants 3–6 besides 1 and 2 (formats.md §2.2). */
export function isForeignLanguage(subject: string): boolean {
  const canonical = normaliseSubject(subject)
  return canonical !== null && canonical.endsWith(" язык") && canonical !== "Русский язык"
}
