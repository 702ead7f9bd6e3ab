// Crossings of orthogonal routes, as Tidy up counts them to choose between layouts.
import type { Point } from './geometry';

/** How many times two routes cross (segments that cut each other, not ones that meet at an end). */
export function countCrossings(routes: readonly (readonly Point[])[]): number {
  const segments: [number, Point, Point][] = [];
  routes.forEach((points, route) => {
    for (let i = 0; i + 1 < points.length; i += 1)
      segments.push([route, points[i] as Point, points[i + 1] as Point]);
  });
  let count = 0;
  for (let i = 0; i < segments.length; i += 1) {
    const [ra, a1, a2] = segments[i] as [number, Point, Point];
    for (let j = i + 1; j < segments.length; j += 1) {
      const [rb, b1, b2] = segments[j] as [number, Point, Point];
      if (ra === rb) continue;
      // Orthogonal segments cross when one is horizontal, the other vertical, and each spans the other.
      const [h1, h2, v1, v2] = a1.y === a2.y ? [a1, a2, b1, b2] : [b1, b2, a1, a2];
      if (h1.y !== h2.y || v1.x !== v2.x) continue;
      const x = v1.x;
      const y = h1.y;
      if (
        x > Math.min(h1.x, h2.x) &&
        x < Math.max(h1.x, h2.x) &&
        y > Math.min(v1.y, v2.y) &&
        y < Math.max(v1.y, v2.y)
      ) {
        count += 1;
      }
    }
  }
  return count;
}
