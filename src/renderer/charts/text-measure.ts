import { estimateTextWidth } from '../../diagram/svg-markup';

// The width of a chart label as the browser draws it (a canvas in the page's font), so a label broken into lines
// here breaks where it is drawn; an estimate where there is no canvas.

let context: CanvasRenderingContext2D | null | undefined;

export function measureText(text: string, fontSize: number): number {
  if (context === undefined) {
    context = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (!context) return estimateTextWidth(text, fontSize);
  context.font = `${fontSize}px ${getComputedStyle(document.body).fontFamily}`;
  return context.measureText(text).width;
}
