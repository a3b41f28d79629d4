/**
 * The standard normal distribution: Cody's (1969/1993) rational Chebyshev approximations for the CDF, as used by
 * R's `pnorm` (relative precision near 1e-16 in both tails), and Wichura's AS 241 (PPND16) for the quantile.
 */

const SQRT_32 = Math.sqrt(32)
const ONE_OVER_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI)

const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249, 0.065682337918207449113]
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956]
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218, 1.0765576773720192317e-8,
]
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
]
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
  0.02307344176494017303,
]
const Q = [1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5]

/** e^{−y²/2}, split as Cody does so that the exponent of the far tail keeps its low-order bits. */
function gaussianFactor(y: number): number {
  const ySplit = Math.trunc(y * 16) / 16
  const del = (y - ySplit) * (y + ySplit)
  return Math.exp(-ySplit * ySplit * 0.5) * Math.exp(-del * 0.5)
}

/** Lower and upper tail of the standard normal at z, each to full relative precision. */
export function normalTails(z: number): { lower: number; upper: number } {
  if (Number.isNaN(z)) return { lower: Number.NaN, upper: Number.NaN }
  const y = Math.abs(z)
  if (y <= 0.67448975) {
    const zsq = z * z
    let num = A[4]! * zsq
    let den = zsq
    for (let i = 0; i < 3; i++) {
      num = (num + A[i]!) * zsq
      den = (den + B[i]!) * zsq
    }
    const temp = (z * (num + A[3]!)) / (den + B[3]!)
    return { lower: 0.5 + temp, upper: 0.5 - temp }
  }
  let small: number
  if (y <= SQRT_32) {
    let num = C[8]! * y
    let den = y
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y
      den = (den + D[i]!) * y
    }
    small = gaussianFactor(y) * ((num + C[7]!) / (den + D[7]!))
  } else if (y < 40) {
    const r = 1 / (z * z)
    let num = P[5]! * r
    let den = r
    for (let i = 0; i < 4; i++) {
      num = (num + P[i]!) * r
      den = (den + Q[i]!) * r
    }
    const temp = (r * (num + P[4]!)) / (den + Q[4]!)
    small = (gaussianFactor(y) * (ONE_OVER_SQRT_2PI - temp)) / y
  } else {
    small = 0 // below the smallest double
  }
  return z > 0 ? { lower: 1 - small, upper: small } : { lower: small, upper: 1 - small }
}

/** Φ(z) = P(Z ≤ z). */
export function normalCdf(z: number): number {
  return normalTails(z).lower
}

/** 1 − Φ(z) = P(Z ≥ z), precise for large z (unlike 1 − normalCdf(z)). */
export function normalSf(z: number): number {
  return normalTails(z).upper
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * z * z)
}

const A_CENTRAL = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
]
const B_CENTRAL = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
]
const C_INTERMEDIATE = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
]
const D_INTERMEDIATE = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
]
const E_TAIL = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123,
  0.026532189526576123093, 0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
]
const F_TAIL = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
]

/** Polynomial with coefficients in ascending order (Horner). */
function poly(coefficients: number[], x: number): number {
  let result = 0
  for (let i = coefficients.length - 1; i >= 0; i--) result = result * x + coefficients[i]!
  return result
}

/** Φ⁻¹(p), Wichura's AS 241 (PPND16): relative error about 1e-16 over 1e-300 < p < 1 − 1e-16. */
export function normalQuantile(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return Number.NaN
  if (p === 0) return Number.NEGATIVE_INFINITY
  if (p === 1) return Number.POSITIVE_INFINITY
  const q = p - 0.5
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q
    return (q * poly(A_CENTRAL, r)) / poly(B_CENTRAL, r)
  }
  let r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p))
  let value: number
  if (r <= 5) {
    r -= 1.6
    value = poly(C_INTERMEDIATE, r) / poly(D_INTERMEDIATE, r)
  } else {
    r -= 5
    value = poly(E_TAIL, r) / poly(F_TAIL, r)
  }
  return q < 0 ? -value : value
}
