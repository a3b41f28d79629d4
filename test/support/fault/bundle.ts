import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs"
import { createRequire } from "node:module"
import path from "node:path"
import { pathToFileURL } from "node:url"

/**
 * bot-process.ts as one plain ES module, built once per test file that spawns it. A `node --import tsx` start
 * transforms and resolves the whole app through tsx's loader: ~9–10 s of CPU per cold start on the CI machine,
 * against ~6 s for `node bundle.mjs` (`npm run bench -- cold-start` prints both). The process boundary stays.
 *
 * Only our own TypeScript is bundled; every package stays external (Prisma's engine, PGlite's wasm and data files,
 * the dejavu fonts are found by path inside their packages) and resolves from the project's node_modules, which is
 * why the bundle is written under node_modules/.cache.
 */
export async function bundleBotProcess(): Promise<string> {
  // esbuild comes with tsx (the test runner's TypeScript loader); resolved through it, not declared twice.
  const fromTsx = createRequire(createRequire(import.meta.url).resolve("tsx/package.json"))
  const esbuild: typeof import("esbuild") = await import(pathToFileURL(fromTsx.resolve("esbuild")).href)
  const entry = path.resolve(import.meta.dirname, "bot-process.ts")
  const outDir = path.resolve(import.meta.dirname, "../../../node_modules/.cache/objektiv")
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    outfile: path.join(outDir, "bot-process.mjs"),
    plugins: [sourceLocations],
    logLevel: "silent",
  })
  // Written whole, then renamed: two runs in one checkout never spawn a half-written file.
  mkdirSync(outDir, { recursive: true })
  const file = path.join(outDir, "bot-process.mjs")
  const partial = `${file}.${process.pid}.part`
  writeFileSync(partial, result.outputFiles[0]!.contents)
  renameSync(partial, file)
  return file
}

/**
 * Modules find their neighbours (locales/, prisma/migrations, the template cache) from `import.meta.dirname`;
 * in one bundle they would all see the bundle's folder. Each source file keeps its own location instead.
 */
const sourceLocations: import("esbuild").Plugin = {
  name: "source-locations",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => ({
      contents: readFileSync(args.path, "utf8")
        .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(args.path)))
        .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(args.path).href)),
      loader: "ts",
    }))
  },
}
