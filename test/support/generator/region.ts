/**
 * A generated region: schools shaped like the real exports (many small rural schools, city schools of
 * 50–150 pupils, a few strong lyceums), honest by default, with labelled manipulations injected.
 */
import type { ProcedureSpec } from "../../../src/domain/results.ts"
import type { ProcedureResults, SchoolContext, SchoolResults } from "../../../src/services/analysis/types.ts"
import { ADDED_AT_CHECKING, applyManipulation, MANIPULATIONS, type Manipulation } from "./manipulations.ts"
import { makePupil, makeSchoolModel, makeTaskModels, type GeneratedPupil, type TaskModel } from "./pupils.ts"
import { Rng } from "./prng.ts"

export type SchoolType = "rural" | "town" | "city" | "lyceum"

export interface SchoolTruth {
  /** What was done to this procedure's results (null: honest here). */
  manipulation: Manipulation | null
  /** What the school does in the tests it manipulates, whether or not in this one. */
  schoolManipulation: Manipulation | null
  /** Share of the fixed intensity applied (1 with fixed intensities; null when honest here). */
  intensity: number | null
  /** A high-ability honest school (lyceum/gymnasium): measures false alarms on strong schools. */
  strongHonest: boolean
  type: SchoolType
  ability: number
  /** Pupils on the list, absent ones included. */
  enrolled: number
}

export interface RegionOptions {
  seed: number
  spec: ProcedureSpec
  schools?: number
  municipalities?: number
  /** Share of schools with an injected manipulation (spread evenly over `manipulations`). */
  manipulatedShare?: number
  manipulations?: readonly Manipulation[]
  strongHonestShare?: number
  /**
   * "fixed": every manipulation at INTENSITY (the first bench). "range": each manipulated school draws its strength
   * from [minStrength, 1] and copiers keep some answers of their own and slip (near-identical patterns).
   */
  intensity?: "fixed" | "range"
  minStrength?: number
  /**
   * Chance that a manipulating school does it in this procedure (1: always). The same seed gives the same schools and
   * kinds in every procedure, so a school's procedures of one year can be read together; which of them it touches is
   * drawn per procedure.
   */
  manipulateProbability?: number
}

export interface GeneratedRegion {
  results: ProcedureResults
  truth: Map<string, SchoolTruth>
  tasks: TaskModel[]
  /**
   * Each school's works as the pupils wrote them (cells per participant, in the order of `participants`):
   * what a re-checker sees — before points added at checking (ADDED_AT_CHECKING), after help or copying.
   */
  written: Map<string, number[][]>
}

interface Blueprint {
  key: string
  type: SchoolType
  enrolled: number
  ability: number
  municipality: number
  context: SchoolContext
}

const CITY_MUNICIPALITIES = 3

function blueprint(index: number, strong: boolean, municipalities: number, rng: Rng): Blueprint {
  const key = String(220001 + index)
  const roll = rng.next()
  const type: SchoolType = strong ? "lyceum" : roll < 0.45 ? "rural" : roll < 0.7 ? "town" : "city"
  const enrolled =
    type === "rural" ? rng.int(3, 15) : type === "town" ? rng.int(16, 45) : type === "city" ? rng.int(50, 150) : rng.int(50, 130)
  const ability =
    type === "rural" ? rng.normal(-0.15, 0.45) : type === "town" ? rng.normal(0, 0.45) : type === "city" ? rng.normal(0.15, 0.4) : rng.normal(1.0, 0.2)
  const urban = type === "city" || type === "lyceum"
  const municipality = urban ? rng.int(0, CITY_MUNICIPALITIES - 1) : rng.int(CITY_MUNICIPALITIES, municipalities - 1)
  const context: SchoolContext = {
    settlementType: urban ? rng.int(1, 2) : type === "town" ? 3 : 4,
    settlementSize: urban ? rng.int(6, 8) : type === "town" ? rng.int(3, 4) : rng.int(1, 2),
    isLyceumOrGymnasium: type === "lyceum",
    isSpecial: false,
  }
  return { key, type, enrolled, ability, municipality, context }
}

/**
 * Picks the manipulated schools among those with at least 5 pupils (below that every sign abstains by design),
 * half from schools of 22+ pupils and half from smaller ones, so recall can be read by size.
 */
function chooseManipulated(blueprints: Blueprint[], count: number, kinds: readonly Manipulation[], rng: Rng): Map<string, Manipulation> {
  const eligible = blueprints.filter((b) => b.type !== "lyceum" && b.enrolled >= 5)
  const large = rng.shuffle(eligible.filter((b) => b.enrolled >= 22))
  const small = rng.shuffle(eligible.filter((b) => b.enrolled < 22))
  // Each size band gets every manipulation kind in turn, so recall can be read by kind within a band.
  const fromLarge = Math.min(large.length, Math.ceil(count / 2))
  const fromSmall = Math.min(small.length, count - fromLarge)
  const out = new Map<string, Manipulation>()
  large.slice(0, fromLarge).forEach((b, i) => out.set(b.key, kinds[i % kinds.length] as Manipulation))
  small.slice(0, fromSmall).forEach((b, i) => out.set(b.key, kinds[i % kinds.length] as Manipulation))
  return out
}

export function generateRegion(options: RegionOptions): GeneratedRegion {
  const spec = options.spec
  const schoolCount = options.schools ?? 600
  const municipalities = Math.max(options.municipalities ?? 25, CITY_MUNICIPALITIES + 1)
  const kinds = options.manipulations ?? MANIPULATIONS
  const rng = new Rng(options.seed)
  const taskRng = rng.fork()
  const layoutRng = rng.fork()
  const pupilRng = rng.fork()
  const tasks = makeTaskModels(spec, taskRng)

  const strongCount = Math.round(schoolCount * (options.strongHonestShare ?? 0.04))
  const blueprints = Array.from({ length: schoolCount }, (_, i) => blueprint(i, i < strongCount, municipalities, layoutRng))
  const manipulated = chooseManipulated(
    blueprints,
    Math.round(schoolCount * (options.manipulatedShare ?? 0.1)),
    kinds,
    layoutRng,
  )

  const truth = new Map<string, SchoolTruth>()
  const written = new Map<string, number[][]>()
  const schools: SchoolResults[] = blueprints.map((b) => {
    const schoolRng = pupilRng.fork()
    const model = makeSchoolModel(b.ability, spec.tasks.length, schoolRng)
    const absentRate = schoolRng.uniform(0.05, 0.08)
    const pupils: GeneratedPupil[] = Array.from({ length: b.enrolled }, (_, index) =>
      makePupil(
        spec,
        tasks,
        model,
        {
          schoolKey: b.key,
          index,
          className: "абвгдеж"[Math.floor(index / 25)] ?? "з",
          absent: schoolRng.chance(absentRate),
        },
        schoolRng,
      ),
    )
    const schoolManipulation = manipulated.get(b.key) ?? null
    // Drawn from their own stream, so the fixed-intensity regions stay exactly as they were.
    const styleRng = new Rng(options.seed * 1_000_003 + Number(b.key) * 31 + spec.grade * 7 + spec.subject.length)
    const here = schoolManipulation !== null && (options.manipulateProbability === undefined || styleRng.chance(options.manipulateProbability))
    const manipulation = here ? schoolManipulation : null
    const strength = manipulation === null ? null : options.intensity === "range" ? styleRng.uniform(options.minStrength ?? 0.5, 1) : 1
    const asWritten = pupils.map((p) => p.result.cells.slice())
    if (manipulation) applyManipulation(manipulation, pupils, spec, tasks, schoolRng, { strength: strength ?? 1, nearIdentical: options.intensity === "range" })
    written.set(b.key, manipulation && ADDED_AT_CHECKING.has(manipulation) ? asWritten : pupils.map((p) => p.result.cells.slice()))
    truth.set(b.key, {
      manipulation,
      schoolManipulation,
      intensity: strength,
      strongHonest: b.type === "lyceum",
      type: b.type,
      ability: b.ability,
      enrolled: b.enrolled,
    })
    return {
      schoolKey: b.key,
      municipalityId: `mun-${String(b.municipality + 1).padStart(2, "0")}`,
      context: b.context,
      participants: pupils.map((p) => p.result),
    }
  })
  return { results: { spec, schools }, truth, tasks, written }
}
