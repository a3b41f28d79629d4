/** What a new spec would change in the stored results, in words: the bot's spec dialog and the command line say the same. */
import type { Translate } from "../../i18n.ts"
import type { SpecChanges } from "./rescore.ts"

/** How many schools are named; the count says the rest. */
const SCHOOLS_SHOWN = 10

/** One paragraph, or null when nothing of the procedure is stored in the scope. */
export function specChangesText(t: Translate, changes: SpecChanges): string | null {
  if (changes.rows === 0) return null
  if (changes.schools.length === 0) return t("spec-changes-none", { rows: changes.rows })
  const lines = changes.schools.slice(0, SCHOOLS_SHOWN).map((school) => {
    const parts = school.misfit
      ? [t("spec-changes-misfit")]
      : [
          ...(school.marks > 0 ? [t("spec-changes-marks", { marks: school.marks, rows: school.rows })] : []),
          ...(school.overMax > 0 ? [t("spec-changes-over-max", { count: school.overMax })] : []),
        ]
    return `• ${school.name ? `${school.login}, ${school.name}` : school.login}: ${parts.join("; ")}`
  })
  const more = changes.schools.length - SCHOOLS_SHOWN
  return [t("spec-changes-head", { count: changes.schools.length }), ...lines, ...(more > 0 ? [t("spec-changes-more", { count: more })] : [])].join("\n")
}
