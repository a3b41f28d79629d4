import { addDays, russianDate, type LocalDate } from "../calendar/dates.ts"
import { CalendarYearMissing, type ProductionCalendar } from "../calendar/production-calendar.ts"
import { procedureTitle, type ProcedureKey } from "../results.ts"
import { dateAfter, dateBefore, type DeadlineRules, type LocalMoment, type ReminderPlan } from "./rules.ts"

/**
 * The deadlines a municipality's procedure calendar implies (issue 16 §3, calendar.md §6.2), derived from the
 * schedule and the results received so far. Pure: the planner job feeds it and stores what it returns.
 *
 * - briefing: the municipality briefs its school coordinators by the end of the working day before the first work
 *   of a procedure kind and year (ВПР 2026) in the municipality;
 * - materials: each school checks its materials on the eve of each work — they appear in FIS OKO by 14:00 local
 *   (S4), so the reminder goes at that hour; a reminder, not a deliverable: it does not escalate;
 * - results_upload: each school uploads the results of each procedure by the plan-graph date (S10), else N working
 *   days after its (last) work; done once the results are in the bot; its reminders are the "not uploaded yet"
 *   follow-ups;
 * - analysis: the municipality analyses a procedure within N calendar days after the results are in — from the day
 *   the last scheduled school uploaded, or, when some never did, from the last upload deadline.
 */

export interface ScheduledWork {
  schoolId: number
  /** `ВПР|2026|Математика|4` */
  procedure: string
  key: ProcedureKey
  date: LocalDate
}

export interface PlannedDeadline {
  /** Unique within the municipality (the caller prefixes it). */
  key: string
  kind: "briefing" | "materials" | "results_upload" | "analysis"
  title: { key: string; params: Record<string, string | number> }
  schoolId: number | null
  due: LocalMoment
  role: "school_coordinator" | "municipal_coordinator"
  reminders?: ReminderPlan
  escalate: boolean
  /** The local date the item was done on (results arrived), when it is done. */
  doneOn?: LocalDate
}

export interface SchedulePlanInput {
  works: ScheduledWork[]
  /** `schoolId|procedure` → the local date of the school's first results of that procedure. */
  uploads: Map<string, LocalDate>
  rules: DeadlineRules
  calendar: ProductionCalendar
  today: LocalDate
}

export interface SchedulePlan {
  deadlines: PlannedDeadline[]
  /** Years the calendar does not hold: works in them get no deadlines. */
  missingYears: number[]
}

const EVENING = 18 * 60

export function planFromSchedule(input: SchedulePlanInput): SchedulePlan {
  const { rules, calendar } = input
  const deadlines: PlannedDeadline[] = []
  const missingYears = new Set<number>()
  const guarded = (work: () => void) => {
    try {
      work()
    } catch (error) {
      if (error instanceof CalendarYearMissing) missingYears.add(error.year)
      else throw error
    }
  }

  const seasons = groupBy(input.works, (work) => `${work.key.kind}|${work.key.year}`)
  if (rules.briefCoordinatorsBefore.enabled) {
    for (const [season, works] of seasons) {
      const first = works.map((work) => work.date).sort()[0]!
      guarded(() => {
        const due = dateBefore(first, { ...rules.briefCoordinatorsBefore, at: rules.briefCoordinatorsBefore.at ?? EVENING }, calendar)
        deadlines.push({
          key: `brief:${season}`,
          kind: "briefing",
          title: { key: "deadline-title-briefing", params: { season: season.replace("|", " "), date: russianDate(first) } },
          schoolId: null,
          due,
          role: "municipal_coordinator",
          escalate: true,
        })
      })
    }
  }

  if (rules.materialsCheck.enabled) {
    for (const work of input.works) {
      guarded(() => {
        const eve = calendar.previousWorkingDay(work.date)
        deadlines.push({
          key: `materials:${work.schoolId}:${work.procedure}:${work.date}`,
          kind: "materials",
          title: { key: "deadline-title-materials", params: { procedure: procedureTitle(work.key), date: russianDate(work.date) } },
          schoolId: work.schoolId,
          due: { date: eve, minutes: EVENING },
          role: "school_coordinator",
          reminders: { workingDaysBefore: [0], at: rules.materialsCheck.at },
          escalate: false,
        })
      })
    }
  }

  const bySchoolProcedure = groupBy(input.works, (work) => `${work.schoolId}|${work.procedure}`)
  const uploadDue = new Map<string, LocalMoment>()
  if (rules.resultsUploadDue.enabled) {
    for (const [pair, works] of bySchoolProcedure) {
      const last = works.map((work) => work.date).sort().at(-1)!
      const { schoolId, procedure, key } = works[0]!
      guarded(() => {
        const planned = rules.resultsUploadDue.planGraph[`${key.kind}|${key.year}`]
        const due = planned && planned >= last ? { date: planned, minutes: rules.resultsUploadDue.at ?? 23 * 60 + 59 } : dateAfter(last, rules.resultsUploadDue, calendar)
        uploadDue.set(pair, due)
        const doneOn = input.uploads.get(pair)
        deadlines.push({
          key: `upload:${schoolId}:${procedure}`,
          kind: "results_upload",
          title: { key: "deadline-title-results_upload", params: { procedure: procedureTitle(key), date: russianDate(last) } },
          schoolId,
          due,
          role: "school_coordinator",
          escalate: true,
          ...(doneOn ? { doneOn } : {}),
        })
      })
    }
  }

  if (rules.municipalAnalysisDue.enabled) {
    for (const [procedure, works] of groupBy(input.works, (work) => work.procedure)) {
      const pairs = [...new Set(works.map((work) => `${work.schoolId}|${procedure}`))]
      const uploaded = pairs.map((pair) => input.uploads.get(pair)).filter((date): date is LocalDate => date !== undefined)
      if (uploaded.length === 0) continue
      let anchor: LocalDate | null = null
      if (uploaded.length === pairs.length) anchor = uploaded.sort().at(-1)!
      else {
        const lastDue = pairs.map((pair) => uploadDue.get(pair)?.date).filter((date): date is LocalDate => date !== undefined).sort().at(-1)
        if (lastDue && lastDue < input.today) anchor = lastDue
      }
      if (!anchor) continue
      const start = anchor
      guarded(() => {
        const due = dateAfter(start, rules.municipalAnalysisDue, calendar)
        deadlines.push({
          key: `analysis:${procedure}`,
          kind: "analysis",
          title: { key: "deadline-title-analysis", params: { procedure: procedureTitle(works[0]!.key), date: russianDate(start) } },
          schoolId: null,
          due,
          role: "municipal_coordinator",
          escalate: true,
        })
      })
    }
  }
  return { deadlines, missingYears: [...missingYears] }
}

/** The first date a planner still derives deadlines from: older works are history. */
export function scheduleHorizon(today: LocalDate): LocalDate {
  return addDays(today, -120)
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const name = key(item)
    const group = groups.get(name)
    if (group) group.push(item)
    else groups.set(name, [item])
  }
  return groups
}
