/**
 * The same use cases without Telegram, every one through the services:
 *   cli import <file.xlsx> [--procedure "ВПР/2021/Математика/4"] [--school edu223017] [--exclude-invalid] [--yes] [--accept-spec | --spec spec.xlsx]
 *   cli spec <results.xlsx> --out spec.xlsx [--procedure …]   (a spec proposed from a result file)
 *   cli spec <spec.xlsx>                                         (what a spec would change in the stored results)
 *   cli analyze <file.xlsx | "ВПР/2021/Математика/4"> [--out report.xlsx] [--json] [--settings file.json] [--preset fioko2019]
 *   cli schools <context-form.xlsx>
 *   cli template "ВПР/2021/Математика/4" --out template.xlsx
 *   cli template outside --out outside.xlsx
 * Every command takes `--lang en` (Russian by default); the texts live in cli.ftl of each locale.
 * `import` takes any workbook the bot takes (results, outside data, the context-data form, a spec): the intake
 * asks no question here, every answer comes from the flags.
 *
 * `runCli(argv, io)` runs one command in this process and returns its exit code (tests call it so); run as a
 * program, the file does that with the process's streams and the configured database.
 */
import { readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { pathToFileURL } from "node:url"
import { parseArgs } from "node:util"
import { ConfigError, databaseUrl } from "./config.ts"
import { procedureTitle, type ProcedureKey } from "./domain/results.ts"
import { createTranslator, type Language, type Translate } from "./i18n.ts"
import { plainFailure } from "./cli-errors.ts"
import type { Actor } from "./services/access/roles.ts"
import type { Services } from "./services/index.ts"
import type { IntakeChoices, IntakeRefusal, IntakeStep, ProblemDigest, StoredUpload } from "./services/intake/flow.ts"
import type { OpenServices } from "./services/open.ts"
import { parseProcedureText } from "./services/results/procedure-key.ts"
import { describeGroup, describeProblem } from "./services/workbooks/problem.ts"
import { skippedList } from "./services/schools/directory.ts"
import { specChangesText } from "./services/specs/changes-text.ts"

// The services, the offline analysis and the spec workbook are imported where a command needs them, not above:
// they load Prisma, PGlite, exceljs and ECharts (~3 s of CPU through tsx), which `help` and a usage error never use.
const servicesModule = () => import("./services/index.ts")
const openModule = () => import("./services/open.ts")
const proposalModule = () => import("./services/specs/proposal-text.ts")

export interface CliIo {
  /** A line of the command's answer (stdout). */
  out(line: string): void
  /** Progress, usage errors and failures (stderr), written as given. */
  err(text: string): void
  /** The services on the configured database, opened when a command first needs them and closed when it ends. */
  openServices(): Promise<OpenServices>
}

/** The process's streams and the database of DATABASE_URL (by default the embedded one in ./data/pglite). */
export function processIo(): CliIo {
  return {
    out: (line) => void process.stdout.write(`${line}\n`),
    err: (text) => void process.stderr.write(text),
    openServices: async () => (await openModule()).openServices(databaseUrl()),
  }
}

class UsageError extends Error {}

const LANGUAGES: readonly Language[] = ["ru", "en"]
/** How many problems `import` prints (errors first); the count of the rest follows. */
const PROBLEMS_PRINTED = 50

const OPTIONS = {
  procedure: { type: "string" },
  school: { type: "string" },
  "exclude-invalid": { type: "boolean" },
  yes: { type: "boolean" },
  "accept-spec": { type: "boolean" },
  spec: { type: "string" },
  out: { type: "string" },
  json: { type: "boolean" },
  settings: { type: "string" },
  preset: { type: "string" },
  help: { type: "boolean" },
  lang: { type: "string" },
} as const

type Flags = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>["values"]

/** Runs one command; the exit code: 0 done, 2 refused, 3 warnings not confirmed, 64 bad usage, 1 failure. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let t: Translate = createTranslator("ru")
  let opened: OpenServices | null = null
  const open = async (): Promise<Services> => (opened ??= await io.openServices()).services
  try {
    const { positionals, values } = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS })
    if (values.lang !== undefined && !LANGUAGES.includes(values.lang as Language)) throw new UsageError(t("cli-language-invalid", { value: values.lang }))
    t = createTranslator((values.lang as Language | undefined) ?? "ru")
    return await new Commands(t, io, open).run(positionals, values)
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.err(`${error.message}\n`)
      return error instanceof UsageError ? 64 : 1
    }
    const failure = plainFailure(error, t)
    io.err(`${failure.text}\n`)
    return failure.code
  } finally {
    await (opened as OpenServices | null)?.close()
  }
}

class Commands {
  constructor(
    private readonly t: Translate,
    private readonly io: CliIo,
    private readonly services: () => Promise<Services>,
  ) {}

  async run([command, target]: readonly string[], flags: Flags): Promise<number> {
    const t = this.t
    if (!command || command === "help" || flags.help) {
      this.io.out(t("cli-usage"))
      return 0
    }
    switch (command) {
      case "import":
        if (!target) throw new UsageError(t("cli-need-file"))
        return this.import(target, flags)
      case "analyze":
      case "analyse":
        if (!target) throw new UsageError(t("cli-need-target"))
        return this.analyze(target, flags)
      case "schools":
        if (!target) throw new UsageError(t("cli-need-context-form"))
        return this.schools(target)
      case "spec":
        if (!target) throw new UsageError(t("cli-spec-usage"))
        return flags.out ? this.proposeSpec(target, flags.out, flags) : this.checkSpec(target)
      case "template":
        if (!target || !flags.out) throw new UsageError(t("cli-template-usage"))
        return this.template(target, flags.out)
      default:
        throw new UsageError(`${t("cli-command-unknown", { command })}\n\n${t("cli-usage")}`)
    }
  }

  /** The intake driven from the flags: every answer given up front, so a question left means a flag is missing. */
  private async import(file: string, flags: Flags): Promise<number> {
    const t = this.t
    const bytes = await readFile(file)
    const given: IntakeChoices = {
      ...(flags.procedure ? { procedure: this.procedure(flags.procedure) } : {}),
      ...(flags.school ? { schoolLogin: flags.school } : {}),
      excludeInvalidRows: flags["exclude-invalid"] ?? false,
      warningsConfirmed: flags.yes ?? false,
      ...(flags.yes ? { specChangesConfirmed: true } : {}),
    }
    if (flags["accept-spec"]) given.spec = "proposed"
    else if (flags.spec) {
      const read = await (await this.services()).specs.read(await readFile(flags.spec))
      if ("problems" in read) {
        this.io.out(t("cli-spec-unreadable", { file: flags.spec }))
        for (const found of read.problems) this.io.out(t("cli-problem-error", { text: describeProblem(found, t) }))
        return 2
      }
      given.spec = read.spec
    }
    const services = await this.services()
    const actor = await this.actor(services)
    const onProgress = (rows: number) => this.io.err(`\r${t("cli-rows-read", { rows })}`)
    const step = await services.intake.receive(actor, { bytes, fileName: namedBy(file) }, { given, show: PROBLEMS_PRINTED, onProgress })
    this.io.err("\n")
    for (const notice of step.notices) {
      if (notice.notice === "errors" || notice.notice === "warnings") this.problems(notice.problems)
      if (notice.notice === "spec-saved") this.io.out(this.storedText({ kind: "spec", spec: notice.spec, municipality: notice.municipality }))
    }
    switch (step.step) {
      case "question":
        if (step.question.ask === "confirm-spec") {
          const asked = step.question
          for (const found of asked.misfit) this.io.out(t("cli-problem-error", { text: describeProblem(found, t) }))
          const { proposalText } = await proposalModule()
          for (const paragraph of proposalText(t, asked.proposal, asked)) this.io.out(paragraph)
          await services.intake.cancel(actor, step.session, "spec not confirmed")
          throw new UsageError(t(asked.storable ? "cli-spec-confirm-hint" : "cli-spec-fix-hint"))
        }
        if (step.question.ask === "confirm-spec-changes") {
          this.io.out(specChangesText(t, step.question.changes) ?? "")
          await services.intake.cancel(actor, step.session, "spec changes not confirmed")
          throw new UsageError(t("cli-spec-changes-hint"))
        }
        if (step.problems) this.problems(step.problems)
        await services.intake.cancel(actor, step.session, "needs-input")
        // Only a sender with a narrower scope than the command line's admin is asked this; say it plainly.
        if (step.question.ask === "scope") throw new UsageError(t("cli-scope", { count: step.question.count, others: step.question.others }))
        throw new UsageError(t("cli-missing", { parts: step.session.missing.map((part) => t(`cli-missing-${part}`)).join(", ") }))
      case "cancelled":
        if (step.declined === "confirm-warnings") {
          this.io.out(t("cli-confirm-warnings", { count: warningsOf(step) }))
          return 3
        }
        this.io.out(`${t("cli-not-imported-errors")} ${t("cli-exclude-invalid-hint")}`)
        return 2
      case "stored":
        this.io.out(this.storedText(step.stored))
        return 0
      case "refused":
        this.refusal(step.refusal)
        return 2
    }
  }

  /** What a spec workbook would change in the results stored in the actor's scope, before `import` saves it; nothing is stored. */
  private async checkSpec(file: string): Promise<number> {
    const t = this.t
    const services = await this.services()
    const checked = await services.specs.check(await this.actor(services), await readFile(file))
    if (!checked.ok) {
      if (checked.reason === "not_allowed") this.io.out(t("spec-not-allowed"))
      else for (const found of checked.problems) this.io.out(describeProblem(found, t))
      return 2
    }
    this.io.out(specChangesText(t, checked.changes) ?? t("cli-spec-nothing-stored", { title: procedureTitle(checked.spec) }))
    this.io.out(t("cli-spec-check-hint", { file }))
    return 0
  }

  /** The spec a result file suggests, written as the /spec workbook to check and correct; nothing is stored. */
  private async proposeSpec(file: string, out: string, flags: Flags): Promise<number> {
    const t = this.t
    const services = await this.services()
    const bytes = await readFile(file)
    const outcome = await services.intake.propose(await this.actor(services), { bytes, fileName: namedBy(file) }, flags.procedure ? this.procedure(flags.procedure) : undefined)
    if (outcome.ok) {
      const { proposalText, proposalWorkbook } = await proposalModule()
      for (const paragraph of proposalText(t, outcome.proposal, outcome)) this.io.out(paragraph)
      await writeFile(out, (await proposalWorkbook(t, outcome.proposal)).bytes)
      this.io.out(t("cli-spec-written", { file: out }))
      return 0
    }
    switch (outcome.reason) {
      case "has_spec":
        this.io.out(t("cli-spec-exists", { title: procedureTitle(outcome.spec), version: outcome.spec.version }))
        return 0
      case "needs_input":
        throw new UsageError(t("cli-spec-needs-procedure"))
      case "not_allowed":
        this.io.out(t("spec-not-allowed"))
        return 2
      case "problems":
        for (const found of outcome.problems) this.io.out(describeProblem(found, t))
        return 2
    }
  }

  private storedText(stored: StoredUpload): string {
    const t = this.t
    switch (stored.kind) {
      case "results":
        return t("cli-imported", { title: procedureTitle(stored.procedure), schools: stored.schools, present: stored.present, absent: stored.absent, excluded: stored.excluded })
      case "outside-data":
        return t("cli-outside-imported", { exams: stored.exams, medalists: stored.medalists, rechecks: stored.rechecks, schools: stored.schools })
      case "context-form":
        return [
          t("cli-directory-updated", { form: String(stored.form ?? "?"), created: stored.created, updated: stored.updated }),
          ...(stored.skipped.length > 0 ? [t("directory-skipped", { count: stored.skipped.length, list: skippedList(stored.skipped) })] : []),
        ].join("\n")
      case "spec":
        return `${t("spec-saved", { title: procedureTitle(stored.spec), version: stored.spec.version, tasks: stored.spec.tasks.length, max: stored.spec.maxTotal })} ${stored.municipality === null ? t("spec-scope-region") : t("spec-scope-municipality", { municipality: stored.municipality })}`
    }
  }

  private refusal(refusal: IntakeRefusal): void {
    const t = this.t
    if (refusal.reason === "not_allowed") {
      if (refusal.kind !== "outside-data") this.io.out(t("cli-not-imported", { reason: refusal.reason }))
      else this.io.out(refusal.outside.length === 0 ? t("outside-not-allowed-role") : t("outside-not-allowed", { schools: refusal.outside.join(", ") }))
      return
    }
    if (refusal.why !== "errors") this.problems({ errors: refusal.errors, warnings: refusal.warnings, shown: refusal.problems, groups: refusal.groups }) // those came with the read
    if (refusal.kind === "outside-data") this.io.out(t("cli-outside-rejected"))
    else if (refusal.why === "no-participants") this.io.out(t("cli-not-imported", { reason: "no_participants" }))
    else this.io.out(t("cli-not-imported-errors") + (refusal.parsed ? ` ${t("cli-exclude-invalid-hint")}` : ""))
  }

  /** The first problems, errors first, a repeated one once with how many more and where, and how many more there are. */
  private problems(digest: ProblemDigest): void {
    const t = this.t
    let covered = 0
    for (const group of digest.groups) {
      this.io.out(t(group.first.severity === "error" ? "cli-problem-error" : "cli-problem-warning", { text: describeGroup(group, t) }))
      covered += 1 + group.more
    }
    const total = digest.errors + digest.warnings
    if (total > covered) this.io.out(t("cli-more-problems", { count: total - covered }))
  }

  /** A file is analysed on its own, in memory (no database is opened); a procedure from the database. */
  private async analyze(target: string, flags: Flags): Promise<number> {
    const t = this.t
    // A procedure written wrongly is a usage error found before the analysis is loaded.
    const key = target.toLowerCase().endsWith(".xlsx") ? null : this.procedure(target)
    const { offlineAnalysis } = await servicesModule()
    const settings = offlineAnalysis.settingsOf({
      ...(flags.preset !== undefined ? { preset: flags.preset } : {}),
      ...(flags.settings ? { json: JSON.parse(await readFile(flags.settings, "utf8")) } : {}),
    })
    if (!settings) throw new UsageError(t("cli-preset-unknown", { preset: flags.preset ?? "" }))
    const groupName = t("analysis-group-name")
    let report
    // From the database the workbook is the bot's municipal workbook, the risk cases' sheet included.
    let storedWorkbook: (() => Promise<Buffer>) | undefined
    if (key === null) {
      const analysed = await offlineAnalysis.analyseFile(target, { settings, groupName, ...(flags.procedure ? { procedure: this.procedure(flags.procedure) } : {}) })
      if (!analysed.ok) {
        for (const found of analysed.problems) this.io.err(`${describeProblem(found, t)}\n`)
        throw new UsageError(t(analysed.status === "needs-input" ? "cli-procedure-undetermined" : "cli-file-unreadable"))
      }
      report = analysed.report
    } else {
      const services = await this.services()
      const actor = await this.actor(services)
      const stored = await services.analysis.report(actor, key, t, { settings })
      if (!stored.ok) throw new UsageError(t("cli-no-results", { title: procedureTitle(key) }))
      report = stored.report
      storedWorkbook = async () => {
        const written = await services.analysis.municipalWorkbook(actor, key, t, { settings })
        if (!written.ok) throw new UsageError(t("cli-no-results", { title: procedureTitle(key) }))
        return written.bytes
      }
    }
    if (flags.json) this.io.out(JSON.stringify(offlineAnalysis.reportJson(report), null, 2))
    if (flags.out) {
      await writeFile(flags.out, storedWorkbook ? await storedWorkbook() : await offlineAnalysis.reportWorkbook(report, t))
      this.io.err(`${t("cli-report-written", { file: flags.out })}\n`)
    }
    if (!flags.json && !flags.out) {
      const { procedure, ...counts } = offlineAnalysis.reportSummary(report)
      this.io.out(t("cli-summary", { ...counts, title: procedureTitle(procedure) }))
    }
    return 0
  }

  private async schools(file: string): Promise<number> {
    const t = this.t
    const bytes = await readFile(file)
    const services = await this.services()
    const outcome = await services.directory.importForm(await this.actor(services), bytes)
    if (outcome.ok) {
      this.io.out(t("cli-directory-updated", { form: String(outcome.form ?? "?"), created: outcome.created, updated: outcome.updated }))
      if (outcome.skipped.length > 0) this.io.out(t("directory-skipped", { count: outcome.skipped.length, list: skippedList(outcome.skipped) }))
      return 0
    }
    if (outcome.reason === "problems") for (const found of outcome.problems) this.io.out(describeProblem(found, t))
    return 2
  }

  private async template(target: string, out: string): Promise<number> {
    const t = this.t
    const services = await this.services()
    if (target.toLowerCase() === "outside") {
      const template = await services.templates.outside(await this.actor(services), t)
      await writeFile(out, template.bytes)
      this.io.out(t("cli-outside-template-written", { file: out }))
      return 0
    }
    const key = this.procedure(target)
    const template = await services.templates.results(key, t)
    if (!template.ok) throw new UsageError(t("cli-no-spec", { title: procedureTitle(key) }))
    await writeFile(out, template.bytes)
    this.io.out(t("cli-template-written", { file: out }))
    return 0
  }

  private procedure(text: string): ProcedureKey {
    const key = parseProcedureText(text)
    if (!key) throw new UsageError(this.t("cli-procedure-invalid", { text }))
    return key
  }

  /**
   * Work from the command line is recorded under one «Командная строка» user with the admin role (the name is
   * fixed: it is the stored user's name, whatever language the replies are in).
   */
  private actor(services: Services): Promise<Actor> {
    return services.access.systemActor(createTranslator("ru")("cli-user-name"))
  }
}

/**
 * The file's name with the two folders above it: FIS OKO exports name year and grade only by their folders
 * (`2022/6/Математика.xlsx`), and the intake reads the procedure from the path it is given. Deeper folders are left
 * out: they say nothing about the procedure and would be stored as the upload's name.
 */
export function namedBy(file: string): string {
  return path.resolve(file).split(/[\\/]+/u).filter(Boolean).slice(-3).join("/")
}

function warningsOf(step: IntakeStep): number {
  const notice = step.notices.find((found) => found.notice === "warnings")
  return notice?.notice === "warnings" ? notice.problems.warnings : 0
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  // Exit once the command is done, whatever handles the database left open.
  process.exit(await runCli(process.argv.slice(2)))
}
