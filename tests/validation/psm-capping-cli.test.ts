// `hta run` on a partitioned survival model whose PFS crosses above OS: the run succeeds, PFS is capped, and the
// capping is reported (validation warning at model.pfs on stderr, details in --json) with the cycles affected.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');

describe('hta run on crossing PFS/OS curves', () => {
  it('caps PFS at OS and reports the cycles affected', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'hta-psm-')), 'crossing.json');
    // PFS rate 0.1 < OS rate 0.3: PFS lies above OS at every t > 0, so every cycle 1..6 is capped.
    writeFileSync(
      file,
      JSON.stringify({
        format: 'hta-workbench-model',
        version: 1,
        metadata: { title: 'crossing' },
        settings: { cycleLength: 1, cycles: 6, counting: 'end' },
        model: { type: 'psm', curves: { pfs: { dist: 'exponential', rate: 0.1 }, os: { dist: 'exponential', rate: 0.3 } }, pfs: 'pfs', os: 'os', stateValues: { PF: { costs: { drug: 100 }, utility: 1 }, PD: { utility: 0.5 } } },
        strategies: [{ id: 'S' }],
      }),
    );
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'hta.cjs'), 'run', file, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60000 });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/model\.pfs: warning: strategy S: PFS \(pfs\) exceeded OS \(os\) at cycle\(s\) 1–6; PFS was capped at OS there/);
    const out = JSON.parse(r.stdout) as { strategies: { cost: number; qalys: number; details: { pfsCappedCycles: number[]; meanSurvival: { role: string; restrictedMeanYears: number }[] } }[] };
    const s = out.strategies[0]!;
    expect(s.details.pfsCappedCycles).toEqual([1, 2, 3, 4, 5, 6]);
    // Capped: everyone alive is progression-free, so cost = 100 × Σ_{t=1..6} e^{-0.3t} (end counting) and QALYs the same sum.
    let sum = 0;
    for (let t = 1; t <= 6; t++) sum += Math.exp(-0.3 * t);
    expect(s.cost).toBeCloseTo(100 * sum, 9);
    expect(s.qalys).toBeCloseTo(sum, 12);
    // Mean survival of each (uncapped) curve over 6 years: (1 − e^{−6λ}) / λ; Simpson on half-year points is
    // within h⁴/180·λ⁴·(that area) ≈ 8e-6 of it.
    const os = s.details.meanSurvival.find((c) => c.role === 'os')!;
    expect(Math.abs(os.restrictedMeanYears - (1 - Math.exp(-1.8)) / 0.3)).toBeLessThan(1e-5);
  });
});
