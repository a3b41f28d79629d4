import type { PrismaClient } from "../../db/client.ts"

/**
 * Writes a file's bytes as base64 decoded by the database: handing a 3 MB Uint8Array to the PGlite adapter took
 * ~3 s (it is converted value by value), a base64 string takes a few milliseconds.
 */
export async function writeUploadBytes(db: Pick<PrismaClient, "$executeRawUnsafe">, uploadId: number, bytes: Buffer): Promise<void> {
  await db.$executeRawUnsafe(`UPDATE "Upload" SET bytes = decode($1, 'base64') WHERE id = $2`, bytes.toString("base64"), uploadId)
}
