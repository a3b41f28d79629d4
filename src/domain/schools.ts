/** FIS OKO school logins: `edu223379`, `sch223379`, `ksh…`, `spo…` — the six digits are stable across years. */
const LOGIN = /^\s*(edu|sch|ksh|spo)?\s*(\d{6})\s*$/i

export interface SchoolLogin {
  /** The six digits: the school's key in our database. */
  key: string
  /** The login as written, lower-cased (`edu223379`), or the bare key when no prefix was given. */
  login: string
}

export function parseSchoolLogin(text: string): SchoolLogin | null {
  const match = LOGIN.exec(text)
  if (!match) return null
  const prefix = (match[1] ?? "").toLowerCase()
  return { key: match[2]!, login: `${prefix}${match[2]}` }
}
