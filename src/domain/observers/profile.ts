/** What an observer tells about themselves, checked before anything is stored. */

/** «Иванова Мария Петровна»: two to four words of letters, hyphens and apostrophes. */
export function normaliseFullName(text: string): string | null {
  const name = text.trim().replace(/\s+/g, " ")
  if (name.length < 3 || name.length > 100) return null
  const words = name.split(" ")
  if (words.length < 2 || words.length > 4) return null
  return words.every((word) => /^[\p{L}][\p{L}'’-]*$/u.test(word)) ? name : null
}

/** A phone from Telegram's contact card (digits, maybe a leading +) in one form: `+79001234567`. */
export function normalisePhone(text: string): string | null {
  const digits = text.replace(/[^\d]/g, "")
  if (digits.length < 10 || digits.length > 15) return null
  // Russian numbers come as 8XXXXXXXXXX from some clients.
  if (digits.length === 11 && digits.startsWith("8")) return `+7${digits.slice(1)}`
  return `+${digits}`
}

/** The version of the consent text (locales: `observers-consent-text`); stored with the consent. */
export const CONSENT_VERSION = "2026-1"
