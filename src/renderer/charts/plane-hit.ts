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

/** Pixels between the hovered point and its tooltip. */
export const TOOLTIP_GAP = 12;
/** Pixels kept free between the tooltip and the plot area's edge. */
const EDGE = 4;

/** The plot area inside the drawing (pixels from the drawing's top left): the axes' tick labels lie outside it. */
export interface PlotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TooltipPlacement {
  /** From the drawing's left edge, or (when the tooltip opens leftwards) its right edge. */
  left?: number;
  right?: number;
  top: number;
  maxWidth: number;
}

/**
 * Where the tooltip of the point at (px, py) goes, given its measured height: towards the plot area's larger side
 * sideways (its width capped to the room there) and up or down (below a point in the upper half, above one in the
 * lower half); when it is too tall for that side, moved up or down to stay inside the plot area, off the axes' tick
 * labels (still beside the point, not over it). `drawingWidth`: what `right` is measured from.
 */
export function placeTooltip(at: { px: number; py: number }, plot: PlotBox, drawingWidth: number, tooltipHeight: number, gap = TOOLTIP_GAP): TooltipPlacement {
  const right = at.px < plot.x + plot.width / 2;
  const room = (right ? plot.x + plot.width - at.px : at.px - plot.x) - gap - EDGE;
  const maxWidth = Math.max(160, Math.min(320, room));
  const sideways = right ? { left: at.px + gap } : { right: drawingWidth - at.px + gap };
  const open = at.py < plot.y + plot.height / 2 ? at.py + gap : at.py - gap - tooltipHeight;
  const top = Math.max(plot.y + EDGE, Math.min(open, plot.y + plot.height - EDGE - tooltipHeight));
  return { ...sideways, top, maxWidth };
}

/** What the pointer is on: a point, then the points of its kind drawn over it (`at` first). */
export interface Hovered<T> {
  at: PlacedPoint<T>;
  under: PlacedPoint<T>[];
}

/**
 * A plane's placed points split once into means and the rest (draws, or base-case strategies), for hovering: a
 * 10,000-draw PSA plane was filtered into two 40,000-item arrays at every mouse move.
 */
export function planeHitIndex<T extends { mean: boolean; radius: number }>(placed: readonly PlacedPoint<T>[], meanRadius: number) {
  const means: PlacedPoint<T>[] = [];
  const others: PlacedPoint<T>[] = [];
  for (const p of placed) (p.item.mean ? means : others).push(p);
  return {
    /** A mean's diamond is drawn over the draws: within it, it is what the pointer is on. */
    hover(pointer: { x: number; y: number }): Hovered<T> | undefined {
      const at = nearestPoint(pointer, means, meanRadius) ?? nearestPoint(pointer, placed);
      if (!at) return undefined;
      return { at, under: pointsOver(at, at.item.mean ? means : others, at.item.radius) };
    },
  };
}
