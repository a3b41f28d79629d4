import type { ParticipantResult, ProcedureSpec } from "../../domain/results.ts"
import type { ProcedureResults, SchoolResults } from "./types.ts"

/** A parsed file analysed on its own (not from the database): its participants grouped by school, no context. */
export function resultsFromParticipants(spec: ProcedureSpec, participants: readonly ParticipantResult[]): ProcedureResults {
  const schools = new Map<string, SchoolResults>()
  for (const participant of participants) {
    let school = schools.get(participant.schoolKey)
    if (!school) schools.set(participant.schoolKey, (school = { schoolKey: participant.schoolKey, municipalityId: null, context: null, participants: [] }))
    school.participants.push(participant)
  }
  return { spec, schools: [...schools.values()] }
}
