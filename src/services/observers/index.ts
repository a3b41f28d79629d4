import type { LocalDate } from "../../domain/calendar/dates.ts"
import type { ActDraft } from "../../domain/observers/act.ts"
import type { Random } from "../../domain/observers/quiz.ts"
import type { Translate } from "../../i18n.ts"
import type { Actor } from "../access/roles.ts"
import type { DeadlineTracker } from "../deadlines/track.ts"
import type { ServiceDeps } from "../deps.ts"
import { notFound, type Done, type NotFound } from "../outcome.ts"
import type { Schedule } from "../schedule/schedule.ts"
import { createActs } from "./acts.ts"
import { actsWorkbook } from "./acts-xlsx.ts"
import { announceApplication, createApplications } from "./applications.ts"
import { createAssignments } from "./assignments.ts"
import { createActDeadlines } from "./deadlines.ts"
import { createObserverJobs } from "./jobs.ts"
import { eraseProfile, invitedMunicipality, municipalities, ownProfile, saveProfile, schoolRefs, searchSchools, type ProfileForm, type SaveProfileOutcome } from "./profiles.ts"
import { createQuiz } from "./quiz.ts"
import { canActOnMunicipality, coordinatorScope, isObserverCoordinator } from "./scope.ts"
import { createSessions } from "./sessions.ts"
import { observerSettings, saveObserverSettings, type ObserverSettings } from "./settings.ts"

/**
 * The public-observer programme (issue 14, observers.md): sign-up with consent, training quiz, the coordinator's
 * approval, sessions from the procedure schedule, conflict-free assignment, offers with confirmation, reminders,
 * replacements, and the observation act. Roles and scope are checked in every use case here.
 */
export function createObservers(deps: ServiceDeps, options: { schedule: Schedule; defaultTimeZone: string; random?: Random; deadlines?: DeadlineTracker }) {
  const actDeadlines = createActDeadlines(deps, options.deadlines)
  const sessions = createSessions(deps, options.schedule, options.defaultTimeZone)
  const assignments = createAssignments(deps, sessions, options.defaultTimeZone, actDeadlines)
  const applications = createApplications(deps)
  const acts = createActs(deps, options.defaultTimeZone, actDeadlines)
  const quiz = createQuiz(deps, options.random ?? Math.random)

  return {
    isCoordinator: isObserverCoordinator,

    profile: {
      own: (actor: Actor) => ownProfile(deps, actor),
      /** The municipality an observer invite fixed, if any (then the sign-up does not ask for one). */
      invitedMunicipality,
      municipalities: () => municipalities(deps),
      searchSchools: (municipalityId: number, query: string) => searchSchools(deps, municipalityId, query),
      schoolRefs: (ids: number[]) => schoolRefs(deps, ids),

      /**
       * Stores the sign-up form (or a change of it). A new school tie cancels the sessions ahead that it makes a
       * conflict; a new municipality sends the application to its coordinators.
       */
      async save(actor: Actor, form: ProfileForm): Promise<SaveProfileOutcome & { cancelled?: number }> {
        const outcome = await saveProfile(deps, actor, form)
        if (!outcome.ok) return outcome
        let cancelled = 0
        if (outcome.municipalityChanged) cancelled += await assignments.endAhead(outcome.profile.id, "withdrawn")
        else if (outcome.schoolsChanged) cancelled += await assignments.endAhead(outcome.profile.id, "detected_conflict", true)
        if (outcome.municipalityChanged && outcome.profile.status === "awaiting_approval") {
          await announceApplication(deps, outcome.profile.id, `moved${deps.clock.now().getTime()}`)
        }
        return { ...outcome, cancelled }
      },

      /** Withdrawal of consent: sessions ahead are cancelled (replacements proposed), then the personal data erased. */
      async withdraw(actor: Actor): Promise<Done<{ cancelled: number }> | NotFound> {
        const profile = await ownProfile(deps, actor)
        if (!profile) return notFound()
        const cancelled = await assignments.endAhead(profile.id, "withdrawn")
        const erased = await eraseProfile(deps, actor)
        return erased.ok ? { ok: true, cancelled } : erased
      },
    },

    quiz,
    applications,

    sessions: {
      upcoming: sessions.upcoming,
      /** Today's date in a municipality (the default time zone without one). */
      today: sessions.today,
      create: sessions.create,
      requestObservers: sessions.requestObservers,
      searchSchools: sessions.searchSchools,
      school: sessions.school,
    },

    assignments: {
      propose: assignments.propose,
      draft: assignments.draft,
      alternatives: assignments.alternatives,
      choose: assignments.choose,
      drop: assignments.drop,
      accept: assignments.accept,
      respond: assignments.respond,
      mine: assignments.mine,
    },

    acts: {
      pending: acts.pending,
      actable: acts.actable,
      submit: (actor: Actor, assignmentId: number, draft: ActDraft) => acts.submit(actor, assignmentId, draft),
      workbook: (actor: Actor, t: Translate, range: { from?: LocalDate; to?: LocalDate } = {}) => actsWorkbook(deps, actor, t, range, options.defaultTimeZone),
    },

    settings: {
      /** The rules of the actor's (first) municipality, for a coordinator. */
      async current(actor: Actor): Promise<{ municipalityId: number; settings: ObserverSettings } | null> {
        const municipalityId = coordinatorScope(actor)?.[0]
        if (municipalityId === undefined || !canActOnMunicipality(actor, municipalityId)) return null
        return { municipalityId, settings: await observerSettings(deps, municipalityId) }
      },
      save: (actor: Actor, municipalityId: number, patch: Partial<ObserverSettings>) => saveObserverSettings(deps, actor, municipalityId, patch),
    },

    jobs: createObserverJobs(deps, assignments, options.defaultTimeZone),
  }
}

export type Observers = ReturnType<typeof createObservers>
