/**
 * Student's t quantile, for confidence intervals of means. The installed @stdlib packages cover the
 * normal, binomial and hypergeometric distributions only, so this is built from the regularised
 * incomplete beta function (continued fraction, Lentz's method) and a Lanczos log-gamma, then solved
 * by safeguarded Newton steps. Checked against scipy.stats.t.ppf in fixtures/expected.json.
 */

// Lanczos approximation, g = 7, n = 9 (relative error about 1e-15 for positive arguments).
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** Natural log of the gamma function for x > 0. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = LANCZOS[0] ?? 1;
  const t = y + 7.5;
  for (let i = 1; i < LANCZOS.length; i++) a += (LANCZOS[i] ?? 0) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the incomplete beta function (modified Lentz). */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = 1 + aa / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** The regularised incomplete beta function I_x(a, b) for 0 <= x <= 1, a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
  // The fraction converges fast only below the mean; use the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) above it.
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(x, a, b)) / a;
  return 1 - (front * betaFraction(1 - x, b, a)) / b;
}

/** The upper tail P(T > t) of Student's t with df degrees of freedom, for t >= 0. */
export function studentUpperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The density of Student's t with df degrees of freedom. */
function studentDensity(t: number, df: number): number {
  const logC = logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** The quantile of Student's t: the t with P(T <= t) = p, for p in (0.5, 1) and df >= 1. */
export function studentQuantile(p: number, df: number): number {
  if (!(p > 0.5 && p < 1) || !(df >= 1)) throw new RangeError(`need 0.5 < p < 1 and df >= 1, got p=${p}, df=${df}`);
  const tail = 1 - p;
  // Bracket [lo, hi] on the upper tail, which falls as t grows; Newton inside it, bisection if it strays.
  let lo = 0;
  let hi = 1;
  while (studentUpperTail(hi, df) > tail) hi *= 2;
  let t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = studentUpperTail(t, df) - tail;
    if (f > 0) lo = t;
    else hi = t;
    const next = t + f / studentDensity(t, df);
    const bounded = next > lo && next < hi ? next : (lo + hi) / 2;
    if (Math.abs(bounded - t) <= 1e-15 * Math.max(1, t)) return bounded;
    t = bounded;
  }
  return t;
}
