import type { Point } from '../drawing/geometry';

// The geometry of what an SVG draws a line with: `<line>`, `<polyline>` and `<path>` (every
// command, absolute and relative; curves and arcs flattened into short segments), under the
// `transform` of the element and its ancestors.

/** An affine transform [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** `outer` after `inner`: the transform of a child (`inner`) inside its parent (`outer`). */
export function multiply(outer: Matrix, inner: Matrix): Matrix {
  const [a, b, c, d, e, f] = outer;
  const [a2, b2, c2, d2, e2, f2] = inner;
  return [
    a * a2 + c * b2,
    b * a2 + d * b2,
    a * c2 + c * d2,
    b * c2 + d * d2,
    a * e2 + c * f2 + e,
    b * e2 + d * f2 + f,
  ];
}

export function apply(m: Matrix, p: Point): Point {
  return { x: m[0] * p.x + m[2] * p.y + m[4], y: m[1] * p.x + m[3] * p.y + m[5] };
}

function numbersIn(text: string): number[] {
  return (text.match(/[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g) ?? []).map(Number);
}

/** The matrix of a `transform` attribute: translate, scale, rotate, skewX, skewY and matrix, in order. */
export function parseTransform(value: string | undefined): Matrix {
  let m: Matrix = IDENTITY;
  if (!value) return m;
  for (const [, name, args] of value.matchAll(/([a-zA-Z]+)\s*\(([^)]*)\)/g)) {
    const n = numbersIn(args ?? '');
    const [p = 0, q, r] = n;
    let t: Matrix = IDENTITY;
    switch (name) {
      case 'translate':
        t = [1, 0, 0, 1, p, q ?? 0];
        break;
      case 'scale':
        t = [p, 0, 0, q ?? p, 0, 0];
        break;
      case 'rotate': {
        const rad = (p * Math.PI) / 180;
        const cos = Math.cos(rad);
        const sin = Math.sin(rad);
        const cx = q ?? 0;
        const cy = r ?? 0;
        t = multiply(multiply([1, 0, 0, 1, cx, cy], [cos, sin, -sin, cos, 0, 0]), [1, 0, 0, 1, -cx, -cy]);
        break;
      }
      case 'skewX':
        t = [1, 0, Math.tan((p * Math.PI) / 180), 1, 0, 0];
        break;
      case 'skewY':
        t = [1, Math.tan((p * Math.PI) / 180), 0, 1, 0, 0];
        break;
      case 'matrix':
        if (n.length === 6) t = n as unknown as Matrix;
        break;
      default:
        break;
    }
    m = multiply(m, t);
  }
  return m;
}

/** Segments per curve: about one per 4 px of its control polygon, between 2 and 48. */
function steps(length: number): number {
  return Math.max(2, Math.min(48, Math.ceil(length / 4)));
}

const dist = (a: Point, b: Point): number => Math.hypot(b.x - a.x, b.y - a.y);

/** The points of a `points` attribute (`<polyline>`, `<polygon>`). */
export function parsePoints(value: string): Point[] {
  const n = numbersIn(value);
  const points: Point[] = [];
  for (let i = 0; i + 1 < n.length; i += 2) points.push({ x: n[i] ?? 0, y: n[i + 1] ?? 0 });
  return points;
}

/** The arc from `from` to `to` (SVG's endpoint form) as points after `from`, the end included. */
function arcPoints(
  from: Point,
  rxIn: number,
  ryIn: number,
  angle: number,
  largeArc: boolean,
  sweep: boolean,
  to: Point,
): Point[] {
  let rx = Math.abs(rxIn);
  let ry = Math.abs(ryIn);
  if (rx === 0 || ry === 0 || (from.x === to.x && from.y === to.y)) return [to];
  const phi = (angle * Math.PI) / 180;
  const cos = Math.cos(phi);
  const sin = Math.sin(phi);
  const dx = (from.x - to.x) / 2;
  const dy = (from.y - to.y) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const factor = (largeArc === sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
  const cx1 = (factor * rx * y1) / ry;
  const cy1 = (-factor * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (from.x + to.x) / 2;
  const cy = sin * cx1 + cos * cy1 + (from.y + to.y) / 2;
  const angleOf = (ux: number, uy: number) => Math.atan2(uy, ux);
  const theta = angleOf((x1 - cx1) / rx, (y1 - cy1) / ry);
  let delta = angleOf((-x1 - cx1) / rx, (-y1 - cy1) / ry) - theta;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  const n = steps(Math.abs(delta) * Math.max(rx, ry));
  const points: Point[] = [];
  for (let i = 1; i < n; i += 1) {
    const t = theta + (delta * i) / n;
    const ex = rx * Math.cos(t);
    const ey = ry * Math.sin(t);
    points.push({ x: cos * ex - sin * ey + cx, y: sin * ex + cos * ey + cy });
  }
  points.push(to);
  return points;
}

function quadPoints(p0: Point, p1: Point, p2: Point): Point[] {
  const n = steps(dist(p0, p1) + dist(p1, p2));
  const points: Point[] = [];
  for (let i = 1; i <= n; i += 1) {
    const t = i / n;
    const u = 1 - t;
    points.push({
      x: u * u * p0.x + 2 * u * t * p1.x + t * t * p2.x,
      y: u * u * p0.y + 2 * u * t * p1.y + t * t * p2.y,
    });
  }
  return points;
}

function cubicPoints(p0: Point, p1: Point, p2: Point, p3: Point): Point[] {
  const n = steps(dist(p0, p1) + dist(p1, p2) + dist(p2, p3));
  const points: Point[] = [];
  for (let i = 1; i <= n; i += 1) {
    const t = i / n;
    const u = 1 - t;
    points.push({
      x: u * u * u * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t * t * t * p3.x,
      y: u * u * u * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t * t * t * p3.y,
    });
  }
  return points;
}

/** How many numbers each command takes. */
const ARITY: { readonly [command: string]: number } = {
  M: 2,
  L: 2,
  H: 1,
  V: 1,
  Q: 4,
  T: 2,
  C: 6,
  S: 4,
  A: 7,
  Z: 0,
};

/** The tokens of path data: command letters and numbers (arc flags may be written without separators). */
function tokens(d: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([MLHVQTCSAZmlhvqtcsaz])|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/g;
  let command = '';
  let argIndex = 0;
  for (const match of d.matchAll(re)) {
    if (match[1]) {
      command = match[1].toUpperCase();
      argIndex = 0;
      out.push(match[1]);
      continue;
    }
    const text = match[2] ?? '0';
    // An arc's two flags are single digits that may run into the next number ("a5 5 0 01 10 10").
    const arity = ARITY[command] ?? 0;
    const position = arity ? argIndex % arity : 0;
    if (command === 'A' && (position === 3 || position === 4) && /^[01]\d/.test(text)) {
      out.push(Number(text[0]));
      argIndex += 1;
      const rest = text.slice(1);
      const next = arity ? argIndex % arity : 0;
      if (next === 4 && /^[01]\d/.test(rest)) {
        out.push(Number(rest[0]));
        argIndex += 1;
        out.push(Number(rest.slice(1)));
      } else out.push(Number(rest));
      argIndex += 1;
      continue;
    }
    out.push(Number(text));
    argIndex += 1;
  }
  return out;
}

/**
 * The polylines a path draws, one per subpath, curves and arcs flattened; `Z` closes a subpath
 * back to its start. Throws on data it cannot read.
 */
export function flattenPath(d: string): Point[][] {
  const list = tokens(d);
  const lines: Point[][] = [];
  let current: Point[] = [];
  let at: Point = { x: 0, y: 0 };
  let start: Point = at;
  let lastControl: Point | undefined;
  let lastCommand = '';
  let i = 0;
  const take = (): number => {
    const value = list[i];
    if (typeof value !== 'number') throw new Error(`path data: a number expected in "${d}"`);
    i += 1;
    return value;
  };
  const finish = () => {
    if (current.length > 1) lines.push(current);
    current = [];
  };
  let command = '';
  while (i < list.length) {
    const next = list[i];
    if (typeof next === 'string') {
      command = next;
      i += 1;
      if (command === 'z' || command === 'Z') {
        current.push(start);
        at = start;
        finish();
        current = [start];
        lastCommand = 'Z';
        lastControl = undefined;
        continue;
      }
    } else if (!command || command === 'z' || command === 'Z') {
      throw new Error(`path data: a command expected in "${d}"`);
    }
    const relative = command === command.toLowerCase();
    const base = relative ? at : { x: 0, y: 0 };
    const point = (x: number, y: number): Point => ({ x: base.x + x, y: base.y + y });
    const upper = command.toUpperCase();
    switch (upper) {
      case 'M': {
        finish();
        at = point(take(), take());
        start = at;
        current = [at];
        // Further pairs after a moveto are linetos.
        command = relative ? 'l' : 'L';
        lastControl = undefined;
        break;
      }
      case 'L':
        at = point(take(), take());
        current.push(at);
        lastControl = undefined;
        break;
      case 'H':
        at = { x: relative ? at.x + take() : take(), y: at.y };
        current.push(at);
        lastControl = undefined;
        break;
      case 'V':
        at = { x: at.x, y: relative ? at.y + take() : take() };
        current.push(at);
        lastControl = undefined;
        break;
      case 'Q':
      case 'T': {
        const control =
          upper === 'Q'
            ? point(take(), take())
            : lastControl && (lastCommand === 'Q' || lastCommand === 'T')
              ? { x: 2 * at.x - lastControl.x, y: 2 * at.y - lastControl.y }
              : at;
        const end = point(take(), take());
        current.push(...quadPoints(at, control, end));
        lastControl = control;
        at = end;
        break;
      }
      case 'C':
      case 'S': {
        const first =
          upper === 'C'
            ? point(take(), take())
            : lastControl && (lastCommand === 'C' || lastCommand === 'S')
              ? { x: 2 * at.x - lastControl.x, y: 2 * at.y - lastControl.y }
              : at;
        const second = point(take(), take());
        const end = point(take(), take());
        current.push(...cubicPoints(at, first, second, end));
        lastControl = second;
        at = end;
        break;
      }
      case 'A': {
        const rx = take();
        const ry = take();
        const angle = take();
        const large = take() !== 0;
        const sweep = take() !== 0;
        const end = point(take(), take());
        current.push(...arcPoints(at, rx, ry, angle, large, sweep, end));
        at = end;
        lastControl = undefined;
        break;
      }
      default:
        throw new Error(`path data: unknown command ${command} in "${d}"`);
    }
    lastCommand = upper;
  }
  finish();
  return lines;
}
