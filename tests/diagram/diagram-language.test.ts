// The structure diagram's words (node lines, arrow labels, notes, description) follow the language it is drawn in;
// English stays as it was (the report's section hashes cover the English figures).
import { describe, expect, it } from 'vitest';
import { diagramGraph } from '../../src/diagram/model-diagram';
import { expressionLines } from '../../src/diagram/diagram-graph';
import { parseModel } from '../../src/engine/compile-model';
import { modelTemplate } from '../../src/engine/model/templates';
import { translator } from '../../src/report/i18n/translate';
import { formatsFor } from '../../src/report/format';
import { loadExample } from '../engine/model-fixtures';

const wordsOf = (graph: ReturnType<typeof diagramGraph>): string => {
  if (!graph) throw new Error('no diagram');
  return [...graph.nodes.flatMap((n) => [n.title, ...n.lines, ...(n.loop ?? [])]), ...graph.edges.flatMap((e) => e.label), ...graph.notes, graph.description].join('\n');
};

describe('diagram words in the drawing language', () => {
  it('Markov (HIV): start and absorbing state in French and Dutch; English as before', () => {
    const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));
    const en = wordsOf(diagramGraph(hiv));
    expect(en).toContain('start: 1');
    expect(en).toContain('dead (absorbing)');
    expect(en).toContain('Markov model with 4 states');
    const fr = wordsOf(diagramGraph(hiv, { t: translator('fr-BE') }));
    expect(fr).toContain('départ : 1');
    expect(fr).toContain('décès (absorbant)');
    expect(fr).toContain('Modèle de Markov à 4 états');
    expect(fr).not.toMatch(/absorbing|start:|Markov model/);
    expect(wordsOf(diagramGraph(hiv, { t: translator('nl-BE') }))).toContain('overleden (absorberend)');
  });

  it('the complement C and a time-varying value "at cycle 1" in French and Dutch; English as before', () => {
    const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));
    expect(wordsOf(diagramGraph(hiv))).toContain('C (the rest)');
    const fr = wordsOf(diagramGraph(hiv, { t: translator('fr-BE') }));
    expect(fr).toContain('C (le reste)');
    expect(fr).not.toContain('the rest');
    expect(wordsOf(diagramGraph(hiv, { t: translator('nl-BE') }))).toContain('C (de rest)');
    expect(expressionLines('0.1 * cycle', 0.1, true)).toEqual(['0.1 * cycle', '= 0.1 at cycle 1']);
    expect(expressionLines('0.1 * cycle', 0.1, true, formatsFor('fr-BE'), translator('fr-BE'))).toEqual(['0.1 * cycle', '= 0,1 au cycle 1']);
    expect(expressionLines('0.1 * cycle', 0.1, true, formatsFor('nl-BE'), translator('nl-BE'))).toEqual(['0.1 * cycle', '= 0,1 in cyclus 1']);
  });

  it('partitioned survival: states, arrows, curve roles and the note in Dutch', () => {
    const psm = parseModel(modelTemplate('psm')!.create());
    const en = wordsOf(diagramGraph(psm));
    expect(en).toContain('death before progression');
    expect(en).toMatch(/PFS of /);
    const nl = wordsOf(diagramGraph(psm, { t: translator('nl-BE') }));
    expect(nl).toContain('Progressievrij');
    expect(nl).toContain('overlijden vóór progressie');
    expect(nl).toMatch(/PFS van /);
    expect(nl).toContain('hazardratio op');
    expect(nl).not.toMatch(/death|reference curve| of every strategy|hazard ratio on|time in /);
    const plots = diagramGraph(psm, { t: translator('nl-BE') })!.nodes.flatMap((n) => (n.plot ? [n.plot.xLabel] : []));
    expect(plots.length).toBeGreaterThan(0);
    expect(new Set(plots)).toEqual(new Set(['10 jaar']));
    expect(diagramGraph(psm)!.nodes.find((n) => n.plot)!.plot!.xLabel).toBe('10 years');
  });

  it('decision tree (liquid biopsy): test sequence, turnaround, sub-models and outcomes in French', () => {
    const lb = parseModel(loadExample('liquid-biopsy-nsclc.json'));
    const en = wordsOf(diagramGraph(lb, { collapsed: new Set() }));
    expect(en).toContain('2. if no result (uptake p_rebiopsy = 0.5) CT-guided re-biopsy + tissue NGS');
    expect(en).toContain('· 15 days');
    expect(en).toContain('→ targeted_egfr (partitioned survival)');
    expect(en).toContain('Decision tree with 101 nodes and 4 strategies, entering 8 cohort sub-models.');
    const fr = wordsOf(diagramGraph(lb, { collapsed: new Set(), t: translator('fr-BE') }));
    expect(fr).toContain('2. si sans résultat (recours p_rebiopsy = 0.5) CT-guided re-biopsy + tissue NGS');
    expect(fr).toContain('· 15 jours');
    expect(fr).toContain('→ targeted_egfr (survie partitionnée)');
    expect(fr).toContain('Arbre de décision à 101 nœuds et 4 stratégies, menant à 8 sous-modèles de cohorte.');
    expect(fr).toContain('Vrai positif');
    expect(fr).not.toMatch(/Prevalence|if no result|uptake|partitioned survival|Decision tree with| days|True positive/);
  });
});

describe('diagram numbers in the drawing language', () => {
  const drawn = (model: Parameters<typeof diagramGraph>[0], locale?: 'fr-BE' | 'nl-BE') => wordsOf(diagramGraph(model, locale ? { t: translator(locale), fmt: formatsFor(locale) } : {}));

  it('Markov (HIV): probabilities with a decimal comma in French and Dutch, a point in English (as before)', () => {
    const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));
    const en = drawn(hiv);
    const decimals = en.match(/\b\d+\.\d+\b/g) ?? [];
    expect(decimals.length).toBeGreaterThan(3);
    expect(drawn(hiv, 'fr-BE')).not.toMatch(/\b\d+\.\d+\b/);
    const nl = drawn(hiv, 'nl-BE');
    expect(nl).not.toMatch(/\b\d+\.\d+\b/);
    for (const d of decimals) expect(nl).toContain(d.replace('.', ','));
  });

  it('a tree: money, percentages and probabilities in the language’s format', () => {
    const tree = parseModel(loadExample('liquid-biopsy-nsclc.json'));
    const en = drawn(tree);
    expect(en).toMatch(/\b\d+\.\d+%/);
    const fr = drawn(tree, 'fr-BE');
    expect(fr).not.toMatch(/\b\d+\.\d+\b/);
    expect(fr).toMatch(/\d+,\d+\s?%/);
  });

  it('without number formats, English (the report in English draws the same bytes as before)', () => {
    const hiv = parseModel(loadExample('hiv-chancellor-1997.json'));
    expect(wordsOf(diagramGraph(hiv, { fmt: formatsFor('en') }))).toBe(drawn(hiv));
  });
});
