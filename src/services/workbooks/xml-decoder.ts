/**
 * UTF-8 bytes of XML to text, a chunk at a time. A chunk of plain ASCII (a sheet whose writer spelled every letter as a
 * character reference, as openpyxl does) is taken as Latin-1, a copy; UTF-8 decoding is several times slower and was a
 * fifth of the read of a regional export. Anything else goes through Node's own decoder, which keeps a character cut
 * between chunks whole.
 */
import { isAscii } from "node:buffer"
import { StringDecoder } from "node:string_decoder"

export class XmlDecoder {
  private readonly utf8 = new StringDecoder("utf8")
  /** True while the UTF-8 decoder may hold the first bytes of a character. */
  private holding = false

  write(chunk: Buffer): string {
    if (!this.holding && isAscii(chunk)) return chunk.toString("latin1")
    const text = this.utf8.write(chunk)
    // Only a chunk ending in ASCII leaves nothing behind; otherwise the next one goes through the decoder as well.
    this.holding = chunk.length > 0 && chunk[chunk.length - 1]! >= 0x80
    return text
  }

  end(): string {
    return this.utf8.end()
  }
}
