// SVG → PNG in the browser for Word figures: the chart drawn as an image on a canvas at print resolution. A data:
// URL (allowed by the app's img-src) keeps the canvas untainted; no library is needed where a browser is at hand.
import type { Rasterise } from '../../report/docx/render-docx';

export const canvasRasterise: Rasterise = async (svg, widthPx) => {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  try {
    await image.decode();
  } catch {
    return null;
  }
  const ratio = image.naturalHeight / image.naturalWidth || 0.55;
  const canvas = document.createElement('canvas');
  canvas.width = widthPx;
  canvas.height = Math.round(widthPx * ratio);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
};
