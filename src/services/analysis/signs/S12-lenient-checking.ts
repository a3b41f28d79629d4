/**
 * S12 «завышение при проверке развёрнутых ответов» (ours): lenient checking raises only the tasks scored by
 * criteria (max ≥ 2), so the school gains more over same-level schools on them than on one-point tasks.
 */
import { shapeVerdict } from "./S3-S12-shape/verdict.ts"
import type { Sign } from "./common/types.ts"

export const lenientChecking: Sign = (ctx) =>
  shapeVerdict("S12", ctx.shape.openClosed, ctx.settings.S12, (k) => ctx.spec.tasks[k]?.label ?? String(k + 1), "criteria_tasks_above_one_point")
