import type { Composer, Filter } from "grammy"
import type { BotContext } from "./context.ts"

/**
 * Typed callback data, declared once per button kind and used both to build a button and to route its tap.
 *
 * Telegram allows 1–64 bytes of callback data; a Cyrillic letter is two bytes. So a button carries a short
 * prefix and ids only (`an:s:12:345`), never names. Declare every kind in the feature that owns it:
 *
 * ```ts
 * export const schoolButton = callbackData("an:s", { specId: "int", schoolId: "int" })
 * keyboard.text(label, schoolButton.pack({ specId: 1, schoolId: 2 }))
 * onCallback(feature, schoolButton, async (ctx, { specId, schoolId }) => { … })
 * ```
 */

/** Field kinds: a non-negative integer, or a short word of `[a-z0-9_]` (an enum value, a role name). */
export type FieldKind = "int" | "word"
type FieldValue<K extends FieldKind> = K extends "int" ? number : string
export type Fields = Record<string, FieldKind>
export type Unpacked<F extends Fields> = { [name in keyof F]: FieldValue<F[name]> }

const FIELD_PATTERN: Record<FieldKind, string> = { int: "(\\d{1,15})", word: "([a-z0-9_]{1,40})" }
const PREFIX_PATTERN = /^[a-z][a-z0-9]*(?::[a-z0-9]+)*$/
export const CALLBACK_DATA_MAX_BYTES = 64

export interface CallbackData<F extends Fields> {
  readonly prefix: string
  /** Matches exactly this kind of button (for `callbackQuery(...)` and conversations' `waitForCallbackQuery`). */
  readonly filter: RegExp
  pack(values: Unpacked<F>): string
  /** The fields of data of this kind, or null for anything else (stale, forged or another kind). */
  unpack(data: string): Unpacked<F> | null
}

const declared = new Set<string>()

export function callbackData<const F extends Fields = Record<never, FieldKind>>(prefix: string, fields: F = {} as F): CallbackData<F> {
  if (!PREFIX_PATTERN.test(prefix)) throw new Error(`callback prefix ${prefix} must be lower-case words joined by ':'`)
  if (declared.has(prefix)) throw new Error(`callback prefix ${prefix} is declared twice`)
  declared.add(prefix)
  const names = Object.keys(fields) as (keyof F & string)[]
  const escaped = prefix.replaceAll(":", "\\:")
  const filter = new RegExp(`^${escaped}${names.map((name) => ":" + FIELD_PATTERN[fields[name]!]).join("")}$`)
  return {
    prefix,
    filter,
    pack(values) {
      const parts = names.map((name) => {
        const value = values[name]
        const kind = fields[name]!
        if (kind === "int" ? !Number.isSafeInteger(value) || (value as number) < 0 : !/^[a-z0-9_]{1,40}$/.test(String(value))) {
          throw new Error(`callback ${prefix}: field ${name} = ${String(value)} is not a valid ${kind}`)
        }
        return String(value)
      })
      const data = [prefix, ...parts].join(":")
      if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data ${data} is over 64 bytes`)
      return data
    },
    unpack(data) {
      const match = filter.exec(data)
      if (!match) return null
      const values: Record<string, number | string> = {}
      names.forEach((name, index) => {
        const raw = match[index + 1]!
        values[name] = fields[name] === "int" ? Number(raw) : raw
      })
      return values as Unpacked<F>
    },
  }
}

type CallbackContext = Filter<BotContext, "callback_query:data">

/**
 * Routes taps on one kind of button and answers the tap at once, so the spinner stops whatever happens next.
 * (A second tap on the same button while the first is handled is dropped earlier, by `middleware/taps.ts`.)
 */
export function onCallback<F extends Fields>(
  composer: Composer<BotContext>,
  kind: CallbackData<F>,
  handler: (ctx: CallbackContext, data: Unpacked<F>) => Promise<unknown> | unknown,
): void {
  composer.callbackQuery(kind.filter, async (ctx) => {
    await ctx.answerCallbackQuery().catch(() => {}) // an answer that comes too late must not cancel the work
    await handler(ctx, kind.unpack(ctx.callbackQuery.data)!)
  })
}
