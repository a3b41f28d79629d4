import { Composer } from "grammy"
import type { BotContext } from "../context.ts"

/**
 * Menu sections that are not built yet would say so here; every section now lives in its own feature
 * (observers: features/observers.ts, hotline: features/hotline.ts, «⏰ Сроки и оповещения»: features/deadlines.ts).
 */
export const menuFeature = new Composer<BotContext>()
