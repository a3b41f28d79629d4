// Reference values generated once with scipy 1.17.1 (scipy.stats / scipy.special), which agree with R 4.x
// (qt, pt, qnorm, pnorm, pbinom, ppois, pchisq) to the digits shown; R documentation values are marked "R".
import { describe, expect, it } from "vitest"
import {
  binomialCdf,
  binomialSf,
  chiSquareCdf,
  chiSquareSf,
  logGamma,
  normalCdf,
  normalQuantile,
  normalSf,
  poissonCdf,
  poissonSf,
  regularizedIncompleteBeta,
  studentTCdf,
  studentTQuantile,
  studentTSf,
} from "../../../../src/domain/stats/index.ts"
import { expectRelClose } from "./support.ts"

describe("studentTQuantile", () => {
  // [df, qt(0.975, df), qt(0.995, df)] — scipy 1.17.1 stats.t.ppf; qt(0.975, 10) = 2.228138851986 (R).
  const table: [number, number, number][] = [
    [1, 12.706204736174694, 63.656741162871526],
    [2, 4.302652729749462, 9.924843200918287],
    [3, 3.1824463052837078, 5.840909309733355],
    [5, 2.5705818356363146, 4.032142983555228],
    [7.5, 2.333039626864974, 3.421422688124044],
    [10, 2.228138851986274, 3.16927267261695],
    [30, 2.0422724563012378, 2.7499956535672254],
    [100, 1.9839715185235518, 2.6258905214380173],
    [1000, 1.9623390808264083, 2.580754698065951],
    [10_000, 1.960201239890626, 2.5763210466685282],
    [100_000, 1.9599877075346095, 2.575878469908375],
    [1_000_000, 1.959966356814107, 2.5758342201053344],
  ]
  it.each(table)("df = %d", (df, q975, q995) => {
    expect(Math.abs(studentTQuantile(0.975, df) - q975)).toBeLessThan(1e-9)
    expect(Math.abs(studentTQuantile(0.995, df) - q995)).toBeLessThan(1e-9)
    expect(Math.abs(studentTQuantile(0.025, df) + q975)).toBeLessThan(1e-9) // symmetry
  })

  it("reaches far tails and the centre", () => {
    expectRelClose(studentTQuantile(1e-8, 4), -131.59473694062356, 1e-10) // scipy t.ppf(1e-8, 4)
    expectRelClose(studentTQuantile(0.6, 20), 0.2567427538545021, 1e-10) // scipy t.ppf(0.6, 20)
    expect(studentTQuantile(0.5, 7)).toBe(0)
    expect(studentTQuantile(0.975, Number.POSITIVE_INFINITY)).toBeCloseTo(1.959963984540054, 14)
    expect(studentTQuantile(1.2, 5)).toBeNaN()
    expect(studentTQuantile(0.9, 0)).toBeNaN()
  })

  it("inverts studentTCdf", () => {
    for (const df of [1, 2.5, 4, 17, 250, 40_000]) {
      for (const p of [1e-6, 0.01, 0.3, 0.77, 0.999]) {
        expectRelClose(studentTCdf(studentTQuantile(p, df), df), p, 1e-10)
      }
    }
  })
})

describe("studentTCdf", () => {
  it("matches pt", () => {
    expectRelClose(studentTCdf(2.5, 10), 0.9842765778816955) // scipy t.cdf(2.5, 10)
    expectRelClose(studentTCdf(-10, 3), 0.0010641995292070751) // scipy t.cdf(-10, 3)
    expectRelClose(studentTCdf(0.7, 1), 0.6944001122142147) // scipy t.cdf(0.7, 1) = 1/2 + atan(0.7)/π
    expectRelClose(studentTCdf(-2, 1000), 0.02288517324662583, 1e-11) // scipy t.cdf(-2, 1000)
    expectRelClose(studentTSf(30, 5), 3.8593243102480265e-7, 1e-11) // scipy t.sf(30, 5)
    expectRelClose(studentTSf(2.5, 1e6), 0.006209744751081627, 1e-9) // scipy t.sf(2.5, 1e6)
    expect(studentTCdf(0, 12)).toBe(0.5)
  })
})

describe("normal", () => {
  it("matches qnorm", () => {
    expectRelClose(normalQuantile(0.975), 1.959963984540054, 1e-15) // R qnorm(0.975)
    expectRelClose(normalQuantile(0.995), 2.5758293035489004, 1e-15)
    expectRelClose(normalQuantile(0.3), -0.5244005127080409, 1e-14)
    expectRelClose(normalQuantile(1e-10), -6.361340902404056, 1e-14)
    expectRelClose(normalQuantile(1e-300), -37.0470962993612, 1e-14)
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY)
    expect(normalQuantile(-0.1)).toBeNaN()
  })
  it("matches pnorm in both tails", () => {
    expectRelClose(normalCdf(-1.96), 0.024997895148220435, 1e-14)
    expectRelClose(normalCdf(0.5), 0.6914624612740131, 1e-14)
    expectRelClose(normalCdf(1.5), 0.9331927987311419, 1e-14)
    expectRelClose(normalCdf(-10), 7.61985302416047e-24, 1e-13)
    expectRelClose(normalCdf(-37), 5.72557122252457682e-300, 1e-14) // mpmath 1.3 ncdf(-37), 30 digits
    expectRelClose(normalSf(5), 2.866515718791933e-7, 1e-13) // 1 − Φ(5) without cancellation
  })
})

describe("binomial tails", () => {
  // [k, n, p, pbinom(k, n, p), P(X ≥ k) = pbinom(k − 1, n, p, lower.tail = FALSE)] — scipy binom.cdf / binom.sf
  const table: [number, number, number, number, number][] = [
    [3, 10, 0.5, 0.171875, 0.9453125],
    [7, 20, 0.3, 0.7722717974181608, 0.3919901877990756],
    [450, 1000, 0.5, 0.0008652680424881513, 0.999304129202789],
    [4900, 10_000, 0.5, 0.023292763852473225, 0.9777871004769597],
    [5100, 10_000, 0.5, 0.9777871004769597, 0.023292763852473225],
    [4500, 10_000, 0.5, 7.755320284123319e-24, 1.0],
    [100, 10_000, 0.02, 2.2286254752134083e-15, 0.9999999999999989],
    [150, 10_000, 0.01, 0.9999989210525138, 1.6570601962380474e-6],
    [0, 10_000, 0.0001, 0.3678610464329299, 1.0],
  ]
  it.each(table)("k = %d, n = %d, p = %d", (k, n, p, cdf, sf) => {
    expectRelClose(binomialCdf(k, n, p), cdf, 1e-11)
    expectRelClose(binomialSf(k, n, p), sf, 1e-11)
  })
  it("handles the edges", () => {
    expect(binomialCdf(-1, 10, 0.3)).toBe(0)
    expect(binomialCdf(10, 10, 0.3)).toBe(1)
    expect(binomialSf(0, 10, 0.3)).toBe(1)
    expect(binomialSf(11, 10, 0.3)).toBe(0)
    expect(binomialSf(3, 10, 0)).toBe(0)
    expect(binomialCdf(3, 10, 1)).toBe(0)
    expect(binomialCdf(3, 10.5, 0.2)).toBeNaN()
  })
  it("agrees with the exact sum of terms for a small n", () => {
    // P(X ≤ k) for n = 12, p = 0.37 by summing C(n, i) p^i (1 − p)^(n − i): an independent check of the beta route.
    const n = 12
    const p = 0.37
    let term = (1 - p) ** n
    let sum = 0
    for (let i = 0; i < n; i++) {
      sum += term
      expectRelClose(binomialCdf(i, n, p), sum, 1e-13)
      term *= ((n - i) / (i + 1)) * (p / (1 - p))
    }
  })
})

describe("Poisson tails", () => {
  // [k, lambda, ppois(k, lambda), P(X ≥ k)] — scipy poisson.cdf / poisson.sf(k − 1)
  const table: [number, number, number, number][] = [
    [0, 2.5, 0.0820849986238988, 1.0],
    [3, 2.5, 0.7575761331330662, 0.45618688411667035],
    [10, 2.5, 0.999938373089875, 0.0002773520946208362],
    [12, 3, 0.999983850951444, 7.138662897420658e-5],
    [1000, 950, 0.9484063269929102, 0.055054686230738045],
    [30, 10, 0.9999999201620534, 2.509951201527959e-7],
    [0, 0.7, 0.4965853037914095, 1.0],
  ]
  it.each(table)("k = %d, lambda = %d", (k, lambda, cdf, sf) => {
    expectRelClose(poissonCdf(k, lambda), cdf, 1e-12)
    expectRelClose(poissonSf(k, lambda), sf, 1e-12)
  })
  it("handles lambda = 0", () => {
    expect(poissonSf(1, 0)).toBe(0)
    expect(poissonCdf(0, 0)).toBe(1)
  })
})

describe("chi-square", () => {
  // [x, df, pchisq(x, df, lower.tail = FALSE), pchisq(x, df)] — scipy chi2.sf / chi2.cdf
  const table: [number, number, number, number][] = [
    [3.841458820694124, 1, 0.04999999999999989, 0.9500000000000001],
    [10, 3, 0.01856613546304325, 0.9814338645369568],
    [50, 10, 2.669083424904495e-7, 0.9999997330916575],
    [0.5, 2, 0.7788007830714049, 0.22119921692859512],
    [300, 200, 5.924540335483916e-6, 0.9999940754596646],
    [0.001, 1, 0.9747728793699604, 0.02522712063003961],
  ]
  it.each(table)("x = %d, df = %d", (x, df, sf, cdf) => {
    expectRelClose(chiSquareSf(x, df), sf, 1e-12)
    expectRelClose(chiSquareCdf(x, df), cdf, 1e-12)
  })
})

describe("special functions", () => {
  it("logGamma matches scipy.special.gammaln", () => {
    expectRelClose(logGamma(0.5), 0.5723649429247, 1e-14) // log √π
    expectRelClose(logGamma(3.7), 1.428072326665388, 1e-14)
    expectRelClose(logGamma(12.3), 18.238983407092245, 1e-15)
    expectRelClose(logGamma(1e6), 12815504.569147611, 1e-15)
    expectRelClose(logGamma(1e-5), 11.512919692895826, 1e-14)
    expect(Math.abs(logGamma(1))).toBeLessThan(1e-15)
    expect(Math.abs(logGamma(2))).toBeLessThan(1e-15)
  })
  it("regularizedIncompleteBeta matches scipy.special.betainc", () => {
    expectRelClose(regularizedIncompleteBeta(0.4, 2.5, 3.5), 0.4869041915261176, 1e-13)
    expectRelClose(regularizedIncompleteBeta(0.01, 0.5, 0.5), 0.06376856085851985, 1e-13) // (2/π)·asin(√0.01)
    expectRelClose(regularizedIncompleteBeta(0.49, 5000, 5000), 0.02274203232457461, 1e-11)
    expectRelClose(regularizedIncompleteBeta(0.999995, 500_000, 0.5), 0.025347172227059213, 1e-9)
    expect(regularizedIncompleteBeta(0, 2, 3)).toBe(0)
    expect(regularizedIncompleteBeta(1, 2, 3)).toBe(1)
  })
})
