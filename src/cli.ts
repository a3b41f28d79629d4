/**
 * The same use cases without Telegram:
 *   cli import <file.xlsx> [--procedure "ВПР/2021/Математика/4"] [--school edu223017] [--exclude-invalid] [--yes]
 *   cli analyze <file.xlsx | "ВПР/2021/Математика/4"> [--out report.xlsx] [--json] [--settings file.json] [--preset fioko2019]
 *   cli schools <context-form.xlsx>
 *   cli template "ВПР/2021/Математика/4" --out template.xlsx
 *   cli template outside --out outside.xlsx
 * Every command takes `--lang en` (Russian by default); the texts live in cli.ftl of each locale.
 * `import` also takes the outside-data workbook (ОГЭ/ЕГЭ, medalists, re-checks: services/outside).
 */
import { readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import { ConfigError, databaseUrl } from "./config.ts"
import { openDatabase, type Database } from "./db/client.ts"
import { procedureTitle, type ProcedureKey } from "./domain/results.ts"
import { createTranslator, type Language, type Translate } from "./i18n.ts"
import { silentLogger } from "./logger.ts"
import { analyseProcedure } from "./services/analysis/analyse.ts"
import { analysisJson } from "./services/analysis/json.ts"
import { municipalOverviewModel, schoolReportModel, type ReportContext } from "./services/analysis/report-model.ts"
import { analyseStored } from "./services/analysis/runs.ts"
import { DEFAULT_SETTINGS, FIOKO_2019, parseSettings, type AnalysisSettings } from "./services/analysis/settings.ts"
import { resultsFromParticipants } from "./services/analysis/from-participants.ts"
import type { Actor } from "./services/access/roles.ts"
import { systemActor } from "./services/access/users.ts"
import { systemClock } from "./services/deps.ts"
import { buildMunicipalReport } from "./services/reports/index.ts"
import { importDirectory } from "./services/schools/directory.ts"
import { parseProcedureText } from "./services/results/procedure-key.ts"
import { parseResults } from "./services/results/formats/parse.ts"
import { createServices } from "./services/index.ts"
import type { IntakeChoices, IntakeRefusal, StoredUpload } from "./services/intake/flow.ts"
import { describeProblem, type Problem } from "./services/workbooks/problem.ts"
import { buildOutsideTemplate } from "./services/exams-medalists-rechecks/template.ts"

/** Replies in Russian unless `--lang en` is given (set in main before any command runs). */
let t: Translate = createTranslator("ru")

class UsageError extends Error {}

function parseProcedure(text: string): ProcedureKey {
  const key = parseProcedureText(text)
  if (!key) throw new UsageError(t("cli-procedure-invalid", { text }))
  return key
}

async function withDatabase<T>(work: (db: Database, actor: Actor) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseUrl())
  try {
    // Work from the command line is recorded under one «Командная строка» user with the admin role (the name is
    // fixed: it is the stored user's name, whatever language the replies are in).
    const actor = await systemActor({ prisma: db.prisma }, { telegramId: 0n, firstName: createTranslator("ru")("cli-user-name") })
    return await work(db, actor)
  } finally {
    await db.close()
  }
}

function servicesOf(db: Database) {
  return createServices({ prisma: db.prisma, clock: systemClock, logger: silentLogger }, { adminIds: [], inviteTtlHours: 72, defaultTimeZone: "Europe/Moscow" })
}

/** The intake driven from the flags: every answer is given up front, a question left means a flag is missing. */
async function importCommand(file: string, options: { procedure?: string; school?: string; "exclude-invalid"?: boolean; yes?: boolean }): Promise<number> {
  const bytes = await readFile(file)
  return withDatabase(async (db, actor) => {
    const services = servicesOf(db)
    const given: IntakeChoices = {
      ...(options.procedure ? { procedure: parseProcedure(options.procedure) } : {}),
      ...(options.school ? { schoolLogin: options.school } : {}),
      excludeInvalidRows: options["exclude-invalid"] ?? false,
      warningsConfirmed: options.yes ?? false,
    }
    const onProgress = (rows: number) => process.stderr.write(`\r${t("cli-rows-read", { rows })}`)
    const step = await services.intake.receive(actor, { bytes, fileName: path.basename(file) }, { given, show: PROBLEMS_PRINTED, onProgress })
    process.stderr.write("\n")
    let warnings = 0
    for (const notice of step.notices) {
      if (notice.notice === "errors" || notice.notice === "warnings") {
        printProblems(notice.problems)
        warnings = notice.problems.warnings
      }
    }
    switch (step.step) {
      case "question":
        if (step.problems) printProblems(step.problems)
        await services.intake.cancel(actor, step.session, "needs-input")
        throw new UsageError(t("cli-missing", { parts: step.session.missing.join(", ") }))
      case "cancelled":
        if (step.declined === "confirm-warnings") {
          console.log(t("cli-confirm-warnings", { count: warnings }))
          return 3
        }
        console.log(`${t("cli-not-imported-errors")} ${t("cli-exclude-invalid-hint")}`)
        return 2
      case "stored":
        return printStored(step.stored)
      case "refused":
        return printRefusal(step.refusal)
    }
  })
}

function printStored(stored: StoredUpload): number {
  switch (stored.kind) {
    case "results":
      console.log(t("cli-imported", { title: procedureTitle(stored.procedure), schools: stored.schools, present: stored.present, absent: stored.absent }))
      break
    case "outside-data":
      console.log(t("cli-outside-imported", { exams: stored.exams, medalists: stored.medalists, rechecks: stored.rechecks, schools: stored.schools }))
      break
    case "context-form":
      console.log(t("cli-directory-updated", { form: stored.form ?? "?", created: stored.created, updated: stored.updated }))
      break
    case "spec":
      console.log(t("spec-saved", { title: procedureTitle(stored.spec), version: stored.spec.version, tasks: stored.spec.tasks.length, max: stored.spec.maxTotal }))
  }
  return 0
}

function printRefusal(refusal: IntakeRefusal): number {
  if (refusal.reason === "not_allowed") {
    if (refusal.kind === "outside-data") console.log(refusal.outside.length === 0 ? t("outside-not-allowed-role") : t("outside-not-allowed", { schools: refusal.outside.join(", ") }))
    else console.log(t("cli-not-imported", { reason: refusal.reason }))
    return 2
  }
  if (refusal.why !== "errors") printProblems(refusal) // those were listed with the read
  if (refusal.kind === "outside-data") console.log(t("cli-outside-rejected"))
  else if (refusal.why === "no-participants") console.log(t("cli-not-imported", { reason: "no_participants" }))
  else console.log(t("cli-not-imported-errors") + (refusal.parsed ? ` ${t("cli-exclude-invalid-hint")}` : ""))
  return 2
}

const LANGUAGES: readonly Language[] = ["ru", "en"]
const PROBLEMS_PRINTED = 50

/** The first problems (errors first), one line each, and how many more there are. */
function printProblems(problems: { errors: number; warnings: number; problems?: readonly Problem[]; shown?: readonly Problem[] }): void {
  const shown = problems.shown ?? problems.problems ?? []
  for (const found of shown) {
    console.log(t(found.severity === "error" ? "cli-problem-error" : "cli-problem-warning", { text: describeProblem(found, t) }))
  }
  const total = problems.errors + problems.warnings
  if (total > shown.length) console.log(t("cli-more-problems", { count: total - shown.length }))
}

async function settingsFrom(options: { settings?: string; preset?: string }): Promise<AnalysisSettings> {
  const base = options.preset === undefined ? DEFAULT_SETTINGS : options.preset.toLowerCase() === "fioko2019" ? FIOKO_2019 : null
  if (!base) throw new UsageError(t("cli-preset-unknown", { preset: options.preset ?? "" }))
  return options.settings ? parseSettings(JSON.parse(await readFile(options.settings, "utf8")), base) : base
}

/** A file is analysed on its own, in memory; a procedure from the database. */
async function analyzeCommand(target: string, options: { out?: string; json?: boolean; settings?: string; preset?: string; procedure?: string }): Promise<number> {
  const settings = await settingsFrom(options)
  let context: ReportContext
  if (target.toLowerCase().endsWith(".xlsx")) {
    const parsed = await parseResults(target, { fileName: target, allowInvalidRows: "exclude", ...(options.procedure ? { procedure: parseProcedure(options.procedure) } : {}) })
    if (!parsed.spec || parsed.status !== "parsed") {
      for (const found of parsed.problems.slice(0, 20)) console.error(describeProblem(found, t))
      throw new UsageError(t(parsed.status === "needs-input" ? "cli-procedure-undetermined" : "cli-file-unreadable"))
    }
    const results = resultsFromParticipants(parsed.spec, parsed.participants)
    const logins = new Map(parsed.schools.map((school) => [school.key, { login: school.login, name: school.name ?? null }]))
    context = { analysis: analyseProcedure(results, settings), results, schoolNames: logins, groupName: t("analysis-group-name") }
  } else {
    const key = parseProcedure(target)
    const found = await withDatabase(async (db) => {
      const outcome = await analyseStored({ prisma: db.prisma, clock: systemClock, logger: silentLogger }, key, { settings })
      const schools = outcome ? await db.prisma.school.findMany({ where: { key: { in: outcome.results.schools.map((school) => school.schoolKey) } } }) : []
      return outcome && { outcome, schools }
    })
    if (!found) throw new UsageError(t("cli-no-results", { title: procedureTitle(key) }))
    context = {
      analysis: found.outcome.analysis,
      results: found.outcome.results,
      schoolNames: new Map(found.schools.map((school) => [school.key, { login: school.login, name: school.name }])),
      groupName: t("analysis-group-name"),
    }
  }
  if (options.json) {
    const logins = new Map([...context.schoolNames].map(([key, names]) => [key, names.login]))
    console.log(JSON.stringify(analysisJson(context.analysis, logins), null, 2))
  }
  if (options.out) {
    const overview = municipalOverviewModel(t, context, { name: context.groupName, municipalityId: null })
    const reports = context.analysis.schools.flatMap((school) => schoolReportModel(t, context, school.schoolKey, { withRisk: true }) ?? [])
    await writeFile(options.out, await buildMunicipalReport(overview, reports, t))
    console.error(t("cli-report-written", { file: options.out }))
  }
  if (!options.json && !options.out) {
    const levels = { risk: 0, attention: 0, none: 0 }
    for (const school of context.analysis.schools) levels[school.risk.level]++
    console.log(t("cli-summary", { title: procedureTitle(context.results.spec), schools: context.analysis.schools.length, ...levels }))
  }
  return 0
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      procedure: { type: "string" },
      school: { type: "string" },
      "exclude-invalid": { type: "boolean" },
      yes: { type: "boolean" },
      out: { type: "string" },
      json: { type: "boolean" },
      settings: { type: "string" },
      preset: { type: "string" },
      help: { type: "boolean" },
      lang: { type: "string" },
    },
  })
  if (values.lang !== undefined && !LANGUAGES.includes(values.lang as Language)) throw new UsageError(t("cli-language-invalid", { value: values.lang }))
  t = createTranslator((values.lang as Language | undefined) ?? "ru")
  const [command, target] = positionals
  if (!command || command === "help" || values.help) {
    console.log(t("cli-usage"))
    return 0
  }
  switch (command) {
    case "import":
      if (!target) throw new UsageError(t("cli-need-file"))
      return importCommand(target, values)
    case "analyze":
    case "analyse":
      if (!target) throw new UsageError(t("cli-need-target"))
      return analyzeCommand(target, values)
    case "schools": {
      if (!target) throw new UsageError(t("cli-need-context-form"))
      const bytes = await readFile(target)
      const outcome = await withDatabase((db, actor) => importDirectory({ prisma: db.prisma, clock: systemClock, logger: silentLogger }, actor, bytes))
      if (!outcome.ok) {
        for (const found of outcome.problems) console.log(describeProblem(found, t))
        return 2
      }
      console.log(t("cli-directory-updated", { form: outcome.form ?? "?", created: outcome.created, updated: outcome.updated }))
      return 0
    }
    case "template": {
      if (!target || !values.out) throw new UsageError(t("cli-template-usage"))
      if (target.toLowerCase() === "outside") {
        await writeFile(values.out, await buildOutsideTemplate(t, { maxYear: systemClock.now().getUTCFullYear() }))
        console.log(t("cli-outside-template-written", { file: values.out }))
        return 0
      }
      const key = parseProcedure(target)
      const template = await withDatabase((db) => servicesOf(db).templates.results(key, t))
      if (!template.ok) throw new UsageError(t("cli-no-spec", { title: procedureTitle(key) }))
      await writeFile(values.out, template.bytes)
      console.log(t("cli-template-written", { file: values.out }))
      return 0
    }
    default:
      throw new UsageError(`${t("cli-command-unknown", { command })}\n\n${t("cli-usage")}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof UsageError || error instanceof ConfigError ? error.message : error)
    process.exit(error instanceof UsageError ? 64 : 1)
  },
)
