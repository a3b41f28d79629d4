import type ExcelJS from "exceljs"

/**
 * exceljs writes range validations (`E2:E1001`) from `worksheet.dataValidations`, which its typings omit;
 * per-cell validations would mean one entry per cell.
 */
export function rangeValidations(sheet: ExcelJS.Worksheet): { add(range: string, validation: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations
}
