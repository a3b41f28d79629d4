import type { PrismaClient } from "../../db/client.ts"

export interface KeyValueAdapter<T> {
  read(key: string): Promise<T | undefined>
  write(key: string, value: T): Promise<void>
  delete(key: string): Promise<void>
}

/** A key-value store over the KeyValue table (JSON values): the bot's conversations survive a restart in it. */
export function keyValueStore<T>(prisma: PrismaClient, prefix: string): KeyValueAdapter<T> {
  return {
    async read(key) {
      const row = await prisma.keyValue.findUnique({ where: { key: prefix + key } })
      return row ? (JSON.parse(row.value) as T) : undefined
    },
    async write(key, value) {
      const text = JSON.stringify(value)
      await prisma.keyValue.upsert({ where: { key: prefix + key }, create: { key: prefix + key, value: text }, update: { value: text } })
    },
    async delete(key) {
      await prisma.keyValue.deleteMany({ where: { key: prefix + key } })
    },
  }
}
