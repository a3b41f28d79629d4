import { readdirSync, readFileSync } from "node:fs"
import path from "node:path"

/** Every import of the TypeScript files under a folder: the graph the layer rules are checked on. */
export interface ImportEdge {
  from: string
  /** The specifier as written. */
  specifier: string
  /** A path relative to the project root for a relative import, else null (a package or a node: builtin). */
  to: string | null
  /** `import type` — erased at run time, so it cannot form a cycle at load time, but still shows a dependency. */
  typeOnly: boolean
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?(?:[\s\S]*?\sfrom\s+)?["']([^"']+)["']/gm
/** `import("…")` in code: a module loaded lazily is still a dependency (`typeof import("…")` is a type and is left out). */
const DYNAMIC_IMPORT = /(?<!typeof\s+)\bimport\(\s*["']([^"']+)["']\s*\)/g

export function sourceFiles(root: string, folder: string): string[] {
  const found: string[] = []
  const walk = (relative: string) => {
    for (const entry of readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== "generated" && entry.name !== "node_modules") walk(child)
      } else if (entry.name.endsWith(".ts")) found.push(child)
    }
  }
  walk(folder)
  return found.sort()
}

export function importsOf(root: string, file: string, text: string = readFileSync(path.join(root, file), "utf8")): ImportEdge[] {
  const edge = (specifier: string, typeOnly: boolean): ImportEdge => {
    const to = specifier.startsWith(".") ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier)) : null
    return { from: file, specifier, to, typeOnly }
  }
  return [
    ...[...text.matchAll(IMPORT)].map((match) => edge(match[3]!, Boolean(match[2]))),
    ...[...text.matchAll(DYNAMIC_IMPORT)].map((match) => edge(match[1]!, false)),
  ]
}

/** Cycles among value imports (type-only imports are erased and excluded), each as the files around it. */
export function findCycles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>()
  for (const edge of edges) {
    if (edge.typeOnly || !edge.to) continue
    next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to])
  }
  const cycles: string[][] = []
  const state = new Map<string, "open" | "done">()
  const stack: string[] = []
  const visit = (file: string) => {
    state.set(file, "open")
    stack.push(file)
    for (const target of next.get(file) ?? []) {
      const seen = state.get(target)
      if (seen === "open") cycles.push([...stack.slice(stack.indexOf(target)), target])
      else if (!seen) visit(target)
    }
    stack.pop()
    state.set(file, "done")
  }
  for (const file of next.keys()) if (!state.has(file)) visit(file)
  return cycles
}
