/** Every spec shipped with the code (version 1). Coordinators add or fix specs through the spec workbook. */
import type { ProcedureSpec } from "../results.ts"
import { SPECS_2021 } from "./catalogue-2021.ts"
import { SPECS_2022 } from "./catalogue-2022.ts"
import { SPECS_2026 } from "./catalogue-2026.ts"

export const PROCEDURE_SPECS: readonly ProcedureSpec[] = [...SPECS_2021, ...SPECS_2022, ...SPECS_2026]
