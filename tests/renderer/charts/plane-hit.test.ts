// The CE plane's hover: the point nearest the pointer in both axes, with the points drawn over it. Two strategies at
// the same effect are told apart by their cost (recharts' tooltip went by the effect alone).
import { describe, expect, it } from 'vitest';
import { HIT_RADIUS, nearestPoint, pointsOver } from '../../../src/renderer/charts/plane-hit';

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
