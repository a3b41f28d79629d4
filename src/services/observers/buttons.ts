/**
 * The buttons this service puts on messages it sends through the outbox (offers, applications, replacements, act
 * requests). The bot declares the same kinds with `callbackData(spec.prefix, spec.fields)` and routes them; the
 * service can only write the data, since it may not import the bot. A unit test checks both write the same bytes.
 */
export const OBSERVER_BUTTONS = {
  /** The observer answers an offer: y confirm, n decline, c conflict of interest. */
  offer: { prefix: "ob:of", fields: { assignmentId: "int", answer: "word" } },
  approve: { prefix: "ob:ap", fields: { observerId: "int" } },
  reject: { prefix: "ob:rj", fields: { observerId: "int" } },
  /** The coordinator accepts one proposed assignment (a replacement). */
  acceptOne: { prefix: "ob:ra", fields: { assignmentId: "int" } },
  /** The coordinator picks another observer for a proposed assignment. */
  edit: { prefix: "ob:pe", fields: { assignmentId: "int" } },
  /** The coordinator leaves the place empty (drops a proposed assignment). */
  drop: { prefix: "ob:pd", fields: { assignmentId: "int" } },
  /** The observer opens the act of an assignment. */
  act: { prefix: "ob:act", fields: { assignmentId: "int" } },
} as const

export type OfferAnswer = "y" | "n" | "c"

type Specs = typeof OBSERVER_BUTTONS
type Values<K extends keyof Specs> = { [F in keyof Specs[K]["fields"]]: Specs[K]["fields"][F] extends "int" ? number : string }

/** The callback data of a button, as `callbackData(...).pack` writes it: the prefix and the fields, joined by ':'. */
export function observerButton<K extends keyof Specs>(kind: K, values: Values<K>): string {
  const spec = OBSERVER_BUTTONS[kind]
  return [spec.prefix, ...Object.keys(spec.fields).map((field) => String((values as Record<string, unknown>)[field]))].join(":")
}
