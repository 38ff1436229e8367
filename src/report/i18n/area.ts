// One screen or report part's messages in every shipped language, side by side (so a translator sees the English
// next to its French and Dutch). messages-{en,fr,nl}.ts spread each area into the language's catalogue; the type
// refuses an area whose French or Dutch lacks a key of its English.
export interface AreaCatalogue<English extends Record<string, string>> {
  en: English;
  fr: Record<keyof English, string>;
  nl: Record<keyof English, string>;
}

/** Declares an area's catalogue (the identity, for the type check and the literal key types). */
export function areaCatalogue<const English extends Record<string, string>>(area: AreaCatalogue<English>): AreaCatalogue<English> {
  return area;
}
