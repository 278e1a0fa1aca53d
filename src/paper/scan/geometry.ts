/**
 * Geometry of a scanned page, pure: the affine map from the form's layout (points from the printed
 * page's top-left) to the scan's pixels, fitted by least squares to the four registration marks, and
 * the few measures the reader needs of it (scale along each axis, rotation, how well it fits).
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** x' = a·x + b·y + c, y' = d·x + e·y + f. */
export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

export const apply = (t: Affine, p: Point): Point => ({ x: t.a * p.x + t.b * p.y + t.c, y: t.d * p.x + t.e * p.y + t.f });

/** Solves a 3×3 linear system by Cramer's rule; null when it is singular. */
function solve3(m: readonly [number, number, number][], r: readonly [number, number, number]): [number, number, number] | null {
  const det = (q: readonly (readonly number[])[]): number =>
    (q[0]![0]! * (q[1]![1]! * q[2]![2]! - q[1]![2]! * q[2]![1]!)) - (q[0]![1]! * (q[1]![0]! * q[2]![2]! - q[1]![2]! * q[2]![0]!)) + (q[0]![2]! * (q[1]![0]! * q[2]![1]! - q[1]![1]! * q[2]![0]!));
  const d = det(m);
  if (Math.abs(d) < 1e-9) return null;
  const col = (i: number): number[][] => m.map((row, k) => row.map((v, j) => (j === i ? r[k]! : v)));
  return [det(col(0)) / d, det(col(1)) / d, det(col(2)) / d];
}

/** The least-squares affine map taking each `from` point to its `to` point (at least three, not in a line). */
export function fitAffine(from: readonly Point[], to: readonly Point[]): Affine | null {
  if (from.length !== to.length || from.length < 3) return null;
  let sxx = 0, sxy = 0, syy = 0, sx = 0, sy = 0;
  let ux = 0, uy = 0, u = 0, vx = 0, vy = 0, v = 0;
  from.forEach((p, i) => {
    const q = to[i]!;
    sxx += p.x * p.x; sxy += p.x * p.y; syy += p.y * p.y; sx += p.x; sy += p.y;
    ux += q.x * p.x; uy += q.x * p.y; u += q.x;
    vx += q.y * p.x; vy += q.y * p.y; v += q.y;
  });
  const n = from.length;
  const normal: [number, number, number][] = [[sxx, sxy, sx], [sxy, syy, sy], [sx, sy, n]];
  const row1 = solve3(normal, [ux, uy, u]);
  const row2 = solve3(normal, [vx, vy, v]);
  if (!row1 || !row2) return null;
  return { a: row1[0], b: row1[1], c: row1[2], d: row2[0], e: row2[1], f: row2[2] };
}

/** The largest distance, in pixels, between a mapped `from` point and its `to` point. */
export function worstResidual(t: Affine, from: readonly Point[], to: readonly Point[]): number {
  return Math.max(...from.map((p, i) => Math.hypot(apply(t, p).x - to[i]!.x, apply(t, p).y - to[i]!.y)));
}

/** Pixels per point along the layout's x and y axes. */
export const scales = (t: Affine): { sx: number; sy: number } => ({ sx: Math.hypot(t.a, t.d), sy: Math.hypot(t.b, t.e) });

/** The rotation of the layout's x axis in the image, in degrees (0 upright, 90 turned clockwise). */
export const rotationDegrees = (t: Affine): number => (Math.atan2(t.d, t.a) * 180) / Math.PI;

/** The axis-aligned pixel box holding a layout rectangle once mapped, clamped to the image. */
export function pixelBounds(t: Affine, r: { x: number; y: number; w: number; h: number }, width: number, height: number): { x0: number; y0: number; x1: number; y1: number } {
  const corners = [apply(t, { x: r.x, y: r.y }), apply(t, { x: r.x + r.w, y: r.y }), apply(t, { x: r.x, y: r.y + r.h }), apply(t, { x: r.x + r.w, y: r.y + r.h })];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  return {
    x0: Math.max(0, Math.floor(Math.min(...xs))),
    y0: Math.max(0, Math.floor(Math.min(...ys))),
    x1: Math.min(width, Math.ceil(Math.max(...xs))),
    y1: Math.min(height, Math.ceil(Math.max(...ys))),
  };
}
