import { readFileSync } from "node:fs"
import { inject } from "vitest"
import { setInMemoryTemplate } from "../../src/db/template.ts"

// Every in-memory PGlite this test file opens (test databases, e2e apps, in-process CLI runs) starts from the
// migrated template built by global-setup.ts instead of running initdb again.
const template = inject("pgliteTemplate")
if (template) setInMemoryTemplate(() => new Blob([readFileSync(template)]))
