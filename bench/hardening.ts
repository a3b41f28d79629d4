/**
 * Hardening (issue 9): what hostile or merely huge files cost before they are refused or read.
 * - crafted zip bombs (declared sizes patched to the compressed ones, so only what actually inflates can tell):
 *   time from the bytes to the refusal and peak − idle RSS;
 *
 *   npx tsx bench/hardening.ts
 */
import { pathToFileURL } from "node:url"
import { findSpec } from "../src/domain/procedures/index.ts"
import { parseResults } from "../src/services/results/formats/parse.ts"
import { deflateBomb, rebuildZip } from "../test/support/fixtures/crafted-zips.ts"
import { collectionForm } from "../test/support/fixtures/workbooks.ts"
import { mb, ms, row, timed, withPeakRss } from "./support.ts"

const spec = findSpec({ kind: "ВПР", year: 2022, subject: "Математика", grade: 4 })!

async function bombs(): Promise<void> {
  const form = await collectionForm({ spec, rows: [{ code: 40001, variant: 1, scores: [1, 0, 2] }] })
  const cases: { label: string; bytes: Buffer }[] = [
    { label: "shared strings → 2 GB", bytes: rebuildZip(form, { replace: { "xl/sharedStrings.xml": deflateBomb(2048) } }) },
    { label: "sheet → 4 GB, local header only", bytes: rebuildZip(form, { extra: [{ name: "xl/worksheets/sheet9.xml", compressed: deflateBomb(4096), localOnly: true }] }) },
    { label: "50 parts × 40 MB", bytes: rebuildZip(form, { extra: Array.from({ length: 50 }, (_, i) => ({ name: `xl/media/p${i}.bin`, compressed: deflateBomb(40) })) }) },
  ]
  for (const { label, bytes } of cases) {
    const { value, memory } = await withPeakRss(() => timed(() => parseResults(bytes)))
    const code = value.value.problems[0]?.code ?? value.value.status
    row(`bomb: ${label}`, `${mb(bytes.length)} file`, `refused in ${ms(value.ms)}`, `peak − idle RSS ${mb(memory.peak - memory.idle)}`, code)
  }
}

export async function runHardeningBench(): Promise<void> {
  await bombs()
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runHardeningBench()
