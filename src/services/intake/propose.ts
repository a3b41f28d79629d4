/**
 * A spec proposed from a result file without loading it (`cli spec <file> --out spec.xlsx`): the file is read as the
 * intake reads it, nothing is kept or stored. The coordinator corrects the workbook and sends it as a spec, or loads
 * the file and confirms the proposal there.
 */
import type { ProcedureKey, ProcedureSpec } from "../../domain/results.ts"
import type { Actor } from "../access/roles.ts"
import type { ServiceDeps } from "../deps.ts"
import { outsideReadContext } from "../exams-medalists-rechecks/import.ts"
import { notAllowed, refused, type NotAllowed, type RefusedWithProblems } from "../outcome.ts"
import { proposalStorable, proposeSpec, specOfProposal, type SpecProposal, type SpecReach } from "../specs/propose.ts"
import { specChanges, type SpecChanges } from "../specs/rescore.ts"
import { specMunicipalitiesOf, specReach, specScopeName, specScopeOf } from "../specs/specs.ts"
import type { ReceivedFile } from "../uploads/uploads.ts"
import { problem, type Problem } from "../workbooks/problem.ts"
import { readWorkbook } from "./read.ts"

/** A proposal as the sender sees it: where it would apply, whether it can be stored as it is, whose results it meets. */
export interface ShownProposal {
  proposal: SpecProposal
  scope: string | null
  storable: boolean
  affected: SpecReach
  /** What it would change in those results, were they read with it. */
  changes: SpecChanges
}

export async function showProposal(deps: ServiceDeps, actor: Actor, proposal: SpecProposal, municipalityId: number | null): Promise<ShownProposal> {
  const scope = await specScopeName(deps, actor)
  const affected = await specReach(deps, proposal.procedure, municipalityId)
  const changes = await specChanges(deps, specOfProposal(proposal), municipalityId)
  return { proposal, scope, storable: proposalStorable(proposal), affected, changes }
}

export type SpecProposalOutcome =
  | ({ ok: true } & ShownProposal)
  /** The procedure has a spec already (the one the file is read with): nothing to propose. */
  | { ok: false; reason: "has_spec"; spec: ProcedureSpec }
  /** The file does not say its procedure: the flag or the question that tells it comes first. */
  | { ok: false; reason: "needs_input"; procedure: Partial<ProcedureKey> }
  | NotAllowed
  | RefusedWithProblems<Problem>

export async function proposeFromFile(deps: ServiceDeps, actor: Actor, file: ReceivedFile, procedure?: ProcedureKey): Promise<SpecProposalOutcome> {
  const scope = specScopeOf(actor)
  if (!scope) return notAllowed()
  const context = await outsideReadContext(deps, specMunicipalitiesOf(actor))
  const read = await readWorkbook(
    file.bytes,
    { specs: context.specs ?? [], knownSchools: context.knownSchools ?? new Set(), maxYear: context.maxYear },
    { fileName: file.fileName, allowInvalidRows: "reject", ...(procedure ? { procedure } : {}) },
  )
  if (read.kind === "refused") return refused([read.problem])
  if (read.kind !== "results") return refused([problem("error", "layout-unknown", "", { sheets: read.kind === "unknown" ? read.sheets.join(", ") : read.kind })])
  const parsed = read.results
  if (parsed.status === "needs-input") return { ok: false, reason: "needs_input", procedure: parsed.procedure }
  if (parsed.spec) return { ok: false, reason: "has_spec", spec: parsed.spec }
  if (parsed.status !== "needs-spec" || !parsed.basis) return refused(parsed.problems)
  const proposal = proposeSpec(parsed.procedure as ProcedureKey, parsed.basis)
  return { ok: true, ...(await showProposal(deps, actor, proposal, scope.municipalityId)) }
}
