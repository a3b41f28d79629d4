import type { TextOptions } from "../formatted-text.ts"
import type { Params } from "../params.ts"
import type { World } from "../world.ts"

export interface MethodContext {
  readonly world: World
  readonly params: Params
  /** Aborted when the client disconnects before the answer is written. */
  readonly signal: AbortSignal
}

export type MethodHandler = (context: MethodContext) => unknown

/** Parse options of a text or caption field: `parse_mode` plus explicit `entities`/`caption_entities`. */
export function textOptions(context: MethodContext, entitiesField: "entities" | "caption_entities"): TextOptions {
  return {
    parseMode: context.params.string("parse_mode"),
    entities: context.params.raw[entitiesField],
    strictEscaping: context.world.strictHtmlEscaping,
  }
}
