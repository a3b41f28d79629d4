import { describe, expect, it } from "vitest"
import { parseMultipart } from "../../support/fake-telegram/index.ts"

/** Builds a body the way grammY does: no spaces, unquoted filename, `attach://` reference in a field. */
function grammyStyleBody(boundary: string, fileName: string, bytes: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${boundary}\r\ncontent-disposition:form-data;name="chat_id"\r\n\r\n42`),
    Buffer.from(`\r\n--${boundary}\r\ncontent-disposition:form-data;name="reply_markup"\r\n\r\n{"inline_keyboard":[]}`),
    Buffer.from(`\r\n--${boundary}\r\ncontent-disposition:form-data;name="document"\r\n\r\nattach://abc123`),
    Buffer.from(
      `\r\n--${boundary}\r\ncontent-disposition:form-data;name="abc123";filename=${fileName}\r\ncontent-type:application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
}

describe("parseMultipart", () => {
  it("reads an unquoted Cyrillic filename and binary content byte for byte", () => {
    const bytes = Buffer.from([0, 13, 10, 45, 45, 255, 13, 10, 13, 10, 1])
    const body = grammyStyleBody("----------abc", "Отчёт; школы №1.xlsx", bytes)

    const parsed = parseMultipart(body, "----------abc")

    expect(Object.fromEntries(parsed.fields)).toEqual({
      chat_id: "42",
      reply_markup: '{"inline_keyboard":[]}',
      document: "attach://abc123",
    })
    expect(parsed.files.get("abc123")?.fileName).toBe("Отчёт; школы №1.xlsx")
    expect(parsed.files.get("abc123")?.bytes.equals(bytes)).toBe(true)
  })

  it("reads quoted and RFC 5987 filenames of other clients", () => {
    const body = Buffer.from(
      '--b\r\nContent-Disposition: form-data; name="photo"; filename="a \\"b\\".png"\r\n\r\nX\r\n' +
        "--b\r\nContent-Disposition: form-data; name=\"doc\"; filename*=UTF-8''%D0%B0.txt\r\n\r\nY\r\n--b--\r\n",
    )

    const parsed = parseMultipart(body, "b")

    expect(parsed.files.get("photo")?.fileName).toBe('a "b".png')
    expect(parsed.files.get("doc")?.fileName).toBe("а.txt")
    expect(parsed.files.get("doc")?.bytes.toString()).toBe("Y")
  })
})
