// The CE plane's hover: the point nearest the pointer in both axes, with the points drawn over it. Two strategies at
// the same effect are told apart by their cost (recharts' tooltip went by the effect alone).
import { describe, expect, it } from 'vitest';
import { HIT_RADIUS, TOOLTIP_GAP, nearestPoint, placeTooltip, planeHitIndex, pointsOver } from '../../../src/renderer/charts/plane-hit';

const at = <T,>(px: number, py: number, item: T) => ({ px, py, item });

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
  // The PSA plane at the minimum window: a drawing about 300 px high; three means' tooltip is about 190 px. The plot
  // area leaves the y axis's tick labels on the left and the x axis's below.
  const width = 560;
  const plot = { x: 108, y: 8, width: 428, height: 252 };
  const inside = (top: number, height: number) => top >= plot.y && top + height <= plot.y + plot.height;

  it('opens below a point in the upper half when it fits there, towards the larger side sideways', () => {
    expect(placeTooltip({ px: 150, py: 40 }, plot, width, 60)).toEqual({ left: 150 + TOOLTIP_GAP, top: 40 + TOOLTIP_GAP, maxWidth: 320 });
    expect(placeTooltip({ px: 500, py: 40 }, plot, width, 60)).toMatchObject({ right: 60 + TOOLTIP_GAP, top: 40 + TOOLTIP_GAP });
    // Below the plot area's half: above the point.
    expect(placeTooltip({ px: 150, py: 200 }, plot, width, 60).top).toBe(200 - TOOLTIP_GAP - 60);
    // Sideways by the plot area's middle (322), not the drawing's (280): a point at 300 opens rightwards.
    expect(placeTooltip({ px: 300, py: 40 }, plot, width, 60).left).toBe(300 + TOOLTIP_GAP);
    // Its width capped to the plot area's room on that side.
    expect(placeTooltip({ px: 300, py: 40 }, plot, width, 60).maxWidth).toBe(plot.x + plot.width - 300 - TOOLTIP_GAP - 4);
  });

  it('a tall tooltip (three coinciding means) that would run over the x axis\'s tick labels moves up into the plot area', () => {
    const at = { px: 400, py: 120 };
    const placed = placeTooltip(at, plot, width, 190);
    // Opened below (upper half) it ends at 322, past the plot area's bottom (260) and over the tick labels.
    expect(at.py + TOOLTIP_GAP + 190).toBeGreaterThan(plot.y + plot.height);
    expect(inside(placed.top, 190)).toBe(true);
    expect(placed.top + 190).toBe(plot.y + plot.height - 4);
    // Still beside the point, not over it.
    expect(placed.right).toBe(width - at.px + TOOLTIP_GAP);
  });

  it('a tooltip too tall for either side is moved to stay inside the plot area', () => {
    for (const py of [20, 120, 150, 200, 250]) {
      const placed = placeTooltip({ px: 300, py }, plot, width, 200);
      expect(inside(placed.top, 200), `point at ${py}`).toBe(true);
    }
    // Taller than the plot area: from its top edge (the first lines are read).
    expect(placeTooltip({ px: 300, py: 150 }, plot, width, 400).top).toBe(plot.y + 4);
  });
});

describe('planeHitIndex', () => {
  /** Points whose kind counts its reads: how often the points are sorted by kind. */
  function counted(n: number) {
    let reads = 0;
    const placed = Array.from({ length: n }, (_, i) => {
      const mean = i >= n - 3;
      const item = { radius: mean ? 8.7 : 2.1, id: i, get mean() { reads++; return mean; } };
      return { px: (i * 7) % 500, py: (i * 13) % 300, item };
    });
    return { placed, reads: () => reads };
  }

  it('sorts the points by kind once per data, not at every mouse move', () => {
    const { placed, reads } = counted(40_000);
    const index = planeHitIndex(placed, 8.7);
    const sorting = reads();
    expect(sorting).toBe(40_000);
    for (let move = 0; move < 50; move++) index.hover({ x: (move * 11) % 500, y: (move * 7) % 300 });
    // Reading the hovered point's own kind (to pick its list) is all a move adds.
    expect(reads() - sorting).toBeLessThanOrEqual(50);
  });

  it('within a mean\'s diamond gives the mean (and means over it), else the nearest point and points of its kind over it', () => {
    const item = (id: string, mean: boolean) => ({ id, mean, radius: mean ? 8.7 : 2.1 });
    const placed = [at(100, 100, item('draw a', false)), at(101, 100, item('draw b', false)), at(104, 100, item('mean A', true)), at(106, 100, item('mean B', true)), at(300, 200, item('draw c', false))];
    const index = planeHitIndex(placed, 8.7);
    // Nearer the draws, but inside mean A's diamond: the means, not the draws.
    expect(index.hover({ x: 101, y: 100 })?.under.map((p) => p.item.id)).toEqual(['mean A', 'mean B']);
    // Off the means: the draw and the draws over it.
    expect(index.hover({ x: 299, y: 201 })?.under.map((p) => p.item.id)).toEqual(['draw c']);
    expect(index.hover({ x: 200, y: 20 })).toBeUndefined();
  });
});
