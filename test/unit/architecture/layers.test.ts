import path from "node:path"
import { describe, expect, it } from "vitest"
import { findCycles, importsOf, sourceFiles, type ImportEdge } from "../../support/import-graph.ts"

/**
 * The layer rules of DESIGN.md §1, checked on every import in src/: a wrong import fails `npm test`.
 * domain/ is pure; services/ know nothing of Telegram or of bot/; bot/ reaches the database only through services.
 */
const root = path.resolve(import.meta.dirname, "../../..")
const edges = sourceFiles(root, "src").flatMap((file) => importsOf(root, file))

const TELEGRAM = /^(grammy|@grammyjs\/)/
const DATABASE = (edge: ImportEdge) => /^@prisma\/|^pg$|^@electric-sql\/|^pglite-prisma-adapter$/.test(edge.specifier) || /^src\/(db|generated)\//.test(edge.to ?? "")

export function layerViolations(all: readonly ImportEdge[]): string[] {
  const broken: string[] = []
  const report = (edge: ImportEdge, rule: string) => broken.push(`${edge.from} imports ${edge.specifier}: ${rule}`)
  for (const edge of all) {
    if (edge.from.startsWith("src/domain/")) {
      const pureImport = edge.to ? edge.to.startsWith("src/domain/") : edge.specifier === "simple-statistics"
      if (!pureImport) report(edge, "domain/ imports nothing outside domain/")
    }
    if (edge.from.startsWith("src/services/")) {
      if (TELEGRAM.test(edge.specifier)) report(edge, "services/ know nothing of Telegram")
      if (edge.to?.startsWith("src/bot/")) report(edge, "services/ import nothing from bot/")
    }
    if (edge.from.startsWith("src/bot/") && DATABASE(edge)) report(edge, "bot/ reaches the database only through services")
    if (edge.from === "src/cli.ts" && (DATABASE(edge) || edge.to === "src/services/deps.ts")) report(edge, "the CLI goes through services")
  }
  return broken
}

/** The service folder a file belongs to (`src/services/<folder>/…`); null for the surface files beside them. */
function serviceFolder(file: string): string | null {
  return /^src\/services\/([^/]+)\//.exec(file)?.[1] ?? null
}

/**
 * Cycles between service folders, type imports included: folder A may use folder B, or B use A, never both — so
 * each folder can be read and changed knowing only the ones below it. Each cycle as the folders around it.
 */
export function serviceFolderCycles(all: readonly ImportEdge[]): string[][] {
  const next = new Map<string, Set<string>>()
  for (const edge of all) {
    const from = serviceFolder(edge.from)
    const to = edge.to ? serviceFolder(edge.to) : null
    if (from && to && from !== to) next.set(from, (next.get(from) ?? new Set()).add(to))
  }
  const folderEdges = [...next].flatMap(([from, targets]) => [...targets].map((to): ImportEdge => ({ from, to, specifier: to, typeOnly: false })))
  return findCycles(folderEdges)
}

describe("layers", () => {
  it("hold in src/", () => {
    expect(layerViolations(edges)).toEqual([])
  })

  it("has no import cycles", () => {
    expect(findCycles(edges).map((cycle) => cycle.join(" → "))).toEqual([])
  })

  it("has service folders that depend one way (src/services/<folder> → <folder>, type imports included)", () => {
    expect(serviceFolderCycles(edges).map((cycle) => cycle.join(" → "))).toEqual([])
  })

  it("catches a wrong import (the rules can fail)", () => {
    const wrong = [
      ...importsOf(root, "src/domain/fake.ts", 'import { x } from "../services/deps.ts"'),
      ...importsOf(root, "src/services/fake.ts", 'import { Bot } from "grammy"\nimport { y } from "../bot/context.ts"'),
      ...importsOf(root, "src/bot/fake.ts", 'import type { PrismaClient } from "../db/client.ts"'),
      // Loaded lazily is still imported.
      ...importsOf(root, "src/cli.ts", 'const open = () => import("./db/client.ts")'),
    ]
    expect(layerViolations(wrong)).toHaveLength(5)
    const cycle = [...importsOf(root, "src/a.ts", 'import "./b.ts"'), ...importsOf(root, "src/b.ts", 'export { a } from "./a.ts"')]
    expect(findCycles(cycle)).toEqual([["src/a.ts", "src/b.ts", "src/a.ts"]])
    // A type import back from results to analysis closes a loop of folders, though it is erased at run time.
    const backEdge = importsOf(root, "src/services/results/fake.ts", 'import type { ProcedureResults } from "../analysis/types.ts"')
    expect(serviceFolderCycles([...edges, ...backEdge]).map((found) => found.join(" → "))).toContain("analysis → results → analysis")
  })
})
