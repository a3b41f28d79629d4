import type { Api } from "grammy"
import type { Document } from "grammy/types"

/** The Bot API serves files up to 20 MB: anything larger is refused before downloading. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024

export class FileTooLargeError extends Error {}

/**
 * getFile, then a plain HTTP(S) download from `${apiRoot}/file/bot<token>/<path>` with the status checked and
 * the size bounded while reading (the files plugin speaks HTTPS only and ignores the status).
 */
export async function downloadDocument(api: Api, document: Document, maxBytes = MAX_DOWNLOAD_BYTES): Promise<{ bytes: Buffer; fileName: string }> {
  if ((document.file_size ?? 0) > maxBytes) throw new FileTooLargeError(`${document.file_size} bytes`)
  const file = await api.getFile(document.file_id)
  if (!file.file_path) throw new Error("Telegram gave no file path")
  const root = api.options?.apiRoot ?? "https://api.telegram.org"
  const response = await fetch(`${root}/file/bot${api.token}/${file.file_path}`)
  if (!response.ok || !response.body) throw new Error(`File download failed: HTTP ${response.status}`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += chunk.length
    if (size > maxBytes) throw new FileTooLargeError(`over ${maxBytes} bytes`)
    chunks.push(Buffer.from(chunk))
  }
  return { bytes: Buffer.concat(chunks), fileName: document.file_name ?? "file.xlsx" }
}
