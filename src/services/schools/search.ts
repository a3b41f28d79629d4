import { parseSchoolLogin } from "../../domain/schools.ts"
import type { ServiceDeps } from "../deps.ts"

/** A school as a picker shows it (JSON-safe). */
export interface SchoolChoice {
  id: number
  label: string
  municipalityId: number | null
}

/**
 * Finds schools of the directory by what a parent would type: a FIS OKO login, a number («5», «школа № 5»)
 * or words of the name («гимназия 79»). Every number must appear as a whole number in the name and every word
 * as a prefix-matched part of it, so «5» does not find «15». At most `limit` results, by name.
 */
export async function searchSchools(
  deps: Pick<ServiceDeps, "prisma">,
  query: string,
  options: { limit?: number; municipalityIds?: number[] } = {},
): Promise<SchoolChoice[]> {
  const limit = options.limit ?? 8
  const inMunicipalities = options.municipalityIds ? { municipalityId: { in: options.municipalityIds } } : {}
  const login = parseSchoolLogin(query)
  const select = { id: true, name: true, login: true, municipalityId: true, municipality: { select: { name: true } } } as const
  if (login) {
    const school = await deps.prisma.school.findFirst({ where: { key: login.key, ...inMunicipalities }, select })
    return school ? [choice(school)] : []
  }
  const { numbers, words } = searchTerms(query)
  if (numbers.length === 0 && words.length === 0) return []
  const candidates = await deps.prisma.school.findMany({
    where: { ...inMunicipalities, name: { not: null }, AND: words.map((word) => ({ name: { contains: word, mode: "insensitive" as const } })) },
    select,
    orderBy: { name: "asc" },
    take: 2000,
  })
  return candidates
    .filter((school) => numbers.every((number) => new RegExp(`(^|\\D)${number}(\\D|$)`).test(school.name ?? "")))
    .slice(0, limit)
    .map(choice)
}

const STOP_WORDS = new Set(["школа", "школу", "школы", "номер", "мбоу", "моу", "гбоу", "кгбоу", "маоу", "сош", "оош", "нош", "no"])

/** Numbers, and word stems (a Russian ending cut off: «гимназии» → «гимназ»), without words every school name has. */
export function searchTerms(query: string): { numbers: string[]; words: string[] } {
  const cleaned = query.toLowerCase().replace(/ё/g, "е").replace(/[«»"'№#.,;:()]/g, " ")
  const numbers = cleaned.match(/\d+/g)?.map((number) => String(Number(number))) ?? []
  const words = (cleaned.match(/[a-zа-я-]+/g) ?? [])
    .filter((word) => word.length >= 3 && !STOP_WORDS.has(word))
    .map((word) => (word.length >= 5 ? word.slice(0, Math.max(4, word.length - 2)) : word))
  return { numbers, words }
}

function choice(school: { id: number; name: string | null; login: string; municipalityId: number | null; municipality: { name: string } | null }): SchoolChoice {
  const name = school.name ?? school.login
  return { id: school.id, label: school.municipality ? `${name} (${school.municipality.name})` : name, municipalityId: school.municipalityId }
}

/** One school's label, or null when it is not in the directory. */
export async function schoolLabel(deps: Pick<ServiceDeps, "prisma">, schoolId: number): Promise<SchoolChoice | null> {
  const school = await deps.prisma.school.findUnique({
    where: { id: schoolId },
    select: { id: true, name: true, login: true, municipalityId: true, municipality: { select: { name: true } } },
  })
  return school ? choice(school) : null
}
