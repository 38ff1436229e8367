// PSA results made by another model (a company's spreadsheet, BCEA or dampack in R): per-draw costs and effects
// per strategy read from a table, then analysed with the same summaries as the engine's own PSA (psa-analysis).
// Layouts, as R users export them (column names case-insensitive):
//  - wide, named:    cost_<s> / eff_<s> (or effect_<s>, qalys_<s>), or c_<s> / e_<s>  (dampack, BCEA by name)
//  - wide, numbered: c1…cN / e1…eN, strategies named by the caller                   (BCEA's e and c matrices)
//  - long:           strategy, draw, cost, effect                                     (one row per draw and strategy)
// A draw/sim/iteration column (and R's unnamed row-name column) is ignored; every other numeric column is a
// parameter, available for EVPPI.
import type { CsvTable } from '../survival-fit/csv-table';
import type { PsaResults } from '../uncertainty/psa-summary';
import type { ParameterDraws } from '../uncertainty/evppi';
import type { ProblemDetail } from '../../shared/problem-detail';

export type DrawsLayout = 'wide-named' | 'wide-numbered' | 'long';

export interface ExternalPsaDraws extends PsaResults {
  layout: DrawsLayout;
  parameterDraws: ParameterDraws;
  /** Columns read as neither draws, costs, effects nor parameters (draw index, row names, constant columns). */
  ignoredColumns: string[];
}

export class DrawsTableError extends Error {
  /** The problem as data, for screens that word it in their language (src/report/file-problems.ts). */
  readonly detail?: ProblemDetail;
  constructor(message: string, detail?: ProblemDetail) {
    super(message);
    this.name = 'DrawsTableError';
    if (detail) this.detail = detail;
  }
}

/** A draws-table problem: the English message and its detail (code "draws-…" and the values in the message). */
function drawsError(code: string, values: Record<string, string | number>, message: string): DrawsTableError {
  return new DrawsTableError(message, { code, values });
}

const DRAW_COLUMNS = new Set(['', 'draw', 'draws', 'sim', 'sims', 'simulation', 'iteration', 'iter', 'run', 'psa', 'id']);
const STRATEGY_COLUMNS = ['strategy', 'strategies', 'intervention', 'treatment', 'arm', 'strat'];
const COST_COLUMNS = ['cost', 'costs', 'c'];
const EFFECT_COLUMNS = ['effect', 'effects', 'eff', 'e', 'qaly', 'qalys', 'outcome'];
const NAMED_COST = /^(?:cost|costs|c)_(.+)$/i;
const NAMED_EFFECT = /^(?:eff|effect|effects|e|qaly|qalys)_(.+)$/i;
const NUMBERED_COST = /^c(\d+)$/i;
const NUMBERED_EFFECT = /^e(\d+)$/i;

function cellNumber(table: CsvTable, row: number, column: number): number {
  const cell = table.rows[row]![column]!;
  const value = cell === '' ? NaN : Number(cell);
  if (!Number.isFinite(value)) {
    const where = { line: table.lines[row]!, column: table.header[column]! };
    throw cell === ''
      ? drawsError('cell-empty', where, `line ${where.line}, column "${where.column}": empty cell`)
      : drawsError('cell-not-a-number', { ...where, cell }, `line ${where.line}, column "${where.column}": "${cell}" is not a number`);
  }
  return value;
}

function findColumn(table: CsvTable, names: readonly string[]): number {
  return table.header.findIndex((h) => names.includes(h.trim().toLowerCase()));
}

/** Reads per-draw costs and effects, detecting the layout; `strategyNames` names the strategies of c1…cN / e1…eN. */
export function readPsaDraws(table: CsvTable, strategyNames?: readonly string[]): ExternalPsaDraws {
  if (table.rows.length === 0) throw drawsError('draws-none', {}, 'the table has a header but no draws');
  const strategyColumn = findColumn(table, STRATEGY_COLUMNS);
  if (strategyColumn >= 0) return readLong(table, strategyColumn);
  return readWide(table, strategyNames);
}

interface Pair {
  id: string;
  cost: number;
  effect: number;
}

function widePairs(table: CsvTable, strategyNames: readonly string[] | undefined): { pairs: Pair[]; layout: DrawsLayout } {
  const named = new Map<string, { cost?: number; effect?: number }>();
  const numbered = new Map<number, { cost?: number; effect?: number }>();
  table.header.forEach((h, i) => {
    const name = h.trim();
    let m = NAMED_COST.exec(name);
    if (m) return void named.set(m[1]!, { ...named.get(m[1]!), cost: i });
    m = NAMED_EFFECT.exec(name);
    if (m) return void named.set(m[1]!, { ...named.get(m[1]!), effect: i });
    m = NUMBERED_COST.exec(name);
    if (m) return void numbered.set(Number(m[1]), { ...numbered.get(Number(m[1])), cost: i });
    m = NUMBERED_EFFECT.exec(name);
    if (m) numbered.set(Number(m[1]), { ...numbered.get(Number(m[1])), effect: i });
  });
  if (named.size > 0 && numbered.size > 0) {
    const column = table.header[[...named.values()][0]!.cost ?? [...named.values()][0]!.effect!]!;
    throw drawsError('draws-mixed-layouts', { column }, `the columns mix named (${column}) and numbered (c1, e1, …) strategies; use one layout`);
  }
  const layout: DrawsLayout = numbered.size > 0 ? 'wide-numbered' : 'wide-named';
  const found = layout === 'wide-numbered' ? [...numbered.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v] as const) : [...named.entries()];
  if (found.length === 0) {
    const columns = table.header.join(', ');
    throw drawsError(
      'draws-no-columns',
      { columns },
      `no cost and effect columns found (columns: ${columns}); expected cost_<strategy> and eff_<strategy>, c_<strategy> and e_<strategy>, c1…cN and e1…eN, or a long table with columns strategy, draw, cost, effect`,
    );
  }
  for (const [id, cols] of found) {
    if (cols.cost === undefined) throw drawsError('draws-no-cost-column', { id, column: table.header[cols.effect!]! }, `strategy "${id}" has an effect column (${table.header[cols.effect!]}) but no cost column`);
    if (cols.effect === undefined) throw drawsError('draws-no-effect-column', { id, column: table.header[cols.cost]! }, `strategy "${id}" has a cost column (${table.header[cols.cost]}) but no effect column`);
  }
  let ids = found.map(([id]) => id);
  if (layout === 'wide-numbered') {
    const numbers = found.map(([id]) => Number(id));
    if (numbers.some((n, k) => n !== k + 1)) throw drawsError('draws-numbering-gaps', { found: numbers.join(', ') }, `numbered strategies must run 1…N without gaps (found ${numbers.join(', ')})`);
    if (strategyNames !== undefined) {
      if (strategyNames.length !== ids.length) {
        throw drawsError('draws-names-count', { given: strategyNames.length, count: ids.length }, `--strategies names ${strategyNames.length} strategies, the table has ${ids.length} (c1…c${ids.length})`);
      }
      ids = [...strategyNames];
    }
  } else if (strategyNames !== undefined) {
    throw drawsError('draws-names-not-numbered', {}, '--strategies names the strategies of c1…cN / e1…eN columns only; this table names them in its columns');
  }
  if (new Set(ids).size !== ids.length) throw drawsError('draws-names-repeated', { names: ids.join(', ') }, `strategy names must be different (got ${ids.join(', ')})`);
  return { pairs: found.map(([, cols], k) => ({ id: ids[k]!, cost: cols.cost!, effect: cols.effect! })), layout };
}

function readWide(table: CsvTable, strategyNames: readonly string[] | undefined): ExternalPsaDraws {
  const { pairs, layout } = widePairs(table, strategyNames);
  const draws = table.rows.length;
  const s = pairs.length;
  const costs = new Float64Array(draws * s);
  const effects = new Float64Array(draws * s);
  for (let i = 0; i < draws; i++) {
    pairs.forEach((p, j) => {
      costs[i * s + j] = cellNumber(table, i, p.cost);
      effects[i * s + j] = cellNumber(table, i, p.effect);
    });
  }
  const used = new Set(pairs.flatMap((p) => [p.cost, p.effect]));
  const rest = table.header.map((_, i) => i).filter((i) => !used.has(i));
  const { parameterDraws, ignoredColumns } = parameterColumns(table, rest, Array.from({ length: draws }, (_, i) => i));
  return { layout, strategyIds: pairs.map((p) => p.id), draws, costs, effects, parameterDraws, ignoredColumns };
}

function readLong(table: CsvTable, strategyColumn: number): ExternalPsaDraws {
  const costColumn = findColumn(table, COST_COLUMNS);
  const effectColumn = findColumn(table, EFFECT_COLUMNS);
  if (costColumn < 0 || effectColumn < 0) {
    const [column, columns] = [table.header[strategyColumn]!, table.header.join(', ')];
    throw drawsError('draws-long-columns', { column, columns }, `a long table (column "${column}") needs a cost and an effect column (columns: ${columns})`);
  }
  const drawColumn = table.header.findIndex((h, i) => i !== strategyColumn && DRAW_COLUMNS.has(h.trim().toLowerCase()) && h.trim() !== '');
  const ids: string[] = [];
  const rowsOf = new Map<string, number[]>();
  const drawKeys = new Map<string, string[]>();
  table.rows.forEach((row, r) => {
    const id = row[strategyColumn]!;
    if (id === '') {
      const where = { line: table.lines[r]!, column: table.header[strategyColumn]! };
      throw drawsError('draws-no-strategy', where, `line ${where.line}, column "${where.column}": no strategy named`);
    }
    if (!rowsOf.has(id)) {
      ids.push(id);
      rowsOf.set(id, []);
      drawKeys.set(id, []);
    }
    rowsOf.get(id)!.push(r);
    drawKeys.get(id)!.push(drawColumn >= 0 ? row[drawColumn]! : String(rowsOf.get(id)!.length));
  });
  const first = drawKeys.get(ids[0]!)!;
  const order = new Map(first.map((key, k) => [key, k]));
  if (order.size !== first.length) {
    const draw = first.find((k, i) => first.indexOf(k) !== i)!;
    throw drawsError('draws-draw-repeated', { id: ids[0]!, draw }, `strategy "${ids[0]}" has draw "${draw}" more than once`);
  }
  for (const id of ids) {
    const keys = drawKeys.get(id)!;
    if (keys.length !== first.length) {
      const values = { id, count: keys.length, first: ids[0]!, firstCount: first.length };
      throw drawsError('draws-counts-differ', values, `strategy "${id}" has ${keys.length} draws, strategy "${ids[0]}" has ${first.length}; every strategy needs the same draws`);
    }
    keys.forEach((key, k) => {
      if (!order.has(key)) {
        const values = { line: table.lines[rowsOf.get(id)![k]!]!, draw: key, id, first: ids[0]! };
        throw drawsError('draws-draw-unknown', values, `line ${values.line}: draw "${key}" of strategy "${id}" is not a draw of strategy "${ids[0]}"`);
      }
    });
  }
  const draws = first.length;
  const s = ids.length;
  const costs = new Float64Array(draws * s);
  const effects = new Float64Array(draws * s);
  const seen = new Uint8Array(draws * s);
  const firstRowOfDraw = new Array<number>(draws);
  ids.forEach((id, j) => {
    rowsOf.get(id)!.forEach((r, k) => {
      const i = order.get(drawKeys.get(id)![k]!)!;
      if (seen[i * s + j]) {
        const values = { line: table.lines[r]!, id, draw: drawKeys.get(id)![k]! };
        throw drawsError('draws-draw-repeated-at', values, `line ${values.line}: strategy "${id}" has draw "${values.draw}" more than once`);
      }
      seen[i * s + j] = 1;
      costs[i * s + j] = cellNumber(table, r, costColumn);
      effects[i * s + j] = cellNumber(table, r, effectColumn);
      if (j === 0) firstRowOfDraw[i] = r;
    });
  });
  const rest = table.header.map((_, i) => i).filter((i) => i !== strategyColumn && i !== costColumn && i !== effectColumn);
  const { parameterDraws, ignoredColumns } = parameterColumns(table, rest, firstRowOfDraw);
  return { layout: 'long', strategyIds: ids, draws, costs, effects, parameterDraws, ignoredColumns };
}

/** Numeric columns other than the draw index are parameters (one value per draw, from the given rows). */
function parameterColumns(table: CsvTable, columns: number[], rowOfDraw: number[]): { parameterDraws: ParameterDraws; ignoredColumns: string[] } {
  const ignoredColumns: string[] = [];
  const names: string[] = [];
  const series: Float64Array[] = [];
  for (const c of columns) {
    const name = table.header[c]!.trim();
    if (DRAW_COLUMNS.has(name.toLowerCase())) {
      ignoredColumns.push(name === '' ? `column ${c + 1} (row names)` : name);
      continue;
    }
    const values = Float64Array.from(rowOfDraw, (r) => cellNumber(table, r, c));
    if (values.every((v) => v === values[0])) {
      ignoredColumns.push(`${name} (the same in every draw)`);
      continue;
    }
    if (names.includes(name)) throw drawsError('draws-column-repeated', { name }, `column "${name}" appears more than once`);
    names.push(name);
    series.push(values);
  }
  const p = names.length;
  const values = new Float64Array(rowOfDraw.length * p);
  for (let i = 0; i < rowOfDraw.length; i++) for (let k = 0; k < p; k++) values[i * p + k] = series[k]![i]!;
  return { parameterDraws: { names, values }, ignoredColumns };
}
