/**
 * The stable JSON form of an analysis (documented in docs/analysis-json.md) for other tools:
 * per school the FIS OKO login, participants, mean and interval, every sign by id with its verdict,
 * reason and evidence, and the risk level with its score and one-line reasons.
 * The one-line texts ("text", "reasons") are always Russian, the project's primary language, so the JSON
 * does not change with whoever runs the CLI; tools that need another language render `reason` + `evidence`.
 */
import { createTranslator } from "../../i18n.ts"
import type { ProcedureAnalysis } from "./analyse.ts"
import { describe } from "./signs/common/describe.ts"
import { firedBiasSigns } from "./report-model.ts"

export const ANALYSIS_JSON_VERSION = 1

export function analysisJson(analysis: ProcedureAnalysis, logins: ReadonlyMap<string, string> = new Map()) {
  const t = createTranslator("ru")
  return {
    version: ANALYSIS_JSON_VERSION,
    procedure: analysis.procedure,
    settings: analysis.settings,
    group: analysis.group,
    index: analysis.index,
    schools: analysis.schools.map((school) => ({
      login: logins.get(school.schoolKey) ?? school.schoolKey,
      key: school.schoolKey,
      present: school.present,
      absent: school.absent,
      mean: school.mean,
      interval: school.interval ? { low: school.interval.low, high: school.interval.high } : null,
      referenceGroup: school.referenceGroup,
      signs: Object.fromEntries(
        school.signs.map((sign) => [
          sign.id,
          { kind: sign.kind, status: sign.status, strength: sign.strength ?? null, reason: sign.reason, text: describe(sign, t), evidence: sign.evidence },
        ]),
      ),
      risk: {
        level: school.risk.level,
        score: school.risk.score,
        reasons: firedBiasSigns(school).map((sign) => describe(sign, t)),
      },
    })),
  }
}
