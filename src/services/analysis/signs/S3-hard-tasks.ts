/**
 * S3 «трудные задания выполнены лучше лёгких» (2018 list): the school gains more over same-level schools on
 * hard tasks than on easy ones — overall (Δ), or among its weaker pupils more than among its stronger ones (the
 * contrast: help is given to those who need it). The statistics and their tests are in S3-S12-shape/.
 */
import { shapeVerdict } from "./S3-S12-shape/verdict.ts"
import type { Sign } from "./common/types.ts"

export const hardTasksAboveEasy: Sign = (ctx) =>
  shapeVerdict("S3", ctx.shape.hardEasy, ctx.settings.S3, (k) => ctx.spec.tasks[k]?.label ?? String(k + 1), "hard_tasks_above_easy", {
    contrast: true,
    contrastReason: "hard_tasks_weaker_pupils",
  })
