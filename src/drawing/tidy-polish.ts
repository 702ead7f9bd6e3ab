// Polishing one group's layout for straight lines: the untidiness score and the sideways-move search.
import { CARD_HEIGHT, CARD_WIDTH } from './layout';
import { GRID, groupPairs, NODE_GAP, type Setting, snap, type XY } from './tidy-setting';

const MAX_POLISH_PASSES = 12;
const NUDGES = [-96, -48, -24, -8, 8, 24, 48, 96];
const ROW_SHIFTS = [-256, -128, -64, -24, 24, 64, 128, 256];

function side(a: XY, b: XY, c: XY): number {
  return Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

/** Whether the segment a–b passes through the card whose top-left is `at` (Liang–Barsky clipping). */
function crossesCard(a: XY, b: XY, at: XY, width: number): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  for (const [p, q] of [
    [-dx, a.x - at.x],
    [dx, at.x + width - a.x],
    [-dy, a.y - at.y],
    [dy, at.y + CARD_HEIGHT - a.y],
  ] as const) {
    if (p === 0 && q < 0) return false;
    if (p < 0) t0 = Math.max(t0, q / p);
    if (p > 0) t1 = Math.min(t1, q / p);
  }
  return t0 < t1;
}

/** One group being polished, by card index: sizes, rows, left edges and connections. */
export interface Scene {
  readonly ids: readonly string[];
  readonly width: readonly number[];
  readonly top: readonly number[];
  readonly links: readonly (readonly [number, number])[];
  /** The links that touch each card. */
  readonly incident: readonly (readonly number[])[];
  readonly left: number[];
}

export function createScene(
  ids: readonly string[],
  setting: Setting,
  left: ReadonlyMap<string, number>,
): Scene {
  const index = new Map(ids.map((id, i) => [id, i]));
  const links = groupPairs(ids, setting.document).map(
    ([a, b]) => [index.get(a) ?? 0, index.get(b) ?? 0] as const,
  );
  const incident: number[][] = ids.map(() => []);
  links.forEach(([a, b], l) => {
    incident[a]?.push(l);
    incident[b]?.push(l);
  });
  return {
    ids,
    width: ids.map((id) => setting.width.get(id) ?? CARD_WIDTH),
    top: ids.map((id) => setting.top.get(id) ?? 0),
    links,
    incident,
    left: ids.map((id) => left.get(id) ?? 0),
  };
}

export function at(values: readonly number[], i: number): number {
  return values[i] ?? 0;
}

function centreOf(scene: Scene, i: number): XY {
  return { x: at(scene.left, i) + at(scene.width, i) / 2, y: at(scene.top, i) + CARD_HEIGHT / 2 };
}

/**
 * The part of the untidiness that depends on where the `moved` cards are, the way the canvas draws
 * connections (straight lines between card centres): crossings and lines through another card cost
 * most, then slanted lines. Comparing it before and after a move is enough to judge the move.
 */
function partCost(scene: Scene, moved: readonly number[]): number {
  const touched = new Set(moved.flatMap((i) => scene.incident[i] ?? []));
  let cost = 0;
  for (const l of touched) {
    const [a, b] = scene.links[l] ?? [0, 0];
    const p = centreOf(scene, a);
    const q = centreOf(scene, b);
    cost += Math.abs(p.x - q.x) / 400;
    scene.links.forEach(([c, d], m) => {
      if (m === l || (touched.has(m) && m < l) || c === a || c === b || d === a || d === b) return;
      const r = centreOf(scene, c);
      const s = centreOf(scene, d);
      if (side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0) cost += 100;
    });
    scene.left.forEach((x, i) => {
      if (i !== a && i !== b && crossesCard(p, q, { x, y: at(scene.top, i) }, at(scene.width, i)))
        cost += 150;
    });
  }
  scene.links.forEach(([a, b], l) => {
    if (touched.has(l)) return;
    const p = centreOf(scene, a);
    const q = centreOf(scene, b);
    for (const i of moved) {
      if (crossesCard(p, q, { x: at(scene.left, i), y: at(scene.top, i) }, at(scene.width, i))) cost += 150;
    }
  });
  return cost;
}

/** The width of the group, a small cost: of two equally clean layouts the narrower wins. */
function widthCost(scene: Scene): number {
  const right = Math.max(...scene.left.map((x, i) => x + at(scene.width, i)));
  return (right - Math.min(...scene.left)) / 100;
}
export function untidiness(scene: Scene): number {
  return (
    partCost(
      scene,
      scene.ids.map((_, i) => i),
    ) + widthCost(scene)
  );
}

/** Whether card `i` at `x` keeps the gap to every other card of its row. */
function fits(scene: Scene, i: number, x: number): boolean {
  const w = at(scene.width, i);
  return scene.left.every(
    (ox, o) =>
      o === i ||
      scene.top[o] !== scene.top[i] ||
      x >= ox + at(scene.width, o) + NODE_GAP ||
      ox >= x + w + NODE_GAP,
  );
}

/**
 * Where a card may try to go: small nudges, right beside each card of its row, and straight above
 * or below each card it is connected to.
 */
function candidates(scene: Scene, i: number): number[] {
  const x = at(scene.left, i);
  const w = at(scene.width, i);
  const spots = NUDGES.map((nudge) => x + nudge);
  scene.left.forEach((ox, o) => {
    if (o !== i && scene.top[o] === scene.top[i])
      spots.push(ox - w - NODE_GAP, ox + at(scene.width, o) + NODE_GAP);
  });
  for (const l of scene.incident[i] ?? []) {
    const [a, b] = scene.links[l] ?? [0, 0];
    spots.push(centreOf(scene, a === i ? b : a).x - w / 2);
  }
  return [...new Set(spots.map((spot) => Math.ceil(spot / GRID) * GRID))].filter((spot) => spot !== x);
}

/**
 * Polishes a layout for straight lines: moves cards sideways and swaps neighbours while that makes
 * the group tidier, within `budget` tries. Deterministic: moves are tried in a fixed order and the
 * first gain is kept. Returns the tries left.
 */
export function polish(scene: Scene, budget: number): number {
  let left = budget;
  const attempt = (moves: readonly (readonly [number, number])[]): boolean => {
    left -= 1;
    const moved = moves.map(([i]) => i);
    const before = moves.map(([i]) => at(scene.left, i));
    const cost = partCost(scene, moved) + widthCost(scene);
    for (const [i, x] of moves) scene.left[i] = x;
    if (
      moves.every(([i, x]) => fits(scene, i, x)) &&
      partCost(scene, moved) + widthCost(scene) < cost - 1e-9
    ) {
      return true;
    }
    moves.forEach(([i], k) => {
      scene.left[i] = before[k] ?? 0;
    });
    return false;
  };
  for (let pass = 0; pass < MAX_POLISH_PASSES && left > 0; pass += 1) {
    let improved = false;
    const order = scene.ids
      .map((_, i) => i)
      .sort((a, b) => at(scene.top, a) - at(scene.top, b) || at(scene.left, a) - at(scene.left, b));
    order.forEach((i, k) => {
      for (const x of candidates(scene, i)) if (left > 0 && attempt([[i, x]])) improved = true;
      const next = order[k + 1];
      if (left <= 0 || next === undefined || scene.top[next] !== scene.top[i]) return;
      const end = at(scene.left, next) + at(scene.width, next) - at(scene.width, i);
      if (
        attempt([
          [next, at(scene.left, i)],
          [i, snap(end)],
        ])
      )
        improved = true;
    });
    // Whole rows and the right part of a row slide too: one card alone cannot close a wide gap.
    for (const top of new Set(scene.top)) {
      const row = order.filter((i) => scene.top[i] === top);
      row.forEach((_, k) => {
        const part = row.slice(k);
        for (const shift of ROW_SHIFTS) {
          if (left > 0 && attempt(part.map((i) => [i, at(scene.left, i) + shift]))) improved = true;
        }
      });
    }
    if (!improved) break;
  }
  return left;
}
