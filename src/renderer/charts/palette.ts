// Series colours of the charts: distinguishable for common colour-vision deficiencies (blue/orange first, after
// Okabe & Ito) and each at least 4:1 against white, so lines and markers meet WCAG's 3:1 for graphics.
export const seriesColors = ['#1d5ea8', '#c4510f', '#1b7f4f', '#7b3fa0', '#9a6a00', '#0f7c8c', '#b3261e', '#5f6b7a'] as const;

/** The colour of the i-th series (cycles through the palette). */
export function seriesColor(index: number): string {
  return seriesColors[((index % seriesColors.length) + seriesColors.length) % seriesColors.length]!;
}

/** Axis, grid and reference-line greys of the app's design system. */
export const chartInk = { axis: '#4f5b6a', grid: '#e3e7ec', reference: '#8e99a8', text: '#17202b' } as const;
