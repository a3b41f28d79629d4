import { describe, expect, it } from "vitest"
import { municipalityNameKey, similarMunicipalityNames } from "../../../src/domain/municipality-name.ts"

describe("municipality names", () => {
  it("«г. Новоалтайск», «Новоалтайск», «город Новоалтайск», case and ё are one name", () => {
    const forms = ["г. Новоалтайск", "Новоалтайск", "город Новоалтайск", "ГОРОД НОВОАЛТАЙСК", "г.Новоалтайск", "гор. Новоалтайск", " г  Новоалтайск "]
    expect(new Set(forms.map(municipalityNameKey))).toEqual(new Set(["новоалтайск"]))
    expect(municipalityNameKey("Алёйский район")).toBe(municipalityNameKey("Алейский район"))
    expect(municipalityNameKey("Усть – Калманский район")).toBe(municipalityNameKey("Усть-Калманский район"))
  })

  it("keeps names that differ in substance apart («Городской округ», a district and its town)", () => {
    expect(municipalityNameKey("Бийский район")).not.toBe(municipalityNameKey("город Бийск"))
    expect(municipalityNameKey("Городской округ ЗАТО Сибирский")).toBe("городской округ зато сибирский")
  })

  it("suggests close names for a typo or a shorter form, closest first, and nothing for a new name", () => {
    const directory = ["город Новоалтайск", "город Барнаул", "Бийский район", "город Бийск"]
    expect(similarMunicipalityNames("Новоалтаск", directory)).toEqual(["город Новоалтайск"])
    expect(similarMunicipalityNames("Барнаул", directory)).toEqual(["город Барнаул"])
    expect(similarMunicipalityNames("Бийск", directory)).toEqual(["город Бийск"])
    expect(similarMunicipalityNames("Змеиногорский район", directory)).toEqual([])
  })
})
