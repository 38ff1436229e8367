// The CHEERS 2022 checklist (Husereau et al., Value Health 2022; BMC Med 2022), 28 items in the order of the
// published table, and where a report addresses each: the number and title of the section, or "Not reported"
// (the dossier or model holds nothing for it, or that section is not in the report) or "Not applicable" (the
// assessors' text for the item starts with "Not applicable").
import type { Reporting } from '../dossier/schema';
import type { Section } from './document';
import { flattenSections } from './document';
import { translator } from './i18n/translate';
import type { Translate } from './i18n/translate';

export interface CheersItem {
  number: number;
  /** Checklist section: Title, Abstract, Introduction, Methods, Results, Discussion, Other. */
  topic: string;
  item: string;
}

export const cheersItems: readonly CheersItem[] = [
  { number: 1, topic: 'Title', item: 'Title' },
  { number: 2, topic: 'Abstract', item: 'Abstract' },
  { number: 3, topic: 'Introduction', item: 'Background and objectives' },
  { number: 4, topic: 'Methods', item: 'Health economic analysis plan' },
  { number: 5, topic: 'Methods', item: 'Study population' },
  { number: 6, topic: 'Methods', item: 'Setting and location' },
  { number: 7, topic: 'Methods', item: 'Comparators' },
  { number: 8, topic: 'Methods', item: 'Perspective' },
  { number: 9, topic: 'Methods', item: 'Time horizon' },
  { number: 10, topic: 'Methods', item: 'Discount rate' },
  { number: 11, topic: 'Methods', item: 'Selection of outcomes' },
  { number: 12, topic: 'Methods', item: 'Measurement of outcomes' },
  { number: 13, topic: 'Methods', item: 'Valuation of outcomes' },
  { number: 14, topic: 'Methods', item: 'Measurement and valuation of resources and costs' },
  { number: 15, topic: 'Methods', item: 'Currency, price date, and conversion' },
  { number: 16, topic: 'Methods', item: 'Rationale and description of model' },
  { number: 17, topic: 'Methods', item: 'Analytics and assumptions' },
  { number: 18, topic: 'Methods', item: 'Characterizing heterogeneity' },
  { number: 19, topic: 'Methods', item: 'Characterizing distributional effects' },
  { number: 20, topic: 'Methods', item: 'Characterizing uncertainty' },
  { number: 21, topic: 'Methods', item: 'Approach to engagement with patients and others affected by the study' },
  { number: 22, topic: 'Results', item: 'Study parameters' },
  { number: 23, topic: 'Results', item: 'Summary of main results' },
  { number: 24, topic: 'Results', item: 'Effect of uncertainty' },
  { number: 25, topic: 'Results', item: 'Effect of engagement with patients and others affected by the study' },
  { number: 26, topic: 'Discussion', item: 'Study findings, limitations, generalizability, and current knowledge' },
  { number: 27, topic: 'Other relevant information', item: 'Source of funding' },
  { number: 28, topic: 'Other relevant information', item: 'Conflicts of interest' },
];

/**
 * Where each item is addressed: section ids (a pattern matches per-model subsections too), and for items that
 * rest on a dossier field, that field (empty → "Not reported").
 */
const addressedBy: Record<number, { sections: RegExp[]; field?: keyof Reporting; titlePage?: boolean }> = {
  1: { sections: [], titlePage: true },
  2: { sections: [/^sec-summary$/] },
  3: { sections: [/^sec-scope$/] },
  4: { sections: [/^sec-methods-problem$/], field: 'analysisPlan' },
  5: { sections: [/^sec-scope-pico$/] },
  6: { sections: [/^sec-methods-problem$/], field: 'setting' },
  7: { sections: [/^sec-scope-pico$/, /^sec-methods(-.+)?-strategies$/] },
  8: { sections: [/^sec-methods-problem$/], field: 'perspective' },
  9: { sections: [/^sec-methods(-.+)?-settings$/] },
  10: { sections: [/^sec-methods(-.+)?-settings$/] },
  11: { sections: [/^sec-methods(-.+)?-settings$/, /^sec-scope-pico$/] },
  12: { sections: [/^sec-evidence$/, /^sec-methods(-.+)?-parameters$/] },
  13: { sections: [/^sec-methods(-.+)?-parameters$/] },
  14: { sections: [/^sec-methods(-.+)?-parameters$/] },
  15: { sections: [/^sec-methods(-.+)?-settings$/] },
  16: { sections: [/^sec-methods(-.+)?-structure$/] },
  17: { sections: [/^sec-methods(-.+)?-structure$/, /^sec-limitations$/] },
  18: { sections: [/^sec-methods-problem$/], field: 'heterogeneity' },
  19: { sections: [/^sec-methods-problem$/], field: 'distributionalEffects' },
  20: { sections: [/^sec-uncertainty$/] },
  21: { sections: [/^sec-methods-problem$/], field: 'engagement' },
  22: { sections: [/^sec-methods(-.+)?-parameters$/] },
  23: { sections: [/^sec-results$/] },
  24: { sections: [/^sec-uncertainty$/] },
  25: { sections: [/^sec-methods-problem$/], field: 'engagementEffect' },
  26: { sections: [/^sec-summary$/, /^sec-limitations$/] },
  27: { sections: [/^sec-front-declarations$/], field: 'funding' },
  28: { sections: [/^sec-front-declarations$/], field: 'conflictsOfInterest' },
};

export interface CheersRow extends CheersItem {
  reportedIn: string;
  /** Whether the report addresses the item (`reportedIn` is then where). */
  status: 'reported' | 'not-reported' | 'not-applicable';
}

/**
 * The checklist for a report whose sections are `sections` (numbered), in the report's language (`t`, default
 * English). The French and Dutch item wording is the product's translation of the English checklist (a French
 * translation of CHEERS 2022 has been published, Guertin et al., CADTH 2023, but its text was not available to check
 * against; no Dutch one was found).
 */
export function cheersChecklist(sections: readonly Section[], reporting: Reporting | undefined, t: Translate = translator('en')): CheersRow[] {
  const all = flattenSections(sections);
  return cheersItems.map((english) => {
    const item = { number: english.number, topic: t(`cheers.topic.${english.number}` as 'cheers.topic.1'), item: t(`cheers.item.${english.number}` as 'cheers.item.1') };
    const rule = addressedBy[english.number]!;
    if (rule.titlePage) return { ...item, reportedIn: t('cheers.titlePage'), status: 'reported' };
    if (rule.field) {
      const text = reporting?.[rule.field]?.trim() ?? '';
      if (text === '') return { ...item, reportedIn: t('cheers.notReported'), status: 'not-reported' };
      if (/^not applicable\b/i.test(text)) return { ...item, reportedIn: t('cheers.notApplicable'), status: 'not-applicable' };
    }
    const found = rule.sections.flatMap((pattern) => {
      const s = all.find((x) => pattern.test(x.id));
      return s ? [`${s.number} ${s.title}`] : [];
    });
    return found.length > 0 ? { ...item, reportedIn: [...new Set(found)].join('; '), status: 'reported' } : { ...item, reportedIn: t('cheers.notReported'), status: 'not-reported' };
  });
}
