// Which strategy of a linked model answers a PICO's intervention or comparator. PICO texts are free text, so the
// match is by words: a strategy matches when every distinctive word of its label (or of its id) appears in the
// PICO text. Hyphenated words stay whole ("tissue-first" is not "tissue-only"), simple endings are ignored
// ("concurrently" = "concurrent"), and words every strategy of a testing model shares ("NGS", "testing") count
// for nothing. Deliberately strict: a wrong match would hide a gap, a missed one only adds a warning to check.

const GENERIC = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'if', 'in', 'is', 'no', 'not', 'of', 'on', 'or', 'the', 'then', 'to', 'with', 'without',
  'ngs', 'test', 'testing', 'tests', 'genotyping', 'strategy', 'strategies', 'arm', 'group', 'standard', 'care', 'usual', 'result',
]);

function stem(word: string): string {
  if (word.length > 6 && word.endsWith('ly')) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** Distinctive words of a text: lower case, hyphenated compounds kept, generic words dropped. */
export function distinctiveWords(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .replace(/[_]/g, '-')
    .split(/[^a-z0-9-]+/)
    .map((w) => w.replace(/^-+|-+$/g, ''))
    .filter((w) => w.length > 0 && !GENERIC.has(w))
    .map(stem);
  return new Set(words);
}

export interface StrategyRef {
  id: string;
  label: string;
}

/** The label's words before any parenthesis ("Plasma-first NGS (tissue if …)" → plasma-first). */
function labelWords(label: string): Set<string> {
  return distinctiveWords(label.split('(')[0] ?? label);
}

/** Strategies whose words all appear in the PICO text. */
export function matchingStrategies(picoText: string, strategies: readonly StrategyRef[]): StrategyRef[] {
  const words = distinctiveWords(picoText);
  const contained = (set: Set<string>) => set.size > 0 && [...set].every((w) => words.has(w));
  return strategies.filter((s) => contained(labelWords(s.label)) || contained(distinctiveWords(s.id)));
}
