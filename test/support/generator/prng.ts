/**
 * A small seeded random source: mulberry32 (32-bit state, good enough for simulation, fully reproducible
 * across platforms because it only uses 32-bit integer arithmetic).
 */
export class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** Integer in [low, high], both ends included. */
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1))
  }

  uniform(low: number, high: number): number {
    return low + this.next() * (high - low)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  /** Standard normal by Box–Muller (one value per call; the partner is dropped for simplicity). */
  normal(mean = 0, sd = 1): number {
    let u = this.next()
    while (u <= Number.EPSILON) u = this.next()
    const v = this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error("pick from an empty list")
    return items[Math.floor(this.next() * items.length)] as T
  }

  /** Fisher–Yates on a copy. */
  shuffle<T>(items: readonly T[]): T[] {
    const out = items.slice()
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const tmp = out[i] as T
      out[i] = out[j] as T
      out[j] = tmp
    }
    return out
  }

  /** An independent stream derived from this one (so adding draws in one part does not shift another). */
  fork(): Rng {
    return new Rng(Math.floor(this.next() * 4294967296))
  }
}

export function logistic(x: number): number {
  return 1 / (1 + Math.exp(-x))
}

export function logit(p: number): number {
  return Math.log(p / (1 - p))
}
