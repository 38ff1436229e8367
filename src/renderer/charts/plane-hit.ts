// Which CE-plane point the pointer is on: the nearest drawn point in both axes (pixels), with any point drawn over
// it. recharts' own tooltip follows the x axis only, so a strategy drawn at the effect of another showed the other's
// figures.

export interface PlacedPoint<T> {
  /** Pixel position of the point's centre in the drawing. */
  px: number;
  py: number;
  item: T;
}

/** How far from a point's centre the pointer still shows it (pixels): a mark's radius and some slack. */
export const HIT_RADIUS = 16;

/** The point nearest the pointer within `radius` pixels (ties: the one drawn first), if any. */
export function nearestPoint<T>(pointer: { x: number; y: number }, points: readonly PlacedPoint<T>[], radius = HIT_RADIUS): PlacedPoint<T> | undefined {
  let nearest: PlacedPoint<T> | undefined;
  let best = radius * radius;
  for (const p of points) {
    const d = (p.px - pointer.x) ** 2 + (p.py - pointer.y) ** 2;
    if (d < best || (d === best && nearest === undefined)) {
      nearest = p;
      best = d;
    }
  }
  return nearest;
}

/**
 * `at`, then every other point whose centre is within `overlap` pixels of it (a mark's radius: they cover each other
 * more than half), nearest it first, ties in drawing order.
 */
export function pointsOver<T>(at: PlacedPoint<T>, points: readonly PlacedPoint<T>[], overlap: number): PlacedPoint<T>[] {
  const apart = (p: PlacedPoint<T>) => (p.px - at.px) ** 2 + (p.py - at.py) ** 2;
  const others = points.filter((p) => p !== at && apart(p) < overlap * overlap);
  return [at, ...others.sort((a, b) => apart(a) - apart(b))];
}
