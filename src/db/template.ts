/**
 * A dump (PGlite `dumpDataDir`) of a migrated, empty database that in-memory PGlite databases start from:
 * PGlite's initdb costs seconds a database, loading a dump about a second. Tests set a loader once per worker;
 * it is called on the first in-memory open only. Kept apart from client.ts so setting it loads nothing heavy.
 */
let loader: (() => Blob) | undefined
let dump: Blob | undefined

export function setInMemoryTemplate(load: (() => Blob) | undefined): void {
  loader = load
  dump = undefined
}

export function inMemoryTemplate(): Blob | undefined {
  if (!loader) return undefined
  dump ??= loader()
  return dump
}
