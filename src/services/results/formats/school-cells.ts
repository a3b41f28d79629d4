/** School logins, names and municipalities as the result files write them. */
import { parseSchoolLogin, type SchoolLogin } from "../../../domain/schools.ts"

const loginMemo = new Map<string, SchoolLogin | null>()

/** `edu223379`, `sch223379`, or a text that holds one in brackets (`МБОУ … (edu223379)`, layout E). */
export function loginOf(text: string): SchoolLogin | null {
  const known = loginMemo.get(text)
  if (known !== undefined) return known
  const login = parseSchoolLogin(text) ?? parseSchoolLogin(/(?:edu|sch|ksh|spo)\d{6}/iu.exec(text)?.[0] ?? "")
  if (loginMemo.size < 20_000) loginMemo.set(text, login)
  return login
}

/** `edu223379 | МКОУ "…"` → `МКОУ "…"`; `reg22_m019 | Красногорский …` → code and name. */
export function splitPiped(text: string): { code: string | null; name: string } {
  const bar = text.indexOf("|")
  if (bar < 0) return { code: null, name: text.trim() }
  return { code: text.slice(0, bar).trim(), name: text.slice(bar + 1).trim() }
}
