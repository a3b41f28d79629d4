import { describe, expect, it } from "vitest"
import { readFieldValue, settingField, withFieldValue, withSignToggled } from "../../../../src/services/analysis/settings-fields.ts"
import { DEFAULT_SETTINGS } from "../../../../src/services/analysis/settings.ts"

const field = (id: string) => settingField(id)!

describe("a setting typed in the /settings dialog", () => {
  it("reads whole numbers and percents as people write them", () => {
    expect(readFieldValue(field("min_comparison"), " 7 ")).toEqual({ ok: true, value: 7 })
    expect(readFieldValue(field("confidence"), "99 %")).toEqual({ ok: true, value: 0.99 })
    expect(readFieldValue(field("attention_share"), "12,5")).toEqual({ ok: true, value: 0.125 })
  })

  it("refuses what is not a number, not whole, out of bounds or not an option, saying which", () => {
    expect(readFieldValue(field("min_comparison"), "семь")).toEqual({ ok: false, problem: { code: "not_a_number", params: { text: "семь" } } })
    expect(readFieldValue(field("min_comparison"), "2,5")).toMatchObject({ ok: false, problem: { code: "not_whole" } })
    expect(readFieldValue(field("min_comparison"), "0")).toEqual({ ok: false, problem: { code: "out_of_range", params: { min: 1, max: 200 } } })
    expect(readFieldValue(field("confidence"), "40")).toMatchObject({ ok: false, problem: { code: "out_of_range" } })
    expect(readFieldValue(field("reference_kind"), "control")).toMatchObject({ ok: false, problem: { code: "not_an_option" } })
  })

  it("changes exactly one field of the settings and keeps the rest", () => {
    const changed = withFieldValue(DEFAULT_SETTINGS, field("reference_min"), 3)
    expect(changed.ok && changed.settings.referenceGroup).toEqual({ ...DEFAULT_SETTINGS.referenceGroup, minSchools: 3 })
    expect(changed.ok && { ...changed.settings, referenceGroup: DEFAULT_SETTINGS.referenceGroup }).toEqual(DEFAULT_SETTINGS)
  })

  it("switches a sign off and on again, keeping the order of signs", () => {
    const off = withSignToggled(DEFAULT_SETTINGS, "S11")
    expect(off.enabledSigns).not.toContain("S11")
    expect(withSignToggled(off, "S11").enabledSigns).toEqual(DEFAULT_SETTINGS.enabledSigns)
  })
})
