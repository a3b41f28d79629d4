import type { ParticipantResult, ProcedureSpec } from "../../src/domain/results.ts"
import type { ImportRequest } from "../../src/services/results/import.ts"

/** An import of hand-made participants as a layout B file of the given schools (each file's bytes differ). */
export function importRequest(spec: ProcedureSpec, participants: ParticipantResult[], schools: string[]): ImportRequest {
  return {
    file: { bytes: Buffer.from(`file ${Math.random()}`), fileName: "Математика.xlsx" },
    layout: "B",
    spec,
    schools: schools.map((key) => ({ key, login: `edu${key}` })),
    participants,
    warningsConfirmed: 0,
  }
}
