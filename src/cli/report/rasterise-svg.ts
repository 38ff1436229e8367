// SVG → PNG for Word figures on the command line, with resvg (Rust, prebuilt N-API binaries from npm; no browser).
// Fonts come from the system (Liberation Sans or DejaVu Sans on Linux, Arial on Windows and macOS). When the native
// module cannot load on this platform, figures fall back to their data tables (the caller is told).
import type { Rasterise } from '../../report/docx/render-docx';

export async function resvgRasteriser(): Promise<Rasterise | null> {
  try {
    const { Resvg } = await import('@resvg/resvg-js');
    return async (svg, widthPx) => {
      const image = new Resvg(svg, {
        fitTo: { mode: 'width', value: widthPx },
        background: '#ffffff',
        font: { loadSystemFonts: true, defaultFontFamily: 'Liberation Sans', sansSerifFamily: 'Liberation Sans' },
      }).render();
      return new Uint8Array(image.asPng());
    };
  } catch {
    return null;
  }
}
