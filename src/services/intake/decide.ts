/**
 * The intake's decision sequence for one read of an upload (see flow.ts for the picture): which kind of workbook, then
 * for results — what is missing, whose schools, which spec, errors, warnings — each answered, asked or refused here.
 */
import type { ProcedureKey } from "../../domain/results.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { notAllowed } from "../outcome.ts"
import type { ParsedResults } from "../results/formats/types.ts"
import { fileScope } from "../results/scope.ts"
import { proposalStorable, proposeSpec, specOfProposal } from "../specs/propose.ts"
import { saveSpec, specFitsFile, specMunicipalitiesOf, specScopeOf } from "../specs/specs.ts"
import { listSpecs } from "../specs/store.ts"
import { problem, type Problem } from "../workbooks/problem.ts"
import { storeContextForm } from "./kinds/context-form.ts"
import { storeOutside } from "./kinds/outside-data.ts"
import { digestProblems, hasPersonalData, onlyRowErrors, storeResults } from "./kinds/results.ts"
import { specChangesToConfirm, storeSpec } from "./kinds/spec.ts"
import { showProposal } from "./propose.ts"
import { cancelled, PROBLEMS_SHOWN, problemsRefusal, problemsWorkbook, question, refuse, stored, type Step } from "./step.ts"
import type { IntakeStep } from "./steps.ts"

/** Rounds of questions about the procedure or the school before the intake gives up. */
const MAX_ROUNDS = 3
/** The sender's schools a scope question names (the count says how many in all). */
const SCOPE_SCHOOLS_SHOWN = 10

export async function readAndDecide(step: Step, onProgress?: (rowsDone: number) => void): Promise<IntakeStep> {
  const workbook = await step.read(onProgress)
  switch (workbook.kind) {
    case "refused":
      return refuse(step, problemsRefusal(step, "unknown", "unreadable", [workbook.problem]), { reason: "refused" })
    case "unknown":
      return refuse(step, problemsRefusal(step, "unknown", "unreadable", [problem("error", "layout-unknown", "", { sheets: workbook.sheets.join(", ") })]), { reason: "not-results" })
    case "results":
      return decideResults(step, workbook.results)
    case "outside-data": {
      const file = await step.file()
      const outcome = await storeOutside(step.deps, step.actor, step.session.uploadId, file, workbook.outside)
      if (outcome.ok) {
        const { exams, medalists, rechecks, schools, affects } = outcome
        return stored(step, { kind: "outside-data", exams, medalists, rechecks, schools, affects })
      }
      if (outcome.reason === "not_allowed") return refuse(step, { ...outcome, kind: "outside-data" }, null)
      // A refused outside-data upload does not keep its bytes: the report is built now, while they are in hand.
      const located = outcome.problems.some((found) => found.sheet !== "")
      return refuse(step, problemsRefusal(step, "outside-data", "unreadable", outcome.problems), null, located ? await problemsWorkbook(step, outcome.problems) : [])
    }
    case "context-form": {
      const outcome = await storeContextForm(step.deps, step.actor, step.session.uploadId, workbook.directory)
      if (outcome?.ok) return stored(step, { kind: "context-form", form: outcome.form, created: outcome.created, updated: outcome.updated, skipped: outcome.skipped })
      const notResults = problem("error", "layout-context-form", "", { year: String(workbook.form) })
      return refuse(step, problemsRefusal(step, "context-form", "unreadable", [notResults]), { reason: "not-results" })
    }
    case "spec": {
      // What it would change in the results already stored is asked about before it is saved.
      const changes = step.session.choices.specChangesConfirmed ? null : await specChangesToConfirm(step.deps, step.actor, workbook.spec)
      if (changes) return question(step, { ask: "confirm-spec-changes", changes })
      const outcome = await storeSpec(step.deps, step.actor, step.session.uploadId, workbook.spec)
      if (outcome.ok) return stored(step, { kind: "spec", spec: outcome.spec, municipality: outcome.municipality })
      if (outcome.reason === "not_allowed") return refuse(step, { ...outcome, kind: "spec" }, { reason: "not_allowed" })
      return refuse(step, problemsRefusal(step, "spec", "unreadable", outcome.problems), { reason: "problems" })
    }
  }
}

async function decideResults(step: Step, parsed: ParsedResults): Promise<IntakeStep> {
  const { session } = step
  session.personalData = hasPersonalData(parsed)
  if (parsed.status === "needs-input") {
    if (session.rounds >= MAX_ROUNDS) return refuse(step, problemsRefusal(step, "results", "still-unknown", parsed.problems, parsed), { reason: "needs-input" })
    session.rounds++
    session.missing = parsed.missing
    session.answered = []
    return askWhatIsMissing(step, parsed)
  }
  if (parsed.status === "needs-spec") {
    // Whose schools come first: a file with none of hers is refused before any spec is proposed for it. A read
    // settled by its header saw only a sample of rows, too few to say whose schools the file holds.
    if (parsed.decidedFromHeader) return offerSpec(step, parsed)
    return (await decideScope(step, parsed)) ?? offerSpec(step, parsed)
  }
  if (parsed.status !== "parsed") return refuse(step, problemsRefusal(step, "results", "unreadable", parsed.problems, parsed), { reason: parsed.status })

  if (!session.told.includes("read")) {
    const { kind, year, subject, grade } = parsed.spec!
    step.notices.push({ notice: "read", procedure: { kind, year, subject, grade }, schools: parsed.schools.length, present: parsed.stats.present, absent: parsed.stats.absent })
    session.told.push("read")
  }
  const scoped = await decideScope(step, parsed)
  if (scoped) return scoped
  const digest = digestProblems(parsed.problems, step.options.show ?? PROBLEMS_SHOWN)
  if (digest.errors > 0) {
    // Rows were left out already and errors remain: nothing more to offer.
    if (session.choices.excludeInvalidRows) return refuse(step, problemsRefusal(step, "results", "unreadable", parsed.problems, parsed), { reason: "errors" })
    if (!session.told.includes("errors")) {
      step.notices.push({ notice: "errors", problems: digest }, ...(await problemsWorkbook(step, parsed.problems)))
      session.told.push("errors")
    }
    if (!onlyRowErrors(parsed)) return refuse(step, { ...problemsRefusal(step, "results", "errors", [], parsed), errors: digest.errors, warnings: digest.warnings }, { reason: "errors" })
    if (session.choices.excludeInvalidRows === false) return cancelled(step, "exclude-invalid-rows", "invalid rows not left out")
    return question(step, { ask: "exclude-invalid-rows" })
  }
  if (digest.warnings > 0) {
    if (!session.told.includes("warnings")) {
      step.notices.push({ notice: "warnings", problems: digest }, ...(session.choices.excludeInvalidRows ? [] : await problemsWorkbook(step, parsed.problems)))
      session.told.push("warnings")
    }
    if (session.choices.warningsConfirmed === false) return cancelled(step, "confirm-warnings", "warnings not confirmed")
    if (session.choices.warningsConfirmed === undefined) return question(step, { ask: "confirm-warnings" })
  }
  return store(step, parsed)
}

/**
 * Which schools of the file are the sender's, before any error, warning or spec: none — refused at once; some — asked
 * whether to load only hers (a municipal coordinator may keep the rest as the comparison group).
 */
async function decideScope(step: Step, parsed: ParsedResults): Promise<IntakeStep | null> {
  const { session } = step
  if (session.choices.scope && session.mine) return null // this read holds only hers, or tells hers from the rest
  const scope = await fileScope(step.deps.prisma, step.actor, parsed.schools)
  if (scope.others.length === 0) return null
  if (scope.mine.length === 0) return refuse(step, { ...notAllowed(scope.others.map((school) => school.login)), kind: "results", noneOfSender: true }, { reason: "not_allowed" })
  session.mine = scope.mine.map((school) => school.key)
  if (session.choices.scope === "mine" || (session.choices.scope === "with-reference" && scope.referenceAllowed)) return readAndDecide(step)
  const mine = scope.mine.slice(0, SCOPE_SCHOOLS_SHOWN).map((school) => school.shown)
  return question(step, { ask: "scope", mine, count: scope.mine.length, others: scope.others.length, reference: scope.referenceAllowed, municipalities: scope.municipalities })
}

/**
 * No spec for the file's procedure: a coordinator (or an admin) is offered one proposed from the file, to confirm
 * or correct; it is stored as the procedure's next version in her scope and the file is read again with it.
 * Anyone else is refused, as is a file without task columns or one whose stored spec still did not fit.
 */
async function offerSpec(step: Step, parsed: ParsedResults): Promise<IntakeStep> {
  const { session } = step
  const scope = specScopeOf(step.actor)
  const basis = parsed.basis
  if (!scope || !basis || session.told.includes("spec")) return refuse(step, problemsRefusal(step, "results", "needs-spec", parsed.problems, parsed), { reason: "needs-spec" })
  const key = parsed.procedure as ProcedureKey
  const proposal = proposeSpec(key, basis)
  const chosen = session.choices.spec
  if (chosen === false) return cancelled(step, "confirm-spec", "spec not confirmed")
  const ask = async (problems: Problem[] = []): Promise<IntakeStep> =>
    question(step, { ask: "confirm-spec", ...(await showProposal(step.deps, step.actor, proposal, scope.municipalityId)), misfit: problems })
  if (chosen === undefined || (chosen === "proposed" && !proposalStorable(proposal))) return ask()
  const spec = chosen === "proposed" ? specOfProposal(proposal) : chosen
  delete session.choices.spec
  const misfit = specFitsFile(spec, key, { count: basis.tasks.length, positional: basis.positional })
  if (misfit.length > 0) return ask(misfit)
  const outcome = await saveSpec(step.deps, step.actor, { spec })
  if (!outcome.ok) return ask(outcome.reason === "problems" ? outcome.problems : [])
  session.told.push("spec")
  step.notices.push({ notice: "spec-saved", spec: outcome.spec, municipality: outcome.municipality })
  step.forget()
  return readAndDecide(step)
}

export async function askWhatIsMissing(step: Step, parsed: ParsedResults | null): Promise<IntakeStep> {
  const { session } = step
  if (session.missing.some((part) => part !== "school") && !session.answered.includes("procedure") && parsed) {
    const known = (await listSpecs(step.deps.prisma, specMunicipalitiesOf(step.actor))).map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade }))
    const candidates = parsed.candidates.map(({ kind, year, subject, grade }) => ({ kind, year, subject, grade }))
    return question(step, { ask: "procedure", candidates, partial: parsed.procedure, known }, parsed.problems)
  }
  if (session.missing.includes("school") && !session.answered.includes("school")) {
    const own = await ownSchoolLogin(step.deps, step.actor)
    if (!own) return question(step, { ask: "school" }, parsed?.problems ?? [])
    session.choices.schoolLogin = own
    session.answered.push("school")
  }
  return readAndDecide(step)
}

async function store(step: Step, parsed: ParsedResults): Promise<IntakeStep> {
  const others = step.session.choices.scope === "with-reference" ? "reference" : "refuse"
  // The file is kept already (its upload row): its bytes are not loaded again to store the results.
  const outcome = await storeResults(step.deps, step.actor, step.session.uploadId, parsed, others)
  if (outcome.ok && outcome.stored.kind === "results") outcome.stored.referenceLeftOut = parsed.referenceLeftOut?.rows ?? 0
  if (outcome.ok) return stored(step, outcome.stored)
  if (outcome.reason === "not_allowed") return refuse(step, { ...outcome, kind: "results" }, { reason: "not_allowed" })
  return refuse(step, problemsRefusal(step, "results", "no-participants", [], parsed), { reason: outcome.reason })
}

/** A teacher or school coordinator of exactly one school: files without a login are that school's. */
async function ownSchoolLogin(deps: ServiceDeps, actor: Actor): Promise<string | null> {
  const ids = [...new Set(actor.grants.flatMap((grant) => (grant.schoolId === null ? [] : [grant.schoolId])))]
  if (ids.length !== 1) return null
  return (await deps.prisma.school.findUnique({ where: { id: ids[0]! } }))?.login ?? null
}
