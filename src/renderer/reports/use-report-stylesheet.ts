// The report's stylesheet (src/report/html) adopted by the document while the preview is open. Constructed
// stylesheets are not inline styles, so the app's strict Content-Security-Policy (style-src 'self') allows them;
// the report's @page rules (A4, running header, page numbers) then apply when the preview is printed.
import { useEffect, useRef } from 'react';

export function useReportStylesheet(css: string): void {
  const sheet = useRef<CSSStyleSheet | null>(null);
  useEffect(() => {
    const own = new CSSStyleSheet();
    sheet.current = own;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, own];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== own);
      sheet.current = null;
    };
  }, []);
  useEffect(() => {
    sheet.current?.replaceSync(css);
  }, [css]);
}
