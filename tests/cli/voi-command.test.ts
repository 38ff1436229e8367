// `hta voi <draws>`: PSA results made elsewhere, in BCEA / dampack layouts, give the published BCEA vaccine figures
// (tests/fixtures/reference/bcea_vaccine.json) whatever the layout or file type; located messages for bad tables.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runHta, scratchFiles } from './cli-harness';

const { dir, write } = scratchFiles('voi');
const referenceDir = resolve(__dirname, '../fixtures/reference');
const vaccineCsv = resolve(referenceDir, 'data', 'bcea_vaccine_ce.csv');
const smokingCsv = resolve(referenceDir, 'data', 'bcea_smoking_ce.csv');
const published = JSON.parse(readFileSync(resolve(referenceDir, 'bcea_vaccine.json'), 'utf8')).vaccine.expected_published;

const hta = runHta;

async function voi(...argv: string[]) {
  const r = await hta('voi', ...argv, '--json');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.out).voi;
}

/** The vaccine draws: sim, e_SQ, e_Vac, c_SQ, c_Vac (BCEA's export). */
const vaccineRows = readFileSync(vaccineCsv, 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => line.split(',').map(Number) as [number, number, number, number, number]);

describe('hta voi on the BCEA vaccine draws', () => {
  it('gives the published figures at k = 25000 and the switch point k* = 20100 on BCEA\'s default grid', async () => {
    const v = await voi(vaccineCsv);
    expect(v.layout).toBe('wide-named');
    expect(v.draws).toBe(1000);
    expect(v.ignoredColumns).toEqual(['sim']);
    expect(v.wtp).toHaveLength(501);
    expect(v.strategies.map((s: { id: string }) => s.id)).toEqual(['SQ', 'Vac']);
    const k = v.wtp.indexOf(published.wtp);
    expect(v.evpi[k]).toEqual({ wtp: 25000, value: expect.any(Number) });
    expect(v.evpi[k].value).toBeCloseTo(published.EVPI, 4);
    expect(v.ceac[k].probabilities.Vac).toBeCloseTo(published.CEAC, 3);
    expect(v.ceac[k].probabilities.SQ).toBeCloseTo(published.CEAC_multi['Status Quo'], 3);
    expect(v.ceaf[k]).toEqual({ wtp: 25000, id: 'Vac', probability: v.ceac[k].probabilities.Vac });
    expect(v.expectedNetBenefit[k].values.SQ).toBeCloseTo(published.ENB['Status Quo'], 3);
    expect(v.expectedNetBenefit[k].values.Vac).toBeCloseTo(published.ENB.Vaccination, 3);
    // Expected loss of the optimal strategy is the EVPI.
    expect(v.expectedLoss[k].values.Vac).toBeCloseTo(v.evpi[k].value, 12);
    expect(v.switchPoints).toEqual([{ wtp: published.kstar, fromId: 'SQ', toId: 'Vac' }]);
    expect(v.strategies[1].cost).toBeCloseTo(published.ce_table.Vaccination.cost, 5);
    expect(v.strategies[0].effect).toBeCloseTo(published.ce_table['Status Quo'].eff, 8);
    // Incremental analysis of the means: SQ is the reference, Vac on the frontier at the published ICER.
    expect(v.incremental.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      ['SQ', 'reference'],
      ['Vac', 'nondominated'],
    ]);
    expect(Math.round(v.incremental[1].icer)).toBe(published.ICER);
    expect(v.incremental[1].incCost).toBeCloseTo(published.ce_table.delta_c, 5);
    expect(v.evppi).toEqual([]);
  });

  it('reads the same draws in every layout and as .xlsx, with the same results', async () => {
    const base = await voi(vaccineCsv, '--wtp', '0,20000,25000,50000');
    const drop = (x: Record<string, unknown>) => ({ ...x, layout: undefined, ignoredColumns: undefined });
    const dampack = write('dampack.csv', ['cost_SQ,cost_Vac,eff_SQ,eff_Vac', ...vaccineRows.map((r) => [r[3], r[4], r[1], r[2]].join(','))].join('\n'));
    const numbered = write('numbered.csv', ['e1,e2,c1,c2', ...vaccineRows.map((r) => r.slice(1).join(','))].join('\n'));
    const long = write('long.csv', ['strategy,draw,cost,effect', ...vaccineRows.flatMap((r) => [`Vac,${r[0]},${r[4]},${r[2]}`, `SQ,${r[0]},${r[3]},${r[1]}`])].join('\n'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('draws');
    ws.addRow(['sim', 'e_SQ', 'e_Vac', 'c_SQ', 'c_Vac']);
    for (const r of vaccineRows) ws.addRow(r);
    const xlsx = join(dir, 'draws.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const fromDampack = await voi(dampack, '--wtp', '0,20000,25000,50000');
    expect(drop(fromDampack)).toEqual(drop(base));
    expect(drop(await voi(xlsx, '--wtp', '0,20000,25000,50000'))).toEqual(drop(base));
    const fromNumbered = await voi(numbered, '--wtp', '0,20000,25000,50000', '--strategies', 'SQ,Vac');
    expect(fromNumbered.layout).toBe('wide-numbered');
    expect(drop(fromNumbered)).toEqual(drop(base));
    const fromLong = await voi(long, '--wtp', '0,20000,25000,50000');
    expect(fromLong.layout).toBe('long');
    // Strategies are listed as first seen (Vac first here); the figures per strategy are the same.
    expect(fromLong.strategies.map((s: { id: string }) => s.id)).toEqual(['Vac', 'SQ']);
    expect(fromLong.evpi).toEqual(base.evpi);
    expect(fromLong.ceac).toEqual(base.ceac);
    expect(fromLong.incremental).toEqual(base.incremental);
  });

  it('gives population EVPI as EVPI × the discounted population', async () => {
    const v = await voi(vaccineCsv, '--wtp', '25000', '--population', '1000', '--years', '3', '--population-discount', '0.035');
    expect(v.evpiPopulation[0].value).toBeCloseTo(v.evpi[0].value * 1000 * (1 + 1 / 1.035 + 1 / 1.035 ** 2), 8);
  });
});

describe('hta voi on other tables', () => {
  it('names BCEA numbered strategies with --strategies (smoking: 4 interventions) and keeps CEAC a distribution', async () => {
    const v = await voi(smokingCsv, '--strategies', 'none,self-help,individual,group', '--wtp', '0:500:250');
    expect(v.strategies.map((s: { id: string }) => s.id)).toEqual(['none', 'self-help', 'individual', 'group']);
    expect(v.wtp).toEqual([0, 250, 500]);
    for (const c of v.ceac) expect(Object.values(c.probabilities as Record<string, number>).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const e of v.evpi) expect(e.value).toBeGreaterThanOrEqual(0);
    expect(v.incremental).toHaveLength(4);
    expect(v.incremental[0]).toMatchObject({ id: 'none', status: 'reference' });
  });

  it('computes EVPPI per parameter column: all of the EVPI for the parameter that decides, about none for noise', async () => {
    // INB of B over A at wtp 1 is x (x evenly spread over [-1, 1]); z is unrelated. EVPI = E[max(0, x)] = 0.25.
    const n = 2001;
    const lines = ['draw,c_A,e_A,c_B,e_B,x,z'];
    for (let i = 0; i < n; i++) {
      const x = -1 + (2 * i) / (n - 1);
      const z = ((i * 7919) % n) / n; // a fixed permutation, unrelated to x
      lines.push(`${i},0,0,0,${x},${x},${z}`);
    }
    const v = await voi(write('evppi.csv', lines.join('\n')), '--wtp', '1', '--evppi-se-draws', '0');
    expect(v.parameters).toEqual(['x', 'z']);
    expect(v.evpi[0].value).toBeCloseTo(0.25, 3);
    const [x, z] = v.evppi;
    expect(x.parameters).toEqual(['x']);
    expect(x.value).toBeCloseTo(v.evpi[0].value, 3);
    expect(z.value).toBeLessThan(0.02);
  });

  it('says which layouts it reads, where a cell is not a number, and rejects a wrong --strategies', async () => {
    const noEffect = await hta('voi', write('no-effect.csv', 'cost_A,cost_B\n1,2\n'));
    expect(noEffect.code).toBe(1);
    expect(noEffect.err).toMatch(/strategy "A" has a cost column \(cost_A\) but no effect column/);
    const nothing = await hta('voi', write('nothing.csv', 'a,b\n1,2\n'));
    expect(nothing.code).toBe(1);
    expect(nothing.err).toMatch(/no cost and effect columns found \(columns: a, b\); expected cost_<strategy>/);
    const text = await hta('voi', write('text.csv', 'c_A,e_A,c_B,e_B\n1,2,3,4\n1,2,abc,4\n'));
    expect(text.code).toBe(1);
    expect(text.err).toMatch(/text\.csv: line 3, column "c_B": "abc" is not a number/);
    const count = await hta('voi', smokingCsv, '--strategies', 'a,b');
    expect(count.code).toBe(1);
    expect(count.err).toMatch(/--strategies names 2 strategies, the table has 4/);
    const longGap = await hta('voi', write('gap.csv', 'strategy,draw,cost,effect\nA,1,1,1\nA,2,1,1\nB,1,2,2\n'));
    expect(longGap.code).toBe(1);
    expect(longGap.err).toMatch(/strategy "B" has 1 draws, strategy "A" has 2/);
    expect((await hta('voi', vaccineCsv, '--wtp', '10:0:5')).code).toBe(2);
  });

  it('prints readable tables without --json', async () => {
    const { code, out } = await hta('voi', vaccineCsv);
    expect(code).toBe(0);
    expect(out).toMatch(/1000 draws of 2 strategies \(wide-named layout\)/);
    expect(out).toMatch(/every 26th threshold; --json gives all/);
    expect(out).toMatch(/Decision changes at: 20,100 \(SQ → Vac\)/);
  });
});
