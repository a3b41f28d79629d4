/**
 * Results must carry participant codes, never names. These checks spot a names column by its header
 * (ФИО, Фамилия, Имя, Отчество) or by its values («Иванов Иван», «Иванова А.С.»).
 */

const WORD = "[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?"
const FULL_NAME = new RegExp(`^${WORD}\\s+${WORD}(?:\\s+${WORD})?$`, "u")
const SURNAME_INITIALS = new RegExp(`^${WORD}\\s+[А-ЯЁ]\\.\\s?(?:[А-ЯЁ]\\.?)?$`, "u")
const INITIALS_SURNAME = new RegExp(`^[А-ЯЁ]\\.\\s?(?:[А-ЯЁ]\\.\\s?)?${WORD}$`, "u")
/** Two capitalised words that are places or institutions, not people: «Город Бийск», «Школа Лицей». */
const NOT_A_PERSON = /^(город|село|поселок|посёлок|район|край|область|школа|лицей|гимназия|филиал|класс|вариант|нет)\s/iu

export function looksLikePersonName(text: string): boolean {
  const value = text.trim()
  if (value.length < 4 || value.length > 60 || NOT_A_PERSON.test(value)) return false
  return FULL_NAME.test(value) || SURNAME_INITIALS.test(value) || INITIALS_SURNAME.test(value)
}

const NAME_HEADER = /(^|[^а-яё])(фио|ф\.\s?и\.\s?о\.?|фамилия|имя|отчество)([^а-яё]|$)/iu

/** Whether a (normalised) column header announces names. */
export function isNameHeader(header: string): boolean {
  return NAME_HEADER.test(header)
}

/** Counts name-like values of one column; decides once enough values are seen. */
export class NameSampler {
  private nonEmpty = 0
  private nameLike = 0

  add(text: string): void {
    if (text === "") return
    this.nonEmpty++
    if (looksLikePersonName(text)) this.nameLike++
  }

  get sampled(): number {
    return this.nonEmpty
  }

  /** At least half of the values look like names (and two of them, unless the column holds one value). */
  get isNames(): boolean {
    return this.nameLike >= Math.min(2, this.nonEmpty) && this.nameLike > 0 && this.nameLike * 2 >= this.nonEmpty
  }
}
