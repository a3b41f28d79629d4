/**
 * The front door for every workbook a sender sends: one decision sequence, a small state machine that the bot's
 * upload dialog and the command line both drive — the bot asks the questions, the command line answers them from
 * its flags (IntakeChoices given up front).
 *
 *   receive ─▶ keep the file ─▶ read ─▶ which kind? ── outside data, context form, spec: stored or refused at once
 *                                          │
 *                                       results ─▶ procedure or school unknown? ─ ask ─▶ read again (≤ 3 rounds)
 *                                          ─▶ schools not the sender's? none hers: refused ─ else ask: only hers ─▶ read them again
 *                                          ─▶ errors? listed ─ only row errors? ─ ask to leave them out ─▶ read again
 *                                          ─▶ warnings? listed ─ ask to confirm ─▶ store ─▶ analyse
 *
 * A file whose procedure has no spec: its schools are checked first (none hers: refused), then a spec proposed from
 * the file is offered (`needs-spec`). Refusals decided from a sheet's header, before its body, belong in the pass
 * (intake/read.ts). The decisions are in decide.ts, the ways a step ends in step.ts; this module keeps the reads and
 * takes the sender's answers.
 *
 * The bytes stay behind the upload id. Each step reads them once at most; the last read of an open upload is
 * remembered for the step that follows (the store after a confirmation), in this process only: another instance,
 * or a restart, reads again.
 */
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { outsideReadContext } from "../exams-medalists-rechecks/import.ts"
import type { ProcedureKey } from "../../domain/results.ts"
import { specMunicipalitiesOf, specScopeOf } from "../specs/specs.ts"
import { markReading, readingDone } from "../uploads/interrupted.ts"
import { keepUpload, keptFile, type ReceivedFile } from "../uploads/uploads.ts"
import { askWhatIsMissing, readAndDecide } from "./decide.ts"
import { proposeFromFile } from "./propose.ts"
import { readWorkbook, type WorkbookRead } from "./read.ts"
import { cancelled, type ReceiveOptions, type Step, type StepOptions } from "./step.ts"
import type { IntakeAnswer, IntakeSession, IntakeStep } from "./steps.ts"

export type * from "./steps.ts"
export { PROBLEMS_SHOWN, type ReceiveOptions, type StepOptions } from "./step.ts"

/** Reads remembered between steps (one per open upload). */
const REMEMBERED_READS = 4

export function createIntake(deps: ServiceDeps) {
  const lastReads = new Map<number, { choices: string; read: WorkbookRead }>()

  /** The choices a read depends on (the confirmation of warnings does not change it). */
  const readKey = (session: IntakeSession): string =>
    JSON.stringify([session.choices.procedure ?? null, session.choices.schoolLogin ?? null, session.choices.excludeInvalidRows ?? false, session.choices.scope ?? null, session.mine ?? null])
  function remember(session: IntakeSession, read: WorkbookRead): WorkbookRead {
    lastReads.delete(session.uploadId)
    lastReads.set(session.uploadId, { choices: readKey(session), read })
    if (lastReads.size > REMEMBERED_READS) lastReads.delete(lastReads.keys().next().value!)
    return read
  }
  /** The schools to read: the sender's only, once she chose so. */
  const onlySchools = (session: IntakeSession): string[] | undefined => (session.choices.scope === "mine" ? session.mine : undefined)

  async function read(step: Step, onProgress?: (rowsDone: number) => void): Promise<WorkbookRead> {
    const { uploadId, choices } = step.session
    const remembered = lastReads.get(uploadId)
    if (remembered && remembered.choices === readKey(step.session)) return remembered.read
    // «Leave the rows with errors out» after a read that kept them: the same rows decided again, not read again.
    const onlyExcluding = choices.excludeInvalidRows && remembered?.choices === readKey({ ...step.session, choices: { ...choices, excludeInvalidRows: false } })
    if (onlyExcluding && remembered.read.kind === "results") return remember(step.session, { ...remembered.read, results: remembered.read.withInvalidRowsExcluded() })
    const only = onlySchools(step.session)
    const file = await step.file()
    // The specs we hold, the directory's schools and this year: what every kind of workbook is checked against.
    const context = await outsideReadContext(deps, specMunicipalitiesOf(step.actor))
    // Marked while the parse runs: a crash leaves the upload `reading`, and the next start-up tells its sender.
    await markReading(deps, uploadId)
    const result = await readWorkbook(
      file.bytes,
      { specs: context.specs ?? [], knownSchools: context.knownSchools ?? new Set(), maxYear: context.maxYear },
      {
        fileName: file.fileName,
        allowInvalidRows: choices.excludeInvalidRows ? "exclude" : "reject",
        // Refusals come from the header, before the body; a spec is proposed from the scores, so then the body is read.
        headerFirst: specScopeOf(step.actor) && !step.session.told.includes("spec") ? "procedure" : "procedure-and-spec",
        ...(choices.procedure ? { procedure: choices.procedure } : {}),
        ...(choices.schoolLogin ? { schoolLogin: choices.schoolLogin } : {}),
        ...(only ? { onlySchools: only } : {}),
        ...(choices.scope === "with-reference" && step.session.mine ? { ownSchools: step.session.mine } : {}),
      },
      onProgress,
      step.options.onQueued,
    ).finally(() => readingDone(deps, uploadId))
    return remember(step.session, result)
  }

  function stepOf(actor: Actor, session: IntakeSession, options: StepOptions, file?: ReceivedFile): Step {
    let loaded: Promise<ReceivedFile> | null = file ? Promise.resolve(file) : null
    const step: Step = {
      deps,
      actor,
      session: {
        ...session,
        choices: { ...session.choices },
        missing: [...session.missing],
        answered: [...session.answered],
        told: [...session.told],
        ...(session.mine ? { mine: [...session.mine] } : {}),
      },
      options,
      notices: [],
      file: () => (loaded ??= keptFile(deps, session.uploadId)),
      read: (onProgress) => read(step, onProgress),
      keptRows: () => lastReads.get(session.uploadId)?.read.kept ?? null,
      forget: () => void lastReads.delete(session.uploadId),
    }
    return step
  }

  /** The upload as its sender left it: answers come only from the one who sent the file, while it is open. */
  async function openUpload(actor: Actor, session: IntakeSession): Promise<void> {
    const upload = await deps.prisma.upload.findUnique({ where: { id: session.uploadId }, select: { senderId: true, status: true } })
    if (!upload || upload.senderId !== actor.userId || upload.status !== "received") throw new Error(`upload ${session.uploadId} is not open for this sender`)
  }

  return {
    /** Keeps the file (nothing is lost, whatever happens next), reads it and goes as far as it can without asking. */
    async receive(actor: Actor, file: ReceivedFile, options: ReceiveOptions = {}): Promise<IntakeStep> {
      const uploadId = await keepUpload(deps, actor, file)
      const session: IntakeSession = {
        uploadId, fileName: file.fileName, choices: { ...options.given }, awaiting: null, rounds: 0, missing: [], answered: [], personalData: false, told: [],
      }
      return readAndDecide(stepOf(actor, session, options, file), options.onProgress)
    },

    /** Takes the answer to the question a step asked and goes on to the next question or the end. */
    async answer(actor: Actor, session: IntakeSession, answer: IntakeAnswer, options: StepOptions = {}): Promise<IntakeStep> {
      await openUpload(actor, session)
      const step = stepOf(actor, session, options)
      const asked = step.session.awaiting
      step.session.awaiting = null
      const { choices, answered } = step.session
      const newRead = () => (step.session.told = step.session.told.filter((told) => told === "read" || told === "spec"))
      if ("procedure" in answer && asked === "procedure") {
        choices.procedure = answer.procedure
        answered.push("procedure")
        newRead()
        return askWhatIsMissing(step, null)
      }
      if ("schoolLogin" in answer && asked === "school") {
        choices.schoolLogin = answer.schoolLogin.trim()
        answered.push("school")
        newRead()
        return askWhatIsMissing(step, null)
      }
      if ("scope" in answer && asked === "scope") {
        choices.scope = answer.scope
        newRead()
        return readAndDecide(step)
      }
      if ("excludeInvalidRows" in answer && asked === "exclude-invalid-rows") {
        if (!answer.excludeInvalidRows) return cancelled(step, "exclude-invalid-rows")
        choices.excludeInvalidRows = true
        newRead()
        return readAndDecide(step)
      }
      if ("spec" in answer && asked === "confirm-spec") {
        if (answer.spec === false) return cancelled(step, "confirm-spec")
        choices.spec = answer.spec
        return readAndDecide(step)
      }
      if ("specChangesConfirmed" in answer && asked === "confirm-spec-changes") {
        if (!answer.specChangesConfirmed) return cancelled(step, "confirm-spec-changes")
        choices.specChangesConfirmed = true
        return readAndDecide(step)
      }
      if ("warningsConfirmed" in answer && asked === "confirm-warnings") {
        if (!answer.warningsConfirmed) return cancelled(step, "confirm-warnings")
        choices.warningsConfirmed = true
        return readAndDecide(step)
      }
      throw new Error(`the answer ${JSON.stringify(answer)} does not fit the question ${String(asked)}`)
    },

    /** A spec proposed from a result file, nothing kept or stored (`cli spec`). */
    propose: (actor: Actor, file: ReceivedFile, procedure?: ProcedureKey) => proposeFromFile(deps, actor, file, procedure),

    /** The sender gave up (or could not answer, like the command line without a flag): nothing is stored. */
    async cancel(actor: Actor, session: IntakeSession, reason = "by sender"): Promise<void> {
      await openUpload(actor, session)
      await cancelled(stepOf(actor, session, {}), null, reason)
    },
  }
}
