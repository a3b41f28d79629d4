import type { PrismaClient } from "../db/client.ts"

/** A key-value storage adapter over the KeyValue table: conversations survive a restart. */
export function prismaStorage<T>(prisma: PrismaClient, prefix: string) {
  return {
    async read(key: string): Promise<T | undefined> {
      const row = await prisma.keyValue.findUnique({ where: { key: prefix + key } })
      return row ? (JSON.parse(row.value) as T) : undefined
    },
    async write(key: string, value: T): Promise<void> {
      const text = JSON.stringify(value)
      await prisma.keyValue.upsert({ where: { key: prefix + key }, create: { key: prefix + key, value: text }, update: { value: text } })
    },
    async delete(key: string): Promise<void> {
      await prisma.keyValue.deleteMany({ where: { key: prefix + key } })
    },
  }
}
