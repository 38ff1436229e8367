// Pure helpers for checking a report's language: its text as a reader sees it (HTML without the charts' SVG; Word's
// document.xml paragraphs and cells), and the user's own data (every string of the dossier and its models), which
// stays as typed in any language. Used by the unit test of the whole report and the e2e test of the exported files.

/** Every string of a value, line by line, each also with its first letter lower-cased (sentences quote labels). */
export function dataStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    for (const line of value.split('\n')) {
      const text = line.trim();
      if (text.length < 2) continue;
      out.push(text, text.charAt(0).toLowerCase() + text.slice(1));
    }
  } else if (Array.isArray(value)) value.forEach((v) => dataStrings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => dataStrings(v, out));
  return out;
}

function entities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

/** An HTML report's text: one line per block or cell, without the charts' SVG (drawings, checked by their data tables). */
export function htmlReportText(html: string): string {
  return entities(
    html
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<svg[\s\S]*?<\/svg>/g, '')
      .replace(/<\/(p|td|th|h\d|li|caption|div|tr|figcaption|header|footer|title)>/g, '\n')
      .replace(/<[^>]+>/g, ''),
  );
}

/** A Word document.xml's text: one line per paragraph (table cells are paragraphs too). */
export function docxReportText(documentXml: string): string {
  return documentXml
    .split('</w:p>')
    .map((p) => entities([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')))
    .join('\n');
}
