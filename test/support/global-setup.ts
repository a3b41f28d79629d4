import type { TestProject } from "vitest/node"
import { ensureTemplate } from "../../src/db/pglite-template.ts"

/** Once per run, before any test file: the migrated PGlite template every in-memory test database starts from. */
export default async function setup(project: TestProject): Promise<void> {
  project.provide("pgliteTemplate", await ensureTemplate())
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string | null
  }
}
