/**
 * Values read from rows that never change once written — a result set's packed participants, a stored analysis run —
 * kept in memory so every reader after the first skips the transfer, the gunzip and the JSON parse (a region's
 * participants took 0.1–0.2 s to load, each time a coordinator opened the overview or asked for the XLSX).
 * Keyed by the row's id and a digest of its stored bytes, per database: tests open many databases in one process and
 * empty them between tests, so an id alone may mean other rows. Bounded by a weight
 * (participants, bytes), least recently used out first. Callers must treat what they get as read-only: it is shared.
 */
export class ImmutableRows<V> {
  private readonly byDatabase = new WeakMap<object, Map<string, { value: V; weight: number }>>()
  private readonly weights = new WeakMap<object, number>()

  constructor(private readonly maxWeight: number) {}

  get(database: object, id: number, digest: string): V | undefined {
    const key = `${id}:${digest}`
    const entries = this.byDatabase.get(database)
    const entry = entries?.get(key)
    if (!entries || !entry) return undefined
    entries.delete(key) // re-inserted: Map order is recency order
    entries.set(key, entry)
    return entry.value
  }

  set(database: object, id: number, digest: string, value: V, weight: number): void {
    if (weight > this.maxWeight) return
    let entries = this.byDatabase.get(database)
    if (!entries) this.byDatabase.set(database, (entries = new Map()))
    const key = `${id}:${digest}`
    let total = (this.weights.get(database) ?? 0) - (entries.get(key)?.weight ?? 0) + weight
    entries.delete(key)
    entries.set(key, { value, weight })
    for (const [oldest, entry] of entries) {
      if (total <= this.maxWeight) break
      entries.delete(oldest)
      total -= entry.weight
    }
    this.weights.set(database, total)
  }
}
