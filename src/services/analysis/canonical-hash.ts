import { createHash } from "node:crypto"

/**
 * SHA-256 of a canonical JSON form: object keys sorted (jsonb hands them back in its own order), lists in their
 * order. The same settings or data give the same hash wherever they were read from.
 */
export function canonicalHash(value: unknown): string {
  const canonical = (item: unknown): unknown =>
    Array.isArray(item)
      ? item.map(canonical)
      : item && typeof item === "object"
        ? Object.fromEntries(Object.keys(item).sort().map((key) => [key, canonical((item as Record<string, unknown>)[key])]))
        : item
  return createHash("sha256").update(JSON.stringify(canonical(value))).digest("hex")
}
