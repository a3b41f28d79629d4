/**
 * The municipality directory as names arrive from files and from people: «г. Новоалтайск», «город Новоалтайск» and
 * «Новоалтайск» are one municipality (domain/municipality-name.ts), a FIS OKO code beats any name.
 */
import { municipalityNameKey } from "../../domain/municipality-name.ts"
import type { ServiceDeps } from "../deps.ts"

type Db = Pick<ServiceDeps["prisma"], "municipality">

export interface MunicipalityRow {
  id: number
  name: string
  code: string | null
}

/** The directory's municipality a name (or FIS OKO code) means, if any. */
export function matchMunicipality(directory: readonly MunicipalityRow[], name: string, code?: string | null): MunicipalityRow | undefined {
  if (code) {
    const byCode = directory.find((found) => found.code === code)
    if (byCode) return byCode
  }
  const key = municipalityNameKey(name)
  if (key === "") return undefined
  return directory.find((found) => found.code === name.trim() || municipalityNameKey(found.name) === key)
}

/** A name as it is stored when it is new: the file's or the typist's words, spaces collapsed. */
export function storedMunicipalityName(name: string): string {
  return name.replace(/[\s\u00a0]+/gu, " ").trim()
}

/**
 * The ids of the municipalities a file names, creating those the directory does not know: a FIS OKO export is the
 * authority on its municipalities. Keyed by the name's identity (municipalityNameKey), so two spellings share one id.
 * The new ones are created in one statement (a first regional export names 70; one insert each was 0.1–0.2 s).
 */
export async function ensureMunicipalities(db: Db, named: readonly { name: string; code?: string | undefined }[]): Promise<Map<string, number>> {
  const directory: MunicipalityRow[] = await db.municipality.findMany({ select: { id: true, name: true, code: true } })
  const rows = new Map<string, MunicipalityRow>()
  const fresh: MunicipalityRow[] = []
  for (const { name, code } of named) {
    const key = municipalityNameKey(name)
    if (key === "" || rows.has(key)) continue
    let row = matchMunicipality(directory, name, code)
    if (row && code && row.code === null && !directory.some((found) => found.code === code)) {
      // A name typed by an admin meets the file's FIS OKO code: the code is learnt once.
      row.code = (await db.municipality.update({ where: { id: row.id }, data: { code }, select: { code: true } })).code
    }
    if (!row) {
      const codeFree = code && !directory.some((found) => found.code === code) ? code : null
      // In the directory at once (its id comes with the insert below), so a later spelling or code finds it.
      row = { id: 0, name: storedMunicipalityName(name), code: codeFree }
      directory.push(row)
      fresh.push(row)
    }
    rows.set(key, row)
  }
  if (fresh.length > 0) {
    const created = await db.municipality.createManyAndReturn({ data: fresh.map(({ name, code }) => ({ name, code })), select: { id: true, name: true } })
    const idOf = new Map(created.map((row) => [row.name, row.id]))
    for (const row of fresh) row.id = idOf.get(row.name)!
  }
  return new Map([...rows].map(([key, row]) => [key, row.id]))
}
