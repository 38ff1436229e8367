// The rows of issue 16 ("speed where users wait"), each against its hand loop or target, measured in fresh
// processes: medians of alternated rounds. With HTA_BENCH_BASELINE=<checkout> (a checkout of the engine before a
// change, with its CLI built) every row is measured for that checkout too, side by side in the same rounds.
// Run alone: `npx tsx bench/speed-rows.ts`; part of `npm run bench`. HTA_BENCH_ONLY=liquid,workers picks rows.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const HERE = resolve(__dirname);
const ROOT = resolve(HERE, '..');
const YARDSTICKS = join(HERE, 'yardsticks');
const EXAMPLES = join(ROOT, 'resources', 'examples');
const HIV = join(EXAMPLES, 'hiv-chancellor-1997.json');
const LIQUID_BIOPSY = join(EXAMPLES, 'liquid-biopsy-nsclc.json');
const TD_MARKOV = join(YARDSTICKS, 'chain-m20-T600-td.json');
const PSM = join(YARDSTICKS, 'psm-T600.json');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall time, and CPU time of every thread of the process (bench/report-cpu.cjs), of one node process. */
function run(args: string[], cwd = ROOT): { ms: number; cpuMs: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', join(HERE, 'report-cpu.cjs'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, cpuMs: Number(/HTA_BENCH_CPU_MS ([\d.]+)/.exec(r.stderr)?.[1] ?? NaN), stdout: r.stdout };
}

/** Last CPU time of a whole-process row, printed beside its wall time. */
let lastCpuMs = NaN;
const hta = (root: string, args: string[]): number => {
  const r = run([join(root, 'bin', 'hta.cjs'), ...args], root);
  lastCpuMs = r.cpuMs;
  return r.ms;
};
const probe = (root: string, model: string): number =>
  (JSON.parse(run(['--import', 'tsx', join(HERE, 'speed-probe.ts'), root, model, 'totals']).stdout) as { usPerEval: number }).usPerEval;
const handLoopUs = (model: string): number => (JSON.parse(run([join(YARDSTICKS, 'handloops.mjs'), model]).stdout) as { usPerEval: number }).usPerEval;
const handLoopHivPsaMs = (): number => 1000 * Number(/seconds=([\d.]+)/.exec(run([join(YARDSTICKS, 'handloop_hiv_psa.mjs'), '10000']).stdout)![1]);

interface Row {
  what: string;
  unit: string;
  /** One measurement of a checkout (fresh processes). */
  measure: (root: string) => number;
  /** The hand loop or process start the row is divided by, measured in the same rounds; none: absolute. */
  yardstick?: { what: string; measure: () => number };
  target: string;
  /** Report max/min over the rounds (separate processes) too. */
  spread?: boolean;
  /** A whole-process row: report the CPU time of the process (all threads) beside the wall time. */
  cpu?: boolean;
}

const psa = (model: string, extra: string[]) => (root: string) => hta(root, ['psa', model, '--iterations', '10000', '--seed', '1', '--json', ...extra]);

const ROWS: Row[] = [
  { what: '`hta --help`, whole process', unit: 'ms', measure: (root) => hta(root, ['--help']), target: '< 200 ms', cpu: true },
  {
    what: 'HIV 10,000-draw PSA, 1 core, beyond process start',
    unit: 'ms',
    measure: (root) => psa(HIV, ['--workers', '1'])(root) - run(['-e', '0']).ms,
    yardstick: { what: 'hand loop (handloop_hiv_psa.mjs)', measure: handLoopHivPsaMs },
    target: '<= 3x',
  },
  {
    what: 'time-dependent Markov 20 x 600, per evaluation (CPU)',
    unit: 'µs',
    measure: (root) => probe(root, TD_MARKOV),
    yardstick: { what: 'hand loop (handloops.mjs)', measure: () => handLoopUs(TD_MARKOV) },
    target: '<= 3x; max/min over processes <= 1.3',
    spread: true,
  },
  {
    what: 'partitioned survival 600 cycles, per evaluation (CPU)',
    unit: 'µs',
    measure: (root) => probe(root, PSM),
    yardstick: { what: 'hand loop (handloops.mjs)', measure: () => handLoopUs(PSM) },
    target: '<= 2x',
  },
  { what: 'liquid-biopsy PSA 10,000 draws, 2 cores, whole process', unit: 'ms', measure: psa(LIQUID_BIOPSY, ['--workers', '2']), target: '< 1000 ms', cpu: true },
  { what: 'liquid-biopsy `hta run`, whole process', unit: 'ms', measure: (root) => hta(root, ['run', LIQUID_BIOPSY, '--json']), target: 'as low as possible (the set-up every command pays)', cpu: true },
  { what: 'HIV `hta psa --evppi` 10,000 draws, whole process', unit: 'ms', measure: psa(HIV, ['--evppi']), target: '< 3000 ms', cpu: true },
  { what: 'HIV 10,000 draws, 2 workers / 1 worker (whole process)', unit: 'x', measure: (root) => psa(HIV, ['--workers', '2'])(root) / psa(HIV, ['--workers', '1'])(root), target: '<= 1' },
];

function format(x: number, unit: string): string {
  if (unit === 'x') return `${x.toFixed(2)}x`;
  return `${x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3)} ${unit}`;
}

/** Measures every row (rounds alternate the checkouts' order) and prints a table. */
export function runSpeedRows(rounds = Number(process.env.HTA_BENCH_ROUNDS ?? 5), baseline = process.env.HTA_BENCH_BASELINE): void {
  const roots: [string, string][] = baseline ? [['before', resolve(baseline)], ['after', ROOT]] : [['now', ROOT]];
  console.log(`Issue 16 rows: medians of ${rounds} alternated rounds in fresh processes${baseline ? ` (before = ${resolve(baseline)})` : ''}`);
  // HTA_BENCH_ONLY=a,b measures only the rows whose description contains one of the words (case-insensitive).
  const only = (process.env.HTA_BENCH_ONLY ?? '').split(',').map((w) => w.trim().toLowerCase()).filter((w) => w !== '');
  for (const row of ROWS.filter((r) => only.length === 0 || only.some((w) => r.what.toLowerCase().includes(w)))) {
    const samples = new Map<string, number[]>(roots.map(([name]) => [name, []]));
    const cpu = new Map<string, number[]>(roots.map(([name]) => [name, []]));
    const yard: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 === 0 ? roots : [...roots].reverse();
      for (const [name, root] of order) {
        samples.get(name)!.push(row.measure(root));
        cpu.get(name)!.push(lastCpuMs);
      }
      if (row.yardstick) yard.push(row.yardstick.measure());
    }
    const y = row.yardstick ? median(yard) : NaN;
    const cells = roots.map(([name]) => {
      const xs = samples.get(name)!;
      const m = median(xs);
      const ratio = row.yardstick ? ` = ${(m / y).toFixed(2)}x` : '';
      const spread = row.spread ? ` (max/min ${(Math.max(...xs) / Math.min(...xs)).toFixed(2)})` : '';
      const cpuText = row.cpu ? ` (CPU ${format(median(cpu.get(name)!), 'ms')})` : '';
      return `${name} ${format(m, row.unit)}${cpuText}${ratio}${spread}`;
    });
    const yardText = row.yardstick ? `; ${row.yardstick.what} ${format(y, row.unit)}` : '';
    console.log(`  ${row.what}: ${cells.join(' | ')}${yardText}; target ${row.target}`);
  }
}

if (require.main === module) runSpeedRows();
