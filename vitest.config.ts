import { availableParallelism } from "node:os"
import { defineConfig } from "vitest/config"

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Builds the migrated PGlite template once per run; every new test database loads it instead of running initdb.
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // vitest's default for a run is one worker less than the cores: ONE worker on 2 cores, every file in series while
    // much of the suite waits (child processes, LibreOffice, the fake Bot API, timers). Two workers overlap the waits.
    maxWorkers: Math.max(2, availableParallelism()),
    // Test files in one worker share loaded modules (Prisma client, exceljs, echarts, grammY): on 2 cores this halves
    // the run. Every test file still opens its own databases and bot; nothing may rely on module state between files.
    isolate: false,
    // Transformed test and source files are kept on disk between runs (node_modules/.experimental-vitest-cache, keyed
    // by content and config; npm ci starts it afresh), so a rerun does not transform the ~500 TypeScript files again.
    experimental: { fsModuleCache: true },
    // The JSON report lets .ci/run print the plain "N passed, N failed" closing line.
    reporters: ["default", "json"],
    outputFile: { json: "./test-results.json" },
  },
})
