// The CE plane's hover: the point nearest the pointer in both axes, with the points drawn over it. Two strategies at
// the same effect are told apart by their cost (recharts' tooltip went by the effect alone).
import { describe, expect, it } from 'vitest';
import { HIT_RADIUS, TOOLTIP_GAP, nearestPoint, placeTooltip, pointsOver } from '../../../src/renderer/charts/plane-hit';

const at = (px: number, py: number, item: string) => ({ px, py, item });

describe('nearestPoint', () => {
  // Liquid biopsy's plasma-first and concurrent: the same QALYs, costs €114 apart (a few pixels).
  const points = [at(100, 300, 'tissue only'), at(400, 120, 'plasma first'), at(400, 124, 'concurrent')];

  it('gives the strategy under the pointer, not the first one at its effect', () => {
    expect(nearestPoint({ x: 400, y: 124 }, points)?.item).toBe('concurrent');
    expect(nearestPoint({ x: 401, y: 119 }, points)?.item).toBe('plasma first');
    expect(nearestPoint({ x: 99, y: 302 }, points)?.item).toBe('tissue only');
    // Equally near: the one drawn first.
    expect(nearestPoint({ x: 400, y: 122 }, points)?.item).toBe('plasma first');
  });

  it('gives nothing away from every point', () => {
    expect(nearestPoint({ x: 250, y: 200 }, points)).toBeUndefined();
    expect(nearestPoint({ x: 100 + HIT_RADIUS + 1, y: 300 }, points)).toBeUndefined();
    expect(nearestPoint({ x: 100 + HIT_RADIUS, y: 300 }, points)?.item).toBe('tissue only');
  });
});

describe('pointsOver', () => {
  it('lists the points covering the nearest one (within a mark radius), the nearest to it first', () => {
    const points = [at(50, 50, 'A'), at(200, 80, 'B'), at(203, 80, 'C'), at(200, 84, 'D'), at(200, 90, 'E')];
    expect(pointsOver(points[1]!, points, 5.35).map((p) => p.item)).toEqual(['B', 'C', 'D']);
    expect(pointsOver(points[0]!, points, 5.35).map((p) => p.item)).toEqual(['A']);
    // Drawn on the very same spot: in drawing order.
    const same = [at(10, 10, 'X'), at(10, 10, 'Y'), at(10, 10, 'Z')];
    expect(pointsOver(same[1]!, same, 5.35).map((p) => p.item)).toEqual(['Y', 'X', 'Z']);
  });
});

describe('placeTooltip', () => {
  // The PSA plane at the minimum window: a drawing about 300 px high; three means' tooltip is about 190 px.
  const box = { width: 560, height: 300 };
  const inside = (top: number, height: number) => top >= 0 && top + height <= box.height;

  it('opens below a point in the upper half when it fits there, towards the larger side sideways', () => {
    expect(placeTooltip({ px: 100, py: 40 }, box, 60)).toEqual({ left: 100 + TOOLTIP_GAP, top: 40 + TOOLTIP_GAP, maxWidth: 320 });
    expect(placeTooltip({ px: 500, py: 40 }, box, 60)).toMatchObject({ right: 60 + TOOLTIP_GAP, top: 40 + TOOLTIP_GAP });
    // Below the half: above the point.
    expect(placeTooltip({ px: 100, py: 250 }, box, 60).top).toBe(250 - TOOLTIP_GAP - 60);
  });

  it('a tall tooltip (three coinciding means) that would run below the drawing moves up to stay inside it', () => {
    // (The side chosen has the more room: a tooltip that does not fit there fits nowhere whole, so it is moved.)
    const at = { px: 300, py: 140 };
    const placed = placeTooltip(at, box, 190);
    // The old rule opened it below (upper half): 152 + 190 = 342 > 300.
    expect(at.py + TOOLTIP_GAP + 190).toBeGreaterThan(box.height);
    expect(inside(placed.top, 190)).toBe(true);
    expect(placed.top + 190).toBe(box.height - 4);
    // Still beside the point, not over it.
    expect(placed.right).toBe(box.width - at.px + TOOLTIP_GAP);
  });

  it('a tooltip too tall for either side is moved to stay inside the drawing', () => {
    for (const py of [20, 120, 150, 200, 290]) {
      const placed = placeTooltip({ px: 300, py }, box, 250);
      expect(inside(placed.top, 250), `point at ${py}`).toBe(true);
    }
    // Taller than the drawing: from its top edge (the first lines are read).
    expect(placeTooltip({ px: 300, py: 150 }, box, 400).top).toBe(4);
  });
});
