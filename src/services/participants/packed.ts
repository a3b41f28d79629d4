import { gunzipJson, gzipJson } from "../../db/gzip-json.ts"
import type { JournalMark, Mark, ParticipantResult, Sex } from "../../domain/results.ts"

/**
 * A result set's participants as one value ("ResultSet".packed): one array per participant, in upload order,
 * without the school key (the set's school). Reading one value per school instead of ~100,000 Participant rows
 * is what makes a regional analysis fast on PGlite (bench/analysis.ts). A version never changes after import,
 * so the value never goes stale. It is the only copy of a new set's participants: changing this layout needs a
 * migration that re-packs every stored set.
 */
type PackedParticipant = [
  code: string,
  className: string | null,
  variant: number | null,
  absent: boolean,
  cells: number[],
  total: number | null,
  mark: Mark | null,
  journalMark: JournalMark | null,
  sex: Sex | null,
]

/** Base64 text for `decode($n, 'base64')` (db/gzip-json.ts says why). */
export function packParticipants(participants: readonly ParticipantResult[]): string {
  return gzipJson(participants.map((p): PackedParticipant => [p.code, p.className, p.variant, p.absent, p.cells, p.total, p.mark, p.journalMark, p.sex]))
}

export function unpackParticipants(base64: string, schoolKey: string): ParticipantResult[] {
  return gunzipJson<PackedParticipant[]>(base64).map(([code, className, variant, absent, cells, total, mark, journalMark, sex]) => ({
    schoolKey, code, className, variant, absent, cells, total, mark, journalMark, sex,
  }))
}
