/** Result-file parsing: one entry point, the layouts it knows, and the shapes it returns. */
export { parseResults } from "./parse.ts"
export { detectLayout, decideLayout, type Detection, type SheetOutline } from "./detect.ts"
export type {
  ExcludedRow, Layout, MissingPart, ParsedResults, ParseOptions, ParseStats, ParseStatus, SchoolRef,
} from "./types.ts"
