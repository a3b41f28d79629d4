/**
 * A proposed spec as the coordinator reads it (the bot's message and the command line's lines) and as the workbook
 * she may correct: the same words in both, from locales/<lang>/spec-proposal.ftl.
 */
import { procedureTitle } from "../../domain/results.ts"
import type { Translate } from "../../i18n.ts"
import { draftOfProposal, publishedMaxDoubt, type ProposedTask, type SpecProposal, type SpecReach } from "./propose.ts"
import { specChangesText } from "./changes-text.ts"
import type { SpecChanges } from "./rescore.ts"
import { buildSpecTemplate, MAX_TASK_POINTS } from "./workbook.ts"

/** Why a task is marked, in words; null for a task that needs no look. */
export function doubtText(t: Translate, task: ProposedTask): string | null {
  if (task.doubt === null) return null
  return t(`spec-doubt-${task.doubt}`, {
    task: task.label,
    max: task.max,
    seen: task.seenMax ?? 0,
    scored: task.scored,
    count: task.atSeenMax,
    limit: MAX_TASK_POINTS,
  })
}

/** The proposal, where it would apply, whom it would reach, and the question (paragraphs, one string each). */
export function proposalText(t: Translate, proposal: SpecProposal, context: { scope: string | null; storable: boolean; affected: SpecReach; changes?: SpecChanges }): string[] {
  const title = procedureTitle(proposal.procedure)
  const doubtful = proposal.tasks.filter((task) => task.doubt !== null)
  const list = proposal.tasks.map((task) => `${task.doubt ? "⚠ " : ""}${task.label} — ${task.max}`).join("; ")
  const paragraphs = [
    t("spec-proposal-head", { title, tasks: proposal.tasks.length, max: proposal.maxTotal }),
    ...(proposal.positional ? [t("spec-proposal-positional")] : []),
    t("spec-proposal-tasks", { list }),
  ]
  if (doubtful.length > 0) paragraphs.push([t("spec-proposal-doubts", { count: doubtful.length }), ...doubtful.map((task) => `• ${doubtText(t, task)}`)].join("\n"))
  const warning = publishedMaxWarning(t, proposal)
  if (warning !== null) paragraphs.push(warning)
  paragraphs.push(scaleText(t, proposal))
  paragraphs.push(context.scope === null ? t("spec-proposal-scope-region") : t("spec-proposal-scope-municipality", { municipality: context.scope }))
  if (context.affected.schools > 0) {
    paragraphs.push(t("spec-proposal-affected", { count: context.affected.schools, names: context.affected.names.join(", ") }))
  }
  const changes = context.changes ? specChangesText(t, context.changes) : null
  if (changes !== null) paragraphs.push(changes)
  return paragraphs
}

/** Where the proposed scale comes from and what it is, or why there is none. */
function scaleText(t: Translate, proposal: SpecProposal): string {
  if (!proposal.scale) return t(proposal.scaleDoubt === "inconsistent" ? "spec-proposal-scale-inconsistent" : "spec-proposal-no-scale")
  const figures = { three: proposal.scale["3"], four: proposal.scale["4"], five: proposal.scale["5"], year: String(proposal.procedure.year) }
  return t(proposal.scaleFrom === "published" ? "spec-proposal-scale-published" : "spec-proposal-scale", figures)
}

/** The maxima add up to other than the published maximum: said in the text and written in the workbook. */
function publishedMaxWarning(t: Translate, proposal: SpecProposal): string | null {
  const published = publishedMaxDoubt(proposal)
  return published === null ? null : t("spec-proposal-published-max", { max: proposal.maxTotal, published, year: String(proposal.procedure.year) })
}

/** The proposal as a spec workbook (the /spec form), each doubtful task's reason beside it. */
export async function proposalWorkbook(t: Translate, proposal: SpecProposal): Promise<{ bytes: Buffer; fileName: string }> {
  const bytes = await buildSpecTemplate({ ...draftOfProposal(proposal, (task) => doubtText(t, task)), warning: publishedMaxWarning(t, proposal) })
  return { bytes, fileName: t("spec-proposal-file-name", { title: procedureTitle(proposal.procedure).replaceAll("/", "-") }) }
}
