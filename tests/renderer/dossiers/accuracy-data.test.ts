import { describe, expect, it } from 'vitest';
import { accuracyRows, accuracySubsets, quadasOf, selectRows, shortCitation, studiesOf } from '../../../src/dossier/accuracy-rows';
import { importTwoByTwoCsv } from '../../../src/renderer/dossiers/accuracy/accuracy-data';
import { validateDossier } from '../../../src/dossier/parse-file';
import { evidence, validDossier } from '../../dossier/fixtures';

function counter() {
  let i = 0;
  return (prefix: string) => `${prefix}-${++i}`;
}

const csv = [
  'Study,Index test,Reference standard,Alteration,TP,FN,TN,FP,n,derived,RoB patient selection,RoB index test,RoB reference standard,RoB flow timing,Applicability patient selection,Applicability index test,Applicability reference standard',
  'Leighl NB et al. Clin Cancer Res 2019,Plasma NGS,Tissue genotyping,Any,65,24,180,3,282,no,low,low,unclear,high,low,low,low',
  'Leighl NB et al. Clin Cancer Res 2019,Plasma NGS,Tissue genotyping,EGFR,40,6,230,1,282,yes,low,low,unclear,high,low,low,low',
  'Existing study,ddPCR,Tissue,EGFR,10,2,30,3,,,+,?,-,+,+,+,?',
].join('\n');

describe('test-accuracy data of a dossier', () => {
  const start = validDossier({ evidence: [evidence('ev-x', { citation: 'Existing study', n: 50 })] });

  it('imports 2×2 rows: new items by study name, tables added to an item with the same citation, QUADAS-2 read', () => {
    const result = importTwoByTwoCsv(start, csv, counter());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([result.tables, result.newItems, result.updatedItems]).toEqual([3, 1, 1]);
    expect(validateDossier(result.dossier).ok).toBe(true);
    const leighl = result.dossier.evidence.find((e) => e.citation.startsWith('Leighl'))!;
    expect(leighl).toMatchObject({ n: 282, indexTest: 'Plasma NGS', referenceTest: 'Tissue genotyping', design: 'Diagnostic accuracy study' });
    expect(leighl.twoByTwo!.map((t) => [t.alteration, t.tp, t.fn, t.tn, t.fp, t.derived])).toEqual([
      ['Any', 65, 24, 180, 3, false],
      ['EGFR', 40, 6, 230, 1, true],
    ]);
    expect(leighl.quadas?.riskOfBias).toEqual({ patientSelection: 'low', indexTest: 'low', referenceStandard: 'unclear', flowAndTiming: 'high' });
    const existing = result.dossier.evidence.find((e) => e.id === 'ev-x')!;
    expect(existing.n).toBe(50);
    expect(existing.quadas).toMatchObject({ riskOfBias: { indexTest: 'unclear', referenceStandard: 'high' }, applicability: { referenceStandard: 'unclear' } });
    // The dossier given is unchanged.
    expect(start.evidence[0]!.twoByTwo).toBeUndefined();
  });

  it('is all or nothing, listing every problem located by row and column', () => {
    const bad = 'study,tp,fn,tn,fp,n,rob_index_test,colour\nA,10,2,30,3,40,maybe,red\nB,1,1,1,1,x,low,blue\n';
    const result = importTwoByTwoCsv(start, bad, counter());
    expect(result).toEqual({
      ok: false,
      problems: [
        'row 1: unknown column colour (known: study, tp, fn, tn, fp, n, index_test, reference_standard, setting, alteration, derived, design, rob_patient_selection, rob_index_test, rob_reference_standard, rob_flow_timing, applicability_patient_selection, applicability_index_test, applicability_reference_standard)',
        'row 2: TP + FN + TN + FP = 45 is more than the study\'s n = 40',
        'row 2, column rob_index_test: "maybe" is not low, high or unclear',
        'row 3, column n: "x" is not a whole number >= 0',
      ],
    });
  });

  it('lists rows and subsets, and takes one table per study into a meta-analysis', () => {
    const result = importTwoByTwoCsv(start, csv, counter());
    if (!result.ok) throw new Error('import failed');
    const rows = accuracyRows(result.dossier);
    expect(rows).toHaveLength(3);
    expect(accuracySubsets(rows)).toEqual({ indexTests: ['ddPCR', 'Plasma NGS'], alterations: ['Any', 'EGFR'] });
    const egfr = selectRows(rows, { indexTest: null, alteration: 'EGFR' });
    expect(egfr.map((r) => r.label)).toEqual(['Existing study', 'Leighl NB et al. 2019']);
    const all = studiesOf(rows);
    expect(all.studies.map((s) => s.study)).toEqual(['Existing study', 'Leighl NB et al. 2019']);
    expect(all.skipped.map((r) => r.table.alteration)).toEqual(['EGFR']);
    expect(quadasOf(result.dossier, egfr).map((q) => q.label)).toEqual(['Existing study', 'Leighl NB et al. 2019']);
  });

  it('shortens citations to a plot label', () => {
    expect(shortCitation('Mack PC, Banks KC, Espenschied CR, et al. Spectrum of driver mutations … Cancer 2020;126:3219-28.')).toBe('Mack PC et al. 2020');
    expect(shortCitation('Aggarwal C et al. JAMA Oncol 2019')).toBe('Aggarwal C et al. 2019');
    expect(shortCitation('Ontario Health (2020). Cell-free circulating tumour DNA blood testing')).toBe('Ontario Health 2020');
    expect(shortCitation('')).toBe('Unnamed study');
  });
});
