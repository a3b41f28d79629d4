import { describe, expect, it } from "vitest"
import { DEFAULT_SETTINGS } from "../../../../../src/services/analysis/settings.ts"
import { ordinarySchools, settingsWith, signFor, SPEC } from "./fixtures.ts"

describe("S9 (medalists)", () => {
  const input = { spec: SPEC, schools: ordinarySchools(3) }
  const key = "900001"

  it("S9: the share of medalists below the cut-off in Russian or mathematics", () => {
    const medalists = { [key]: [{ russian: 85, mathematics: 65 }, { russian: 60, mathematics: null }, { russian: 90, mathematics: 88 }, { russian: 72, mathematics: 74 }] }
    const s9 = signFor("S9", input, key, DEFAULT_SETTINGS, { medalists })
    expect(s9).toMatchObject({ status: "fired", strength: "strong", reason: "medalists_not_confirmed" })
    expect(s9.evidence).toMatchObject({ medalists: 4, belowCutoff: 2, index: 0.5 })
    expect(signFor("S9", input, key, settingsWith({ S9: { cutoff: 60 } }), { medalists }).status).toBe("not_fired")
    expect(signFor("S9", input, key, DEFAULT_SETTINGS, { medalists: { [key]: medalists[key].slice(0, 2) } }).reason).toBe("too_few_medalists")
    expect(signFor("S9", input, key).reason).toBe("no_data")
  })
})
