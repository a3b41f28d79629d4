import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import path from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { untarInto } from "../../../src/db/untar.ts"

/** One ustar entry: a 512-byte header (name, octal mode/size, type, checksum, magic) and the data padded to 512. */
function entry(name: string, data: string | null): Buffer {
  const header = Buffer.alloc(512)
  header.write(name, 0, "utf8")
  header.write("0000644\0", 100)
  const body = Buffer.from(data ?? "")
  header.write(`${body.length.toString(8).padStart(11, "0")}\0`, 124)
  header.write(data === null ? "5" : "0", 156)
  header.write("ustar\x0000", 257)
  header.write("        ", 148)
  const sum = header.reduce((total, byte) => total + byte, 0)
  header.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148)
  return Buffer.concat([header, body, Buffer.alloc((512 - (body.length % 512)) % 512)])
}
const tar = (...entries: Buffer[]) => Buffer.concat([...entries, Buffer.alloc(1024)])

describe("untarInto (a new PGlite directory from the template)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "objektiv-untar-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("writes folders and files with their bytes, leading slashes dropped, over block boundaries", () => {
    const big = "x".repeat(1300)
    untarInto(tar(entry("/base", null), entry("/base/1/1255", big), entry("/PG_VERSION", "17\n"), entry("/global/pg_control", "c")), path.join(dir, "a"), "PG_VERSION")
    expect(statSync(path.join(dir, "a", "base")).isDirectory()).toBe(true)
    expect(readFileSync(path.join(dir, "a", "base", "1", "1255"), "utf8")).toBe(big)
    expect(readFileSync(path.join(dir, "a", "PG_VERSION"), "utf8")).toBe("17\n")
    expect(readFileSync(path.join(dir, "a", "global", "pg_control"), "utf8")).toBe("c")
  })

  it("refuses an entry that would land outside the folder, and writes the last file only when all else is written", () => {
    const target = path.join(dir, "b")
    expect(() => untarInto(tar(entry("/ok", "1"), entry("../../escaped", "no"), entry("/PG_VERSION", "17\n")), target, "PG_VERSION")).toThrow(/outside the folder/)
    expect(existsSync(path.resolve(target, "../../escaped"))).toBe(false)
    expect(existsSync(path.join(target, "PG_VERSION"))).toBe(false) // a half-written folder is not taken for a database
  })
})
