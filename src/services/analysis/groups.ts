/**
 * Reference groups (objectivity.md): the whole upload (default), the municipality, schools of similar context
 * (settlement type, settlement size band, lyceum/gymnasium or not) or a control sample named by the coordinator.
 * Each distinct group is pooled once and shared by its schools; leave-one-out is a subtraction (signs/common/school-tallies.ts).
 */
import type { ProcedureSpec } from "../../domain/results.ts"
import type { AnalysisSettings, ReferenceGroupKind } from "./settings.ts"
import { poolTallies, withoutMember, type SchoolTally, type Tally } from "./signs/common/school-tallies.ts"
import type { GroupView } from "./signs/common/types.ts"
import type { SchoolContext } from "./types.ts"

export interface ReferenceGroup {
  /** The kind actually used: a school without a municipality/context, or in a too-small group, gets "all". */
  kind: ReferenceGroupKind
  requestedKind: ReferenceGroupKind
  label: string
  members: SchoolTally[]
  memberKeys: ReadonlySet<string>
  total: Tally
}

/**
 * Settlement size (context form: 1 = under 1 thousand … 8 = over 680 thousand) in three bands, so that context
 * groups stay large enough: villages (1–2), towns (3–5), cities (6–8).
 */
export function sizeBand(size: number | null): string | null {
  if (size === null) return null
  return size <= 2 ? "village" : size <= 5 ? "town" : "city"
}

export function contextKey(context: SchoolContext | null): string | null {
  if (!context || context.settlementType === null) return null
  const band = sizeBand(context.settlementSize)
  if (band === null || context.isLyceumOrGymnasium === null) return null
  return `${context.settlementType}/${band}/${context.isLyceumOrGymnasium ? "lyceum" : "ordinary"}`
}

function makeGroup(spec: ProcedureSpec, kind: ReferenceGroupKind, requestedKind: ReferenceGroupKind, label: string, members: SchoolTally[]): ReferenceGroup {
  return { kind, requestedKind, label, members, memberKeys: new Set(members.map((m) => m.schoolKey)), total: poolTallies(spec, members) }
}

/** Every school's reference group, by school key. Schools with nobody present are members of no group. */
export function selectReferenceGroups(tallies: readonly SchoolTally[], spec: ProcedureSpec, settings: AnalysisSettings): Map<string, ReferenceGroup> {
  const { kind, controlSchoolKeys, minSchools } = settings.referenceGroup
  const writers = tallies.filter((t) => t.n > 0)
  const all = makeGroup(spec, "all", kind, "all", writers)
  const out = new Map<string, ReferenceGroup>()
  if (kind === "all") {
    for (const t of tallies) out.set(t.schoolKey, all)
    return out
  }
  if (kind === "control") {
    const keys = new Set(controlSchoolKeys)
    const members = writers.filter((t) => keys.has(t.schoolKey))
    // An empty control sample cannot serve; the evidence says the whole upload was used instead.
    const control = members.length > 0 ? makeGroup(spec, "control", kind, "control", members) : { ...all, requestedKind: kind }
    for (const t of tallies) out.set(t.schoolKey, control)
    return out
  }
  const keyOf = (t: SchoolTally): string | null => (kind === "municipality" ? t.municipalityId : contextKey(t.context))
  const partitions = new Map<string, SchoolTally[]>()
  for (const t of writers) {
    const key = keyOf(t)
    if (key === null) continue
    const list = partitions.get(key) ?? []
    list.push(t)
    partitions.set(key, list)
  }
  const groups = new Map<string, ReferenceGroup>()
  for (const [key, members] of partitions) {
    if (members.length >= minSchools) groups.set(key, makeGroup(spec, kind, kind, key, members))
  }
  const fallback: ReferenceGroup = { ...all, requestedKind: kind }
  for (const t of tallies) {
    const key = keyOf(t)
    out.set(t.schoolKey, (key !== null ? groups.get(key) : undefined) ?? fallback)
  }
  return out
}

/** What the signs see of a school's group: the whole group, and the group without the school when set. */
export function groupView(group: ReferenceGroup, school: SchoolTally, settings: AnalysisSettings): GroupView {
  const member = group.memberKeys.has(school.schoolKey)
  return {
    kind: group.kind,
    requestedKind: group.requestedKind,
    label: group.label,
    otherSchools: group.members.length - (member ? 1 : 0),
    whole: group.total,
    reference: settings.leaveOneOut && member ? withoutMember(group.total, school) : group.total,
  }
}
