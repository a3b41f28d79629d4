/** Procedure specs as data, and the ways to find one. */
export { PROCEDURE_SPECS } from "./catalogue.ts"
export { INCOMPLETE_SPECS, type IncompleteSpec } from "./incomplete.ts"
export { SHIPPED_SPEC_VERSION, spec, type SpecDefinition, type TaskRow } from "./define.ts"
export { procedureFromFileName } from "./file-name.ts"
export { compareTaskHeaders, findSpec, latestVersions, specMatchingHeaders, type TaskDifferences } from "./lookup.ts"
export { isForeignLanguage, KNOWN_SUBJECTS, normaliseSubject, sameSubject } from "./subjects.ts"
export { publishedScale, type PublishedScale } from "./published-scales.ts"
