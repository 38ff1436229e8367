// The report document of the bundled example: sections in order and numbered, numbers equal to the engine's, PICO
// warning rows, CHEERS 2022 in order, the JCA profile without economic results, locales and the edited summary.
import { describe, expect, it } from 'vitest';
import { buildReport, includedSections } from '../../src/report/build-report';
import { flattenSections } from '../../src/report/document';
import type { ReportDocument, Table } from '../../src/report/document';
import { cheersItems } from '../../src/report/cheers';
import { formatsFor } from '../../src/report/format';
import { renderReportBody } from '../../src/report/html/render-html';
import { runModel } from '../../src/cli/run-report';
import { exampleInput } from './report-fixture';
import { TORNADO_INPUTS } from '../../src/report/tornado-inputs';

function tables(doc: ReportDocument): Table[] {
  return flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b] : b.kind === 'figure' ? [b.data] : [])));
}

function tableById(doc: ReportDocument, id: string): Table {
  const t = tables(doc).find((x) => x.id === id);
  if (!t) throw new Error(`no table ${id}; tables: ${tables(doc).map((x) => x.id).join(', ')}`);
  return t;
}

/** The report's visible text (HTML body without tags). */
function textOf(doc: ReportDocument): string {
  return renderReportBody(doc)
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

describe('report document of the bundled example', () => {
  const input = exampleInput();
  const doc = buildReport(input, { profile: 'full', locale: 'en' });
  const fmt = formatsFor('en');

  it('has the eleven sections of the issue, in order and numbered 1–11', () => {
    expect(doc.sections.map((s) => `${s.number} ${s.title}`)).toEqual([
      '1 About this report',
      '2 Summary',
      '3 Scope',
      '4 HTA Core Model domains',
      '5 Evidence register',
      '6 Economic evaluation methods',
      '7 Results',
      '8 Uncertainty',
      '9 Budget impact',
      '10 Limitations',
      '11 CHEERS 2022 checklist',
    ]);
    const numbers = flattenSections(doc.sections).map((s) => s.number);
    expect(new Set(numbers).size).toBe(numbers.length);
    const ids = flattenSections(doc.sections).map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts the clinical domains first, as the Core Model does', () => {
    const domains = doc.sections.find((s) => s.id === 'sec-domains')!;
    expect(domains.children.map((c) => c.title.match(/\((\w+)\)$/)![1])).toEqual(['CUR', 'TEC', 'SAF', 'EFF', 'ECO', 'ETH', 'ORG', 'SOC', 'LEG']);
    expect(domains.children.map((c) => c.number)).toEqual(['4.1', '4.2', '4.3', '4.4', '4.5', '4.6', '4.7', '4.8', '4.9']);
  });

  it('numbers tables and figures in reading order', () => {
    const labels = flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' || b.kind === 'figure' ? [b.label] : [])));
    const tableNumbers = labels.filter((l) => l.startsWith('Table')).map((l) => Number(l.split(' ')[1]));
    const figureNumbers = labels.filter((l) => l.startsWith('Figure')).map((l) => Number(l.split(' ')[1]));
    expect(tableNumbers).toEqual(tableNumbers.map((_, i) => i + 1));
    expect(figureNumbers).toEqual(figureNumbers.map((_, i) => i + 1));
    expect(figureNumbers.length).toBeGreaterThanOrEqual(10);
  });

  it('reports the base case and incremental analysis exactly as the engine computes them (hta run)', () => {
    const engine = runModel(input.models[0]!.model).report;
    const totals = tableById(doc, 'tab-sec-results-totals');
    for (const s of engine.strategies) {
      const row = totals.rows.find((r) => r.cells[0] === s.label)!;
      expect(row.cells.slice(1)).toEqual([fmt.money(s.cost, 'EUR'), fmt.number(s.qalys, 4), fmt.number(s.lifeYears, 4)]);
    }
    const incremental = tableById(doc, 'tab-sec-results-incremental');
    const plasma = engine.incremental.find((r) => r.id === 'plasma_first')!;
    const row = incremental.rows.find((r) => r.cells[0]!.startsWith('Plasma-first'))!;
    expect(row.cells[5]).toBe(fmt.money(plasma.icer, 'EUR'));
    // The pinned figure of tests/validation/liquid-biopsy-example.test.ts (103,447.62 per QALY).
    expect(row.cells[5]).toBe('€103,448');
    expect(row.cells[6]).toBe('On the frontier');
  });

  it('shows diagnostic outcomes per 1,000 tested from the tree counts', () => {
    const base = input.models[0]!.analyses['base-case']!;
    const t = tableById(doc, 'tab-sec-results-outcomes');
    const tp = t.rows.find((r) => r.cells[0] === 'True positives')!;
    expect(tp.cells.slice(1)).toEqual(base.strategies.map((s) => fmt.number(s.details!.outcomeCounts!.truePositive! * 1000, 1)));
  });

  it('words the outcome counters as the screen does, in its order: tests, results, treatments, adverse events', () => {
    const base = input.models[0]!.analyses['base-case']!;
    const labels = tableById(doc, 'tab-sec-results-outcomes').rows.map((r) => r.cells[0]);
    // Two counters of equal value must not read alike ("Missed" next to "Missed actionable"), nor as raw ids.
    expect(labels).toContain('Condition missed (false negative or no result)');
    expect(labels).toContain('Actionable alteration missed');
    expect(labels).toContain('On targeted therapy: EGFR');
    expect(labels).toContain('Adverse event: Chest drain');
    expect(labels.filter((l) => /^(Ae |Missed$|Targeted [a-z])/.test(l!))).toEqual([]);
    const tests = (input.models[0]!.model.model as { tests: { id: string; label: string }[] }).tests;
    expect([...labels.slice(0, tests.length)].sort()).toEqual(tests.filter((x) => base.strategies.some((s) => s.details?.outcomeCounts?.[`test_${x.id}`] !== undefined)).map((x) => `${x.label}: tests done`).sort());
    expect(labels.indexOf('True positives')).toBeLessThan(labels.indexOf('Correctly on targeted therapy'));
    expect(labels.indexOf('Correctly on targeted therapy')).toBeLessThan(labels.indexOf('Adverse event: Chest drain'));
  });

  it('counts the PSA inputs as the EVPPI lists them (joint distributions included), and keeps the cents of small EVPPIs', () => {
    const psa = input.models[0]!.analyses.psa!;
    expect(textOf(doc)).toContain(`of the ${psa.parameterDraws.names.length} parameters with a distribution`);
    const evppi = input.models[0]!.analyses.evppi!;
    const rows = tableById(doc, 'tab-sec-uncertainty-evppi-data').rows;
    // Below 100 per person every amount keeps two decimals, so a small EVPPI does not read "€0".
    if (evppi.every((r) => r.evppi < 100)) for (const r of rows) for (const c of r.cells.slice(1)) expect(c).toMatch(/\.\d\d$/);
  });

  it('lists first the EVPPI that is largest at any threshold, not only at the first one', () => {
    const m = input.models[0]!;
    const wtps = m.model.settings.wtp;
    const best = [...m.analyses.evppi!].sort((a, b) => b.evppi - a.evppi)[0]!;
    expect(best.evppi).toBeGreaterThan(0);
    const rows = tableById(doc, 'tab-sec-uncertainty-evppi-data').rows;
    const label = m.model.parameters.find((x) => x.id === best.parameters[0])?.label;
    expect(rows[0]!.cells[0]).toBe(label ?? best.parameters[0]);
    expect(rows[0]!.cells[1 + wtps.indexOf(best.wtp)]).toBe(fmt.money(best.evppi, 'EUR', best.evppi < 100 ? 2 : 0));
  });

  it('adds a warning row where a PICO comparator or population has no strategy in the linked model', () => {
    // The example's three PICOs are all answered by the model's four strategies.
    for (const id of ['pico-1', 'pico-2', 'pico-3']) expect(tableById(doc, `tab-pico-${id}`).rows.filter((r) => r.tone === 'warning'), id).toEqual([]);
    expect(tableById(doc, 'tab-pico-pico-2').rows.find((r) => r.cells[0] === 'Intervention')!.cells[2]).toMatch(/^Plasma-first NGS/);
    // A comparator the model has no strategy for, and a PICO none of whose options is modelled.
    const picos = input.dossier.picos.map((p, i) =>
      i === 1 ? { ...p, comparators: [...p.comparators, 'Single-gene EGFR PCR on tissue'] } : i === 2 ? { ...p, intervention: 'Plasma ctDNA whole-genome methylation assay', comparators: ['Single-gene EGFR PCR on tissue'] } : p,
    );
    const gaps = buildReport({ ...input, dossier: { ...input.dossier, picos } }, { profile: 'full', locale: 'en' });
    const pico2 = tableById(gaps, 'tab-pico-pico-2');
    expect(pico2.rows.filter((r) => r.tone === 'warning').map((r) => [r.cells[0], r.cells[1]])).toEqual([['Comparator', 'Single-gene EGFR PCR on tissue']]);
    const pico3 = tableById(gaps, 'tab-pico-pico-3');
    expect(pico3.rows.find((r) => r.cells[0] === 'Population')!.tone).toBe('warning');
  });

  it('lists the full parameter table with the Assumption flag', () => {
    const model = input.models[0]!.model;
    const params = tableById(doc, 'tab-sec-methods-parameters');
    expect(params.rows).toHaveLength(model.parameters.length);
    const fail = params.rows.find((r) => r.cells[0]!.endsWith('(fail_plasma)'))!;
    expect(fail.cells[6]).toBe('Assumption');
    const tissue = params.rows.find((r) => r.cells[0]!.endsWith('(sens_tissue)'))!;
    expect(tissue.cells[3]).toBe('Beta(mean 0.95, SE 0.02551)');
    // Sampled in the model's joint distribution of plasma accuracy: named, never "—".
    const sens = params.rows.find((r) => r.cells[0]!.endsWith('(sens_plasma)'))!;
    expect(sens.cells[6]).toBe('—');
    expect(sens.cells[3]).toBe('Joint normal, logit scale, with spec_plasma: Plasma ctDNA NGS accuracy, any driver (Chen 2023)');
  });

  it('lists the assumptions and unverified evidence under Limitations', () => {
    const assumptions = tableById(doc, 'tab-limitations-assumptions');
    const flagged = input.models[0]!.model.parameters.filter((p) => /\bassum(ption|ed)\b/i.test(`${p.source ?? ''} ${p.uncertainty?.source ?? ''}`));
    expect(assumptions.rows.length).toBeGreaterThanOrEqual(flagged.length);
    const evidence = tableById(doc, 'tab-limitations-evidence');
    expect(evidence.rows.map((r) => r.cells[2])).toContain('Unverified');
  });

  it('has the 28 CHEERS 2022 items in order, each with a section or Not reported / Not applicable', () => {
    const cheers = tableById(doc, 'tab-cheers');
    expect(cheers.rows.map((r) => Number(r.cells[0]))).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    expect(cheers.rows.map((r) => r.cells[2])).toEqual(cheersItems.map((c) => c.item));
    const numbers = new Set(flattenSections(doc.sections).map((s) => `${s.number} ${s.title}`));
    for (const r of cheers.rows) {
      const where = r.cells[3]!;
      if (where === 'Not reported' || where === 'Not applicable' || where === 'Title page') continue;
      for (const ref of where.split('; ')) expect(numbers.has(ref), `${r.cells[0]}: ${ref}`).toBe(true);
    }
    const item = (n: number) => cheers.rows[n - 1]!.cells[3];
    expect(item(8)).toBe('6.1 Perspective, setting and analysis plan');
    expect(item(9)).toBe('6.4 Horizon, cycles, discounting and currency');
    expect(item(19)).toBe('Not reported');
    expect(item(25)).toBe('Not applicable');
    expect(item(27)).toBe('1.2 Funding and conflicts of interest');
  });

  it('says Not reported for items whose section is left out', () => {
    const partial = buildReport(input, { profile: 'full', locale: 'en', sections: ['front', 'summary', 'cheers'] });
    expect(partial.sections.map((s) => s.number)).toEqual(['1', '2', '3']);
    const cheers = tableById(partial, 'tab-cheers');
    expect(cheers.rows[22]!.cells[3]).toBe('Not reported');
    expect(cheers.rows[1]!.cells[3]).toBe('2 Summary');
  });

  it('generates a summary with the base case, the probability cost-effective, the drivers and the budget impact', () => {
    const summary = doc.sections.find((s) => s.id === 'sec-summary')!;
    const text = summary.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
    expect(text).toContain('ICER €103,448 per QALY');
    // Parameter labels keep their acronyms inside the sentence ("tissue NGS", never "tissue ngs").
    expect(text).not.toMatch(/\bngs\b/);
    expect(text).toMatch(/probability of \d+\.\d% of being cost-effective/);
    expect(text).toContain('most sensitive to');
    expect(text).toContain('budget impact in Belgium');
    const edited = buildReport(input, { profile: 'full', locale: 'en', summary: 'First paragraph.\n\nSecond paragraph.' });
    expect(edited.sections[1]!.blocks).toEqual([
      { kind: 'paragraph', text: 'First paragraph.', role: 'lead' },
      { kind: 'paragraph', text: 'Second paragraph.', role: 'lead' },
    ]);
  });

  it('signs budget impacts as the screen does, and gives the tornado inputs\' ends in their units', () => {
    const years = tables(doc).find((t) => t.id.endsWith('-budget-years'))!;
    const impactColumn = years.header.indexOf('Budget impact');
    expect(years.rows.every((r) => /^[+\u2212]?€/.test(r.cells[impactColumn]!) && r.cells[impactColumn] !== '')).toBe(true);
    expect(years.rows[0]!.cells[impactColumn]).toMatch(/^\+€[\d,]+$/);
    const tornado = tables(doc).find((t) => t.id.endsWith('-budget-tornado-data'))!;
    const tki = tornado.rows.find((r) => r.cells[0]!.startsWith('Targeted therapy cost'))!;
    expect(tki.cells.slice(1, 3)).toEqual(['€3,000 per month', '€7,000 per month']);
    const rebiopsy = tornado.rows.find((r) => r.cells[0]!.startsWith('Re-biopsy uptake'))!;
    expect(rebiopsy.cells.slice(1, 3)).toEqual(['0.3', '0.8']);
  });

  it('groups the population funnel\'s values as its year columns do (9,410, not 9410)', () => {
    const funnel = tables(doc).find((t) => t.id.endsWith('-funnel'))!;
    const big = funnel.rows.filter((r) => /^\d/.test(r.cells[1]!) && Number(r.cells[1]!.replace(/,/g, '')) >= 1000);
    expect(big.length).toBeGreaterThan(0);
    for (const r of big) expect(r.cells[1]).toMatch(/^\d{1,3}(,\d{3})+(\.\d+)?$/);
  });

  it('lists in each tornado\'s data table the inputs its chart shows, as many as the screen shows, and says how many were varied', () => {
    const figures = flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' ? [b] : [])));
    const unescape = (x: string) => x.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'");
    for (const suffix of ['-budget-tornado', '-tornado']) {
      const fig = figures.find((f) => f.id.endsWith(suffix) && (suffix !== '-tornado' || !f.id.endsWith('-budget-tornado')))!;
      const chartLabels = [...fig.chart.svg.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]*)<\/text>/g)].map((x) => unescape(x[1]!));
      const tableLabels = fig.data.rows.map((r) => r.cells[0]!);
      expect(tableLabels, suffix).toHaveLength(TORNADO_INPUTS);
      // A bar's label takes one or two lines of the chart: read them back in order, one table row each.
      let k = 0;
      for (const label of tableLabels) {
        const first = chartLabels[k++]!;
        expect(label.startsWith(first.replace(/…$/, '')), `${suffix}: ${first} / ${label}`).toBe(true);
        if (first.length < label.length && !first.endsWith('…')) {
          const second = chartLabels[k++]!;
          expect(label.startsWith(`${first} ${second.replace(/…$/, '')}`), `${suffix}: ${first} ${second} / ${label}`).toBe(true);
        }
      }
      expect(k, suffix).toBe(chartLabels.length);
    }
    const budget = input.models[0]!.analyses['budget-impact']!;
    expect(budget.tornado.rows.length).toBeGreaterThan(TORNADO_INPUTS);
    expect(textOf(doc)).toContain(`The one-way analysis varied ${budget.tornado.rows.length} inputs`);
    expect(textOf(doc)).toContain(`show the ${TORNADO_INPUTS} with the widest swing`);
  });

  it('gives the cost-effectiveness tornado inputs\' base, low and high in their units, as the budget tornado does', () => {
    const tornado = tables(doc).find((t) => t.id.endsWith('-tornado-data') && !t.id.endsWith('-budget-tornado-data'))!;
    const tki = tornado.rows.find((r) => r.cells[0]!.startsWith('Targeted therapy cost'))!;
    expect(tki.cells.slice(1, 4)).toEqual(['€5,000 per month', '€3,000 per month', '€7,000 per month']);
  });

  it('labels the two-way axes with the parameters\' units and gives their values in them, chart and table alike', () => {
    const fig = flattenSections(doc.sections).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' && b.id.endsWith('-two-way') ? [b] : [])))[0]!;
    expect(fig.data.rows.map((r) => r.cells[0])).toContain('€7,000');
    expect(fig.chart.svg).toContain('>€7,000<');
    expect(fig.chart.svg).toContain('>Targeted therapy cost (per month)<');
    const fr = buildReport(input, { profile: 'full', locale: 'fr-BE' });
    const frFig = flattenSections(fr.sections).flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'figure' && b.id.endsWith('-two-way') ? [b] : [])))[0]!;
    expect(frFig.data.rows.map((r) => r.cells[0])).toContain(formatsFor('fr-BE').money(7000, 'EUR'));
  });

  it('writes the uptake rules\' shares as the reader writes percentages, like the shares beside them', () => {
    const fr = buildReport(input, { profile: 'full', locale: 'fr-BE' });
    const frFmt = formatsFor('fr-BE');
    const current = tables(fr).find((t) => t.id.endsWith('-shares-current'))!;
    const rules = current.rows.map((r) => r.cells[r.cells.length - 1]!);
    expect(rules).toContain(`constante ${frFmt.percent(0.05, 0)}`);
    expect(rules.join(' ')).not.toMatch(/\d%/);
    const en = tables(doc).find((t) => t.id.endsWith('-shares-new'))!.rows.map((r) => r.cells[r.cells.length - 1]!);
    expect(en.join(' ')).toMatch(/linear: 30% up to year 1, 80% from year 5/);
  });

  it('words the budget tornado horizon in plain plural, never "year(s)"', () => {
    const text = textOf(doc);
    expect(text).toMatch(/cumulative budget impact over \d+ years/);
    expect(text).not.toContain('year(s)');
  });

  it('records provenance: app version, model SHA-256 and the analyses used', () => {
    const models = tableById(doc, 'tab-provenance-models');
    expect(models.rows[0]!.cells[2]).toBe(input.models[0]!.hash);
    expect(models.rows[0]!.cells[2]).toMatch(/^[0-9a-f]{64}$/);
    const runs = tableById(doc, 'tab-provenance-runs');
    const psa = runs.rows.find((r) => r.cells[0] === 'Probabilistic analysis')!;
    expect(psa.cells.slice(1, 2)).toEqual(['Computed for this report']);
    expect(psa.cells[3]).toBe('1');
    expect(psa.cells[4]).toBe('300');
  });

  it('formats numbers for the chosen locale', () => {
    const nl = buildReport(input, { profile: 'full', locale: 'nl-BE' });
    const row = tableById(nl, 'tab-sec-results-incremental').rows.find((r) => r.cells[0]!.startsWith('Plasma-first'))!;
    expect(row.cells[5]!.replace(/\u00a0/g, ' ')).toBe('€ 103.448');
    expect(row.cells[4]).toBe('+0,0124');
  });
});

describe('JCA profile', () => {
  const input = exampleInput();
  const doc = buildReport(input, { profile: 'jca', locale: 'en' });
  const text = textOf(doc);

  it('holds the decision problem, the clinical domains and the evidence only', () => {
    expect(doc.sections.map((s) => s.title)).toEqual(['About this report', 'Summary', 'Scope', 'HTA Core Model domains', 'Evidence register', 'Limitations']);
    expect(doc.sections.find((s) => s.id === 'sec-domains')!.children.map((c) => c.title.match(/\((\w+)\)$/)![1])).toEqual(['CUR', 'TEC', 'SAF', 'EFF']);
    expect(includedSections({ profile: 'jca', sections: ['results', 'budget', 'summary'] })).toEqual(['summary']);
  });

  it('contains no ICER, no net benefit and no budget figure', () => {
    expect(text).not.toMatch(/ICER/);
    expect(text).not.toMatch(/net (monetary )?benefit/i);
    expect(text).not.toMatch(/\bNMB\b|\bEVPI\b/);
    // No money amount at all (the full report prints dozens).
    expect(text).not.toMatch(/€\s?\d{1,3}(,\d{3})+|\d{1,3}(,\d{3})+\s?€|EUR\s?\d/);
    expect(textOf(buildReport(input, { profile: 'full', locale: 'en' }))).toMatch(/€\d{1,3}(,\d{3})+/);
    expect(tables(doc).some((t) => t.header.some((h) => /budget|cost/i.test(h)))).toBe(false);
    expect(flattenSections(doc.sections).some((s) => /budget|cost-effective|uncertainty|CHEERS/i.test(s.title))).toBe(false);
  });

  it('reports relative effects with their certainty in the summary', () => {
    const summary = doc.sections.find((s) => s.id === 'sec-summary')!;
    const summaryText = summary.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
    expect(summaryText).toContain('sensitivity 0.69 (95% CI 0.63–0.74)');
    expect(summaryText).not.toMatch(/cost|QALY/i);
  });
});
