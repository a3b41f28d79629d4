/**
 * The same use cases without Telegram:
 *   cli import <file.xlsx> [--procedure "ВПР/2021/Математика/4"] [--school edu223017] [--exclude-invalid] [--yes]
 *   cli analyze <file.xlsx | "ВПР/2021/Математика/4"> [--out report.xlsx] [--json] [--settings file.json] [--preset fioko2019]
 *   cli schools <context-form.xlsx>
 *   cli template "ВПР/2021/Математика/4" --out template.xlsx
 *   cli template outside --out outside.xlsx
 * `import` also takes the outside-data workbook (ОГЭ/ЕГЭ, medalists, re-checks: services/outside).
 */
import { readFile, writeFile } from "node:fs/promises"
import path from "node:path"
import { parseArgs } from "node:util"
import { ConfigError, databaseUrl } from "./config.ts"
import { openDatabase, type Database } from "./db/client.ts"
import { normaliseSubject } from "./domain/procedures/index.ts"
import { procedureTitle, type ProcedureKey, type ProcedureKind } from "./domain/results.ts"
import { createTranslator } from "./i18n.ts"
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
import { importDirectory } from "./services/results/directory.ts"
import { parseResults } from "./services/results/formats/parse.ts"
import { createIntake } from "./services/results/intake.ts"
import { hasPersonalData } from "./services/results/intake-view.ts"
import { describeProblem } from "./services/results/validation/problem.ts"
import type { OutsideImportOutcome } from "./services/outside/import.ts"
import { buildOutsideTemplate } from "./services/outside/template.ts"

const t = createTranslator("ru")
const USAGE = `Команды:
  import <файл.xlsx> [--procedure "ВПР/2021/Математика/4"] [--school edu223017] [--exclude-invalid] [--yes]
  analyze <файл.xlsx | "ВПР/2021/Математика/4"> [--out отчёт.xlsx] [--json] [--settings настройки.json] [--preset fioko2019]
  schools <форма контекстных данных.xlsx>
  template "ВПР/2021/Математика/4" --out шаблон.xlsx
  template outside --out внешние-данные.xlsx     (шаблон внешних данных: ОГЭ и ЕГЭ, медалисты, перепроверка)
Команда import принимает и книгу внешних данных.
База данных: переменная DATABASE_URL (по умолчанию встроенная, ./data/pglite).`

class UsageError extends Error {}

function parseProcedure(text: string): ProcedureKey {
  const [kind, year, subject, grade] = text.split("/").map((part) => part.trim())
  const canonical = subject ? normaliseSubject(subject) : null
  if (!kind || !["ВПР", "КДР", "ОГЭ", "ЕГЭ"].includes(kind) || !Number(year) || !canonical || !Number(grade)) {
    throw new UsageError(`Не понял процедуру «${text}»: нужно «вид/год/предмет/класс», например «ВПР/2021/Математика/4».`)
  }
  return { kind: kind as ProcedureKind, year: Number(year), subject: canonical, grade: Number(grade) }
}

async function withDatabase<T>(work: (db: Database, actor: Actor) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseUrl())
  try {
    // Work from the command line is recorded under one «Командная строка» user with the admin role.
    const actor = await systemActor({ prisma: db.prisma }, { telegramId: 0n, firstName: "Командная строка" })
    return await work(db, actor)
  } finally {
    await db.close()
  }
}

async function importCommand(file: string, options: { procedure?: string; school?: string; "exclude-invalid"?: boolean; yes?: boolean }): Promise<number> {
  const bytes = await readFile(file)
  return withDatabase(async (db, actor) => {
    const intake = createIntake({ prisma: db.prisma, clock: systemClock, logger: silentLogger })
    const choices = {
      ...(options.procedure ? { procedure: parseProcedure(options.procedure) } : {}),
      ...(options.school ? { schoolLogin: options.school } : {}),
      excludeInvalidRows: options["exclude-invalid"] ?? false,
    }
    const received = { bytes, fileName: path.basename(file) }
    const uploadId = await intake.keep(actor, received)
    const parsed = await intake.read(received, choices, (rows) => process.stderr.write(`\rПрочитано строк: ${rows}`))
    process.stderr.write("\n")
    if (parsed.problems.some((found) => found.code === "layout-outside-data")) return printOutside(await intake.importOutside(actor, uploadId))
    for (const found of parsed.problems.slice(0, 50)) console.log(`${found.severity === "error" ? "ошибка" : "предупреждение"}: ${describeProblem(found, t)}`)
    if (parsed.problems.length > 50) console.log(`…и ещё ${parsed.problems.length - 50}`)
    if (parsed.status === "needs-input") {
      await intake.markRejected(actor, uploadId, "rejected", "needs-input", { personalData: hasPersonalData(parsed) })
      throw new UsageError(`Не удалось определить: ${parsed.missing.join(", ")}. Укажите --procedure и/или --school.`)
    }
    if (!parsed.canImport) {
      await intake.markRejected(actor, uploadId, "rejected", parsed.status, { personalData: hasPersonalData(parsed) })
      console.log("Файл не загружен: есть ошибки." + (parsed.status === "parsed" ? " Чтобы загрузить без строк с ошибками, добавьте --exclude-invalid." : ""))
      return 2
    }
    const warnings = parsed.problems.filter((found) => found.severity === "warning").length
    if (warnings > 0 && !options.yes) {
      await intake.markRejected(actor, uploadId, "cancelled", "warnings not confirmed")
      console.log(`Есть предупреждения (${warnings}). Чтобы загрузить с ними, повторите с --yes.`)
      return 3
    }
    const outcome = await intake.store(actor, uploadId, received, choices)
    if (!outcome.ok) {
      console.log(`Не загружено: ${outcome.reason}`)
      return 2
    }
    console.log(`Загружено: ${procedureTitle(parsed.spec!)}. Школ: ${outcome.schools.length}, участников: ${outcome.present}, отсутствовали: ${outcome.absent}.`)
    return 0
  })
}

function printOutside(outcome: OutsideImportOutcome): number {
  if (outcome.ok) {
    console.log(`Внешние данные загружены: ОГЭ и ЕГЭ — строк ${outcome.exams}, медалистов ${outcome.medalists}, перепроверенных работ ${outcome.rechecks}. Школ: ${outcome.schools}.`)
    return 0
  }
  if (outcome.reason === "problems") {
    for (const found of outcome.problems.slice(0, 50)) console.log(`ошибка: ${describeProblem(found, t)}`)
    if (outcome.problems.length > 50) console.log(`…и ещё ${outcome.problems.length - 50}`)
    console.log("Внешние данные не загружены: есть ошибки.")
  } else {
    console.log(outcome.reason === "not_allowed" ? t("outside-not-allowed", { schools: outcome.schools.join(", ") }) : t("outside-not-allowed-role"))
  }
  return 2
}

async function settingsFrom(options: { settings?: string; preset?: string }): Promise<AnalysisSettings> {
  const base = options.preset === undefined ? DEFAULT_SETTINGS : options.preset.toLowerCase() === "fioko2019" ? FIOKO_2019 : null
  if (!base) throw new UsageError(`Неизвестный набор настроек «${options.preset}»: есть fioko2019.`)
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
      throw new UsageError(parsed.status === "needs-input" ? "Не удалось определить процедуру: укажите --procedure." : "Файл не удалось прочитать.")
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
    if (!found) throw new UsageError(`Нет загруженных результатов «${procedureTitle(key)}».`)
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
    console.error(`Отчёт записан: ${options.out}`)
  }
  if (!options.json && !options.out) {
    const levels = { risk: 0, attention: 0, none: 0 }
    for (const school of context.analysis.schools) levels[school.risk.level]++
    console.log(`${procedureTitle(context.results.spec)}: школ ${context.analysis.schools.length}; зона риска — ${levels.risk}, требуют внимания — ${levels.attention}, без признаков — ${levels.none}. Подробности: --json или --out отчёт.xlsx`)
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
    },
  })
  const [command, target] = positionals
  if (!command || command === "help" || values.help) {
    console.log(USAGE)
    return 0
  }
  switch (command) {
    case "import":
      if (!target) throw new UsageError("Укажите файл: cli import <файл.xlsx>")
      return importCommand(target, values)
    case "analyze":
    case "analyse":
      if (!target) throw new UsageError("Укажите файл или процедуру: cli analyze <файл.xlsx | ВПР/2021/Математика/4>")
      return analyzeCommand(target, values)
    case "schools": {
      if (!target) throw new UsageError("Укажите форму контекстных данных: cli schools <файл.xlsx>")
      const bytes = await readFile(target)
      const outcome = await withDatabase((db, actor) => importDirectory({ prisma: db.prisma, clock: systemClock, logger: silentLogger }, actor, bytes))
      if (!outcome.ok) {
        for (const found of outcome.problems) console.log(describeProblem(found, t))
        return 2
      }
      console.log(`Справочник школ обновлён (форма ${outcome.form ?? "?"}): новых — ${outcome.created}, обновлено — ${outcome.updated}.`)
      return 0
    }
    case "template": {
      if (!target || !values.out) throw new UsageError("cli template «ВПР/2021/Математика/4» --out шаблон.xlsx  или  cli template outside --out внешние-данные.xlsx")
      if (target.toLowerCase() === "outside") {
        await writeFile(values.out, await buildOutsideTemplate(t, { maxYear: systemClock.now().getUTCFullYear() }))
        console.log(`Шаблон внешних данных записан: ${values.out}`)
        return 0
      }
      const key = parseProcedure(target)
      const template = await withDatabase((db) => createIntake({ prisma: db.prisma, clock: systemClock, logger: silentLogger }).template(key, t))
      if (!template) throw new UsageError(`Нет спецификации для «${procedureTitle(key)}».`)
      await writeFile(values.out, template.bytes)
      console.log(`Шаблон записан: ${values.out}`)
      return 0
    }
    default:
      throw new UsageError(`Неизвестная команда «${command}».\n\n${USAGE}`)
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof UsageError || error instanceof ConfigError ? error.message : error)
    process.exit(error instanceof UsageError ? 64 : 1)
  },
)
