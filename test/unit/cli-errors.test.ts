import { describe, expect, it } from "vitest"
import { runCli, type CliIo } from "../../src/cli.ts"
import { DatabaseLockedError } from "../../src/db/lock.ts"

/** The command line with a database that cannot be opened (no test database needed: the failures come first). */
async function run(args: string[], openServices: CliIo["openServices"] = () => Promise.reject(new Error("no database in this test"))) {
  let out = ""
  let err = ""
  const code = await runCli(args, { out: (line) => void (out += `${line}\n`), err: (text) => void (err += text), openServices })
  return { code, out, err }
}

describe("command line failures in plain words (issue 9)", () => {
  it("says a file is missing, without a stack", async () => {
    const { code, err } = await run(["import", "/nonexistent/ВПР.xlsx"])
    expect(code).toBe(1)
    expect(err).toBe("Файл «/nonexistent/ВПР.xlsx» не найден. Проверьте путь и имя файла.\n")
    const english = await run(["import", "/nonexistent/x.xlsx", "--lang", "en"])
    expect(english.err).toBe("File «/nonexistent/x.xlsx» not found. Check the path and the file name.\n")
  })

  it("says the database is open in another program, in Russian", async () => {
    const locked = () => Promise.reject(new DatabaseLockedError("The database directory /srv/db is in use by process 4242.", "/srv/db", 4242))
    const { code, err } = await run(["analyze", "ВПР/2021/Математика/4"], locked)
    expect(code).toBe(1)
    expect(err).toContain("База данных в папке «/srv/db» сейчас открыта другой программой (процесс 4242)")
    expect(err).not.toMatch(/\n\s+at /u)
  })

  it("answers a wrong option as bad usage (64), and anything unforeseen in one line", async () => {
    const wrong = await run(["import", "x.xlsx", "--frobnicate"])
    expect(wrong.code).toBe(64)
    expect(wrong.err).toMatch(/^Команда записана неверно: .*--frobnicate.*Справка: cli help\n$/u)
    const failing = await run(["analyze", "ВПР/2021/Математика/4"])
    expect(failing).toMatchObject({ code: 1, err: "Команда не выполнена из-за непредвиденной ошибки: no database in this test\n" })
  })
})
