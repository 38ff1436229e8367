// Partitioned survival engine: three states from two curves, PF(t) = S_pfs(t), PD(t) = S_os(t) - S_pfs(t),
// Dead(t) = 1 - S_os(t) at trace rows t = 0..T (time t·cycleLength), optionally with OS capped by background
// mortality. Where PFS exceeds OS the engine caps PFS at OS and reports it (result warnings, rows affected).
// Counting (within-cycle correction) and discounting reuse economics/conventions.ts, exactly as in the Markov
// engine, so results are comparable and `hta run` reads the same CompiledModel interface.
import type { HtaModel, StateValue } from '../model/schema';
import type { EvaluationSubject, IssuePath, ModelIssue, WarningDetail } from '../errors';
import { ModelEvaluationError, pushUniqueIssues, subjectText } from '../errors';
import type { CompiledModel, CompileOptions, ModelResult, ResultOptions, StrategyResult } from '../compiled-model';
import { checkParameterCount, describeCompiledModel, resultFlags } from '../compiled-model';
import type { CompiledSite, StrategyParameterProgram } from '../model/parameter-program';
import { baseCaseValues, buildParameterSpace, buildStrategyProgram, compileModelDefinitions, setCycleVariables } from '../model/parameter-program';
import { cohortTimeAxis, discountFactors } from '../economics/conventions';
import { discountRateTable } from '../economics/discount-rate-table';
import { categoriesInUse, costValueOf } from '../model/cost-categories';
import { compileCurves, CurveGridCache, simpsonArea } from './survival';
import type { CurveSet } from './survival';
import { PSM_STATE_IDS } from './psm-schema';
import { ownValue } from '../own-key';
import { ExpressionBatch } from '../expression/inline-forms';
import type { CycleValueCache } from './cycle-value-cache';

type PsmHtaModel = HtaModel & { model: { type: 'psm' } };

/** PFS may exceed OS by this much before it counts as crossing (rounding in tables). */
const CROSS_TOL = 1e-12;
/** Strategy runs that computed undiscounted values (every module's models), so tests can see discounted-only runs skip them. */
let undiscountedRuns = 0;

export function psmUndiscountedRuns(): number {
  return undiscountedRuns;
}

export interface CurveSummary {
  id: string;
  role: 'pfs' | 'os';
  /** Area under the curve over the horizon (years), by Simpson's rule on half-cycle points: restricted mean. */
  restrictedMean: number;
  /** Years; null when the curve stays above 0.5 over the horizon. */
  median: number | null;
}

export interface PsmDetails {
  curves: CurveSummary[];
  /** Trace rows (0..T) where PFS exceeded OS and was capped at OS. */
  pfsCappedRows: number[];
  /** Trace rows where background mortality capped OS. */
  osCappedRows: number[];
  /** Human-readable notes, e.g. "PFS exceeded OS at cycles 7–10; capped at OS". */
  warnings: string[];
  /** Code and values of each of `warnings` (same order), for wording them in another language. */
  warningDetails: WarningDetail[];
}

export interface PsmStrategyResult extends StrategyResult {
  psm: PsmDetails;
}

interface ValueSite {
  site: CompiledSite;
  /** Cost: state * nCat + category; utility: -1 - state. */
  target: number;
  subject: EvaluationSubject;
  state: string;
}

interface Plan {
  id: string;
  label: string;
  program: StrategyParameterProgram;
  curves: CurveSet;
  pfs: number;
  os: number;
  pfsId: string;
  osId: string;
  staticValues: ValueSite[];
  cycleValues: ValueSite[];
  costValues: Float64Array;
  costRate: Int32Array;
  /** costRate[k] · (Tc + 1): start of the discount-factor row of state/category k. */
  rateBase: Int32Array;
  /** 1 for categories with a cost that depends on the cycle (re-evaluated every cycle). */
  cycleCostCategories: Uint8Array;
  /** A utility depends on the cycle. */
  cycleUtilities: boolean;
  /** The cycle-dependent values evaluated together; cycleSlot[target] = their index (cost targets, then 3·nCat + state for utilities), -1: static. */
  cycleBatch: ExpressionBatch;
  cycleTargets: Int32Array;
  cycleSlot: Int32Array;
  utilValues: Float64Array;
  background: CompiledSite | null;
  /**
   * The cycle-dependent values' expressions and model time, to share them with the other sub-models of a hybrid
   * (CycleValueCache); null when an expression reads a parameter that varies with the cycle or the time in state.
   */
  cycleShareKey: string | null;
  /** Parameter slots the cycle-dependent values read (the rest of the cache key), and their values in this evaluation. */
  cycleReadSlots: Int32Array;
  cycleRead: Float64Array;
}

function psmStateIds(model: PsmHtaModel): [string, string, string] {
  const s = model.model.states ?? {};
  return [s.progressionFree ?? PSM_STATE_IDS.progressionFree, s.progressed ?? PSM_STATE_IDS.progressed, s.dead ?? PSM_STATE_IDS.dead];
}

/** Cost categories (categoriesInUse): the model's state values, then the strategies'. */
function psmCategoryIds(model: PsmHtaModel): string[] {
  const stateValueSets = [model.model.stateValues, ...model.strategies.map((s) => s.stateValues ?? {})];
  return categoriesInUse(model.costCategories, stateValueSets.flatMap((values) => Object.values(values).map((sv) => sv.costs)));
}

/** Runs of consecutive rows as "3–7, 12" for messages. */
export function describeRows(rows: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; ) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j]! + 1) j++;
    parts.push(i === j ? `${rows[i]}` : `${rows[i]}–${rows[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/**
 * `sharedGridCache`: a hybrid's cache shared by its partitioned-survival sub-models; the hybrid starts its
 * evaluations (without it, the model has its own cache and starts one per evaluate()).
 */
export function compilePsmModel(model: HtaModel, options: CompileOptions, issues: ModelIssue[], sharedGridCache?: CurveGridCache, sharedCycleValues?: CycleValueCache): CompiledModel | null {
  if (model.model.type !== 'psm') return null;
  const psm = model as PsmHtaModel;
  const errorsBefore = issues.filter((i) => i.severity === 'error').length;
  const settings = model.settings;
  const { cycleLength: L, cycles: T, startAge, counting, valueCycles: Tc } = cohortTimeAxis(settings, issues);
  const space = buildParameterSpace(model, issues);
  const defs = compileModelDefinitions(model, space, issues, options.inputs ?? []);
  const seenCycles = new Set<string>();
  const baseProgram = buildStrategyProgram(defs, {}, [], issues, seenCycles);
  const stateIds = psmStateIds(psm);
  const stateIndex = new Map(stateIds.map((s, i) => [s, i]));
  if (new Set(stateIds).size !== 3) issues.push({ code: 'duplicate-id', severity: 'error', path: ['model', 'states'], message: `the three partitioned-survival states need different ids (got ${stateIds.join(', ')})` });
  const categories = psmCategoryIds(psm);
  const nCat = categories.length;
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  const rateTable = discountRateTable(settings, model.costCategories);
  const { rates, effectRow: effectRate, costRow: costRate } = rateTable;

  const plans: Plan[] = [];
  const gridCache = sharedGridCache ?? new CurveGridCache();
  model.strategies.forEach((strategy, si) => {
    const program = buildStrategyProgram(defs, strategy.parameters ?? {}, ['strategies', si, 'parameters'], issues, seenCycles);
    const local: ModelIssue[] = [];
    if (strategy.transitions || strategy.initial) {
      local.push({ code: 'ignored-field', severity: 'warning', path: ['strategies', si, strategy.transitions ? 'transitions' : 'initial'], message: `strategy ${strategy.id}: transitions and initial apply to Markov models only; a partitioned survival model takes its states from the curves (use strategyCurves or parameters)` });
    }
    const plan = planStrategy(si, program, local);
    pushUniqueIssues(issues, local);
    if (plan && !local.some((i) => i.severity === 'error')) plans.push(plan);
  });

  function planStrategy(si: number, program: StrategyParameterProgram, local: ModelIssue[]): Plan | null {
    const strategy = model.strategies[si]!;
    const curves = compileCurves(psm.model.curves, ['model', 'curves'], program, L, local, gridCache);
    const arm = ownValue(psm.model.strategyCurves, strategy.id);
    const armPath: IssuePath = arm ? ['model', 'strategyCurves', strategy.id] : ['model'];
    const pfsId = arm?.pfs ?? psm.model.pfs;
    const osId = arm?.os ?? psm.model.os;
    const pfs = curves?.index.get(pfsId);
    const os = curves?.index.get(osId);
    if (curves && pfs === undefined) local.push({ code: 'unknown-curve', severity: 'error', path: [...armPath, 'pfs'], message: `unknown PFS curve '${pfsId}'` });
    if (curves && os === undefined) local.push({ code: 'unknown-curve', severity: 'error', path: [...armPath, 'os'], message: `unknown OS curve '${osId}'` });
    const costValues = new Float64Array(3 * nCat);
    const costRateIdx = new Int32Array(3 * nCat).fill(costRate);
    const utilValues = new Float64Array(3);
    const staticValues: ValueSite[] = [];
    const cycleValues: ValueSite[] = [];
    const addValues = (values: Record<string, StateValue>, base: IssuePath): void => {
      for (const [state, sv] of Object.entries(values)) {
        const s = stateIndex.get(state);
        if (s === undefined) {
          local.push({ code: 'unknown-state', severity: 'error', path: [...base, state], message: `state values given for unknown state '${state}' (states: ${stateIds.join(', ')})` });
          continue;
        }
        for (const [cat, entry] of Object.entries(sv.costs ?? {})) {
          const c = categoryIndex.get(cat);
          const path = [...base, state, 'costs', cat];
          if (c === undefined) {
            local.push({ code: 'unknown-category', severity: 'error', path, message: `unknown cost category '${cat}' (declared: ${categories.join(', ')})` });
            continue;
          }
          const { value, discountRate } = costValueOf(entry);
          const site = program.compileSite(value, typeof entry === 'object' ? [...path, 'value'] : path, local, false);
          costRateIdx[s * nCat + c] = rateTable.costRowOf(cat, discountRate);
          if (site) setValue({ site, target: s * nCat + c, subject: { code: 'state-cost', name: state, category: cat }, state });
        }
        if (sv.utility !== undefined) {
          const site = program.compileSite(sv.utility, [...base, state, 'utility'], local, false);
          if (site) setValue({ site, target: -1 - s, subject: { code: 'state-utility', name: state }, state });
        }
      }
    };
    // A strategy's state values replace the model's entry for the same state and category.
    const byTarget = new Map<number, ValueSite>();
    const setValue = (v: ValueSite): void => void byTarget.set(v.target, v);
    addValues(psm.model.stateValues, ['model', 'stateValues']);
    addValues(strategy.stateValues ?? {}, ['strategies', si, 'stateValues']);
    for (const v of byTarget.values()) (v.site.timeVarying ? cycleValues : staticValues).push(v);
    if (settings.effect === 'qalys') {
      stateIds.slice(0, 2).forEach((state, s) => {
        if (!byTarget.has(-1 - s)) local.push({ code: 'missing-value', severity: 'error', path: ['model', 'stateValues'], message: `state ${state} has no utility, but the effect measure is QALYs (give stateValues.${state}.utility)`, params: { state, missing: 'utility' } });
      });
    }
    const background = psm.model.backgroundMortality === undefined ? null : program.compileSite(psm.model.backgroundMortality, ['model', 'backgroundMortality'], local, false);
    if (!curves || pfs === undefined || os === undefined) return null;
    const cycleReadSlots = [...new Set(cycleValues.flatMap((v) => v.site.parameters.map((name) => space.index.get(name)!)))];
    const shareable = cycleValues.every((v) => !v.site.stateTimeVarying) && cycleReadSlots.every((slot) => program.timeVarying[slot] !== 1 && program.stateTimeVarying[slot] !== 1);
    return {
      id: strategy.id,
      label: strategy.label ?? strategy.id,
      program,
      curves,
      pfs,
      os,
      pfsId,
      osId,
      staticValues,
      cycleValues,
      costValues,
      costRate: costRateIdx,
      rateBase: Int32Array.from(costRateIdx, (r) => r * (Tc + 1)),
      cycleCostCategories: Uint8Array.from(categories, (_, c) => (cycleValues.some((v) => v.target >= 0 && v.target % nCat === c) ? 1 : 0)),
      cycleUtilities: cycleValues.some((v) => v.target < 0),
      cycleBatch: new ExpressionBatch(cycleValues.map((v) => v.site)),
      cycleTargets: Int32Array.from(cycleValues, (_, k) => k),
      cycleSlot: Int32Array.from({ length: 3 * nCat + 3 }, (_, t) => cycleValues.findIndex((v) => (t < 3 * nCat ? v.target === t : v.target === -1 - (t - 3 * nCat)))),
      utilValues,
      background,
      cycleShareKey: shareable ? JSON.stringify([cycleValues.map((v) => v.site.source), Tc, L, startAge]) : null,
      cycleReadSlots: Int32Array.from(cycleReadSlots),
      cycleRead: new Float64Array(cycleReadSlots.length),
    };
  }

  if (issues.filter((i) => i.severity === 'error').length > errorsBefore || plans.length !== model.strategies.length || T <= 0) return null;

  const discount = discountFactors(rates, Tc, L, settings.discount.firstCycleDiscounted);
  const effectIsQalys = settings.effect === 'qalys';
  const nHalf = 2 * T;
  // Survival on the half-cycle grid when the curve summaries are computed (restricted means by Simpson's rule);
  // on whole cycles only (the trace rows) for a totals-only result.
  const sPfs = new Float64Array(nHalf + 1);
  const sOs = new Float64Array(nHalf + 1);

  /**
   * sPfs/sOs[k·stride] = S(k·L) for k = 0..T, and the half-cycle points in between when stride = 2: point t of
   * the whole-cycle grid is S(t·L), exactly point 2t of the half-cycle grid (2t·(L/2) rounds the same real t·L).
   * Throws for the first point that is not a number; of the half-cycle grid even when stride = 1, so that the
   * error is the one a full evaluation gives.
   */
  function fillSurvival(plan: Plan, stride: 1 | 2): void {
    const n = stride * T;
    const pfsGrid = sPfs;
    const osGrid = sOs;
    plan.curves.fillGrid(plan.pfs, L / stride, n, pfsGrid);
    plan.curves.fillGrid(plan.os, L / stride, n, osGrid);
    for (let k = 0; k <= n; k++) {
      if (!(pfsGrid[k]! - pfsGrid[k]! === 0) || !(osGrid[k]! - osGrid[k]! === 0)) {
        if (stride === 1) fillSurvival(plan, 2);
        throw new ModelEvaluationError({ code: 'not-a-number', strategy: plan.id, cycle: k / stride, subject: `survival at ${k * (L / stride)} years`, subjectOf: { code: 'survival-at', years: k * (L / stride) }, value: NaN, path: ['model', 'curves'], parameters: {} });
      }
    }
  }

  const bg = new Float64Array(T + 1);
  // Per value cycle (1..Tc): occupancy of each state; the values of each cycle when some depend on the cycle.
  const occPf = new Float64Array(Tc + 1);
  const occPd = new Float64Array(Tc + 1);
  const occDead = new Float64Array(Tc + 1);
  const maxCycleValues = Math.max(0, ...plans.map((p) => p.cycleValues.length));
  /** cycleValues[(c - 1) · m + k]: cycle-dependent value k of value cycle c (m of them in the strategy). */
  const cycleValues = new Float64Array(Tc * maxCycleValues);
  const cycleScratch = new Float64Array(maxCycleValues);
  const occupancies = [occPf, occPd, occDead];

  function fail(plan: Plan, vs: { site: CompiledSite; subject: EvaluationSubject; state?: string }, value: number, cycle: number): never {
    throw new ModelEvaluationError({ code: 'not-a-number', strategy: plan.id, cycle, subject: subjectText(vs.subject), subjectOf: vs.subject, value, path: vs.site.path, parameters: plan.program.involvedValues(vs.site.parameters), ...(vs.state ? { fromState: vs.state } : {}) });
  }

  function evaluateValues(plan: Plan, list: ValueSite[], cycle: number): void {
    const { work, vars } = plan.program;
    for (const vs of list) {
      const x = vs.site.fn(work, vars);
      if (!(x - x === 0)) fail(plan, vs, x, cycle);
      if (vs.target >= 0) plan.costValues[vs.target] = x;
      else plan.utilValues[-1 - vs.target] = x;
    }
  }

  /** Background survival at trace rows 0..T: product of exp(-rate·L) over the cycles before. */
  function backgroundSurvival(plan: Plan): void {
    const site = plan.background!;
    const { work, vars } = plan.program;
    bg[0] = 1;
    for (let c = 1; c <= T; c++) {
      setCycleVariables(vars, c, L, startAge);
      plan.program.updateCycle();
      const rate = site.fn(work, vars);
      if (!(rate >= 0 && rate - rate === 0)) fail(plan, { site, subject: { code: 'background-mortality' } }, rate, c);
      bg[c] = bg[c - 1]! * Math.exp(-rate * L);
    }
  }

  /**
   * Costs of category `cat`, whose values do not depend on the cycle, over the value cycles: per cycle the sum over
   * states 0 + PF + PD + Dead as in a state loop, then over cycles in order. A state without a cost in the
   * category adds an exact zero (a finite occupancy times 0) to a sum that cannot be -0, which leaves it as it
   * is, so only the states with a cost are visited. Per-cycle costs are kept in a full result only, undiscounted
   * sums in every result but a discounted-only one.
   */
  function categoryCostsStatic(plan: Plan, res: PsmStrategyResult, cat: number, totalsOnly: boolean, undiscounted: boolean): void {
    const categoryCount = nCat;
    const valueCycles = Tc;
    const discountFactor = discount;
    const occupancyOf = occupancies;
    const { costValues, rateBase } = plan;
    const costPerCycle = res.costPerCycle;
    const costPerCycleD = res.costPerCycleDiscounted;
    let n = 0;
    let oa = occPf;
    let ob = occPf;
    let oc = occPf;
    let va = 0;
    let vb = 0;
    let vc = 0;
    let da = 0;
    let db = 0;
    let dc = 0;
    for (let s = 0; s < 3; s++) {
      const v = costValues[s * categoryCount + cat]!;
      if (v === 0) continue;
      const o = occupancyOf[s]!;
      const d = rateBase[s * categoryCount + cat]!;
      if (n === 0) {
        oa = o;
        va = v;
        da = d;
      } else if (n === 1) {
        ob = o;
        vb = v;
        db = d;
      } else {
        oc = o;
        vc = v;
        dc = d;
      }
      n++;
    }
    let totalU = 0;
    let totalD = 0;
    if (n === 0) {
      if (!totalsOnly) {
        for (let c = 1; c <= valueCycles; c++) {
          costPerCycle[(c - 1) * categoryCount + cat] = 0;
          costPerCycleD[(c - 1) * categoryCount + cat] = 0;
        }
      }
    } else if (n === 1) {
      for (let c = 1; c <= valueCycles; c++) {
        const x0 = oa[c]! * va;
        const sumD = 0 + x0 * discountFactor[da + c]!;
        totalD += sumD;
        if (!undiscounted) continue;
        const sumU = 0 + x0;
        totalU += sumU;
        if (!totalsOnly) {
          costPerCycle[(c - 1) * categoryCount + cat] = sumU;
          costPerCycleD[(c - 1) * categoryCount + cat] = sumD;
        }
      }
    } else if (n === 2) {
      for (let c = 1; c <= valueCycles; c++) {
        const x0 = oa[c]! * va;
        const x1 = ob[c]! * vb;
        const sumD = 0 + x0 * discountFactor[da + c]! + x1 * discountFactor[db + c]!;
        totalD += sumD;
        if (!undiscounted) continue;
        const sumU = 0 + x0 + x1;
        totalU += sumU;
        if (!totalsOnly) {
          costPerCycle[(c - 1) * categoryCount + cat] = sumU;
          costPerCycleD[(c - 1) * categoryCount + cat] = sumD;
        }
      }
    } else {
      for (let c = 1; c <= valueCycles; c++) {
        const x0 = oa[c]! * va;
        const x1 = ob[c]! * vb;
        const x2 = oc[c]! * vc;
        const sumD = 0 + x0 * discountFactor[da + c]! + x1 * discountFactor[db + c]! + x2 * discountFactor[dc + c]!;
        totalD += sumD;
        if (!undiscounted) continue;
        const sumU = 0 + x0 + x1 + x2;
        totalU += sumU;
        if (!totalsOnly) {
          costPerCycle[(c - 1) * categoryCount + cat] = sumU;
          costPerCycleD[(c - 1) * categoryCount + cat] = sumD;
        }
      }
    }
    res.costByCategoryUndiscounted[cat] = totalU;
    res.costByCategory[cat] = totalD;
  }

  /** As categoryCostsStatic for a category with a cost that depends on the cycle (every state visited). */
  function categoryCostsVarying(plan: Plan, res: PsmStrategyResult, cat: number, totalsOnly: boolean, undiscounted: boolean): void {
    const categoryCount = nCat;
    const valueCycles = Tc;
    const discountFactor = discount;
    const occupancyPf = occPf;
    const occupancyPd = occPd;
    const occupancyDead = occDead;
    const cycleValueOf = cycleValues;
    const rateBase = plan.rateBase;
    const costPerCycle = res.costPerCycle;
    const costPerCycleD = res.costPerCycleDiscounted;
    const { costValues, cycleSlot } = plan;
    const m = plan.cycleValues.length;
    const d0 = rateBase[cat]!;
    const d1 = rateBase[categoryCount + cat]!;
    const d2 = rateBase[2 * categoryCount + cat]!;
    const k0 = cycleSlot[cat]!;
    const k1 = cycleSlot[categoryCount + cat]!;
    const k2 = cycleSlot[2 * categoryCount + cat]!;
    let totalU = 0;
    let totalD = 0;
    for (let c = 1; c <= valueCycles; c++) {
      const row = (c - 1) * m;
      const x0 = occupancyPf[c]! * (k0 < 0 ? costValues[cat]! : cycleValueOf[row + k0]!);
      const x1 = occupancyPd[c]! * (k1 < 0 ? costValues[categoryCount + cat]! : cycleValueOf[row + k1]!);
      const x2 = occupancyDead[c]! * (k2 < 0 ? costValues[2 * categoryCount + cat]! : cycleValueOf[row + k2]!);
      const sumD = 0 + x0 * discountFactor[d0 + c]! + x1 * discountFactor[d1 + c]! + x2 * discountFactor[d2 + c]!;
      totalD += sumD;
      if (!undiscounted) continue;
      const sumU = 0 + x0 + x1 + x2;
      totalU += sumU;
      if (!totalsOnly) {
        costPerCycle[(c - 1) * categoryCount + cat] = sumU;
        costPerCycleD[(c - 1) * categoryCount + cat] = sumD;
      }
    }
    res.costByCategoryUndiscounted[cat] = totalU;
    res.costByCategory[cat] = totalD;
  }

  /** undiscounted: false for a discounted-only result (no undiscounted sums or per-cycle values). */
  function runStrategy(plan: Plan, params: Float64Array, res: PsmStrategyResult, totalsOnly: boolean, undiscounted: boolean): void {
    if (undiscounted) undiscountedRuns++;
    // The closure's variables in locals: V8 shares the optimised code of this closure among the compiles of a
    // model (validation, the PSA setup, every partitioned-survival sub-model of a hybrid) and then reloads closure
    // variables at every use in the loops below.
    const cycles = T;
    const valueCycles = Tc;
    const cycleLength = L;
    const categoryCount = nCat;
    const pfsGrid = sPfs;
    const osGrid = sOs;
    const backgroundGrid = bg;
    const occupancyPf = occPf;
    const occupancyPd = occPd;
    const occupancyDead = occDead;
    const discountFactor = discount;
    const cycleValueOf = cycleValues;
    const cycleValueScratch = cycleScratch;
    const prog = plan.program;
    prog.prepare(params);
    setCycleVariables(prog.vars, 1, cycleLength, startAge);
    prog.updateCycle();
    plan.curves.prepare(plan.id);
    // Half-cycle points only feed the curve summaries, which a totals-only result (PSA, DSA) does not hold. A
    // curve that is a number at every whole cycle but not at a half cycle would fail only with summaries.
    const stride = totalsOnly ? 1 : 2;
    fillSurvival(plan, stride);
    const details = res.psm;
    details.pfsCappedRows.length = 0;
    details.osCappedRows.length = 0;
    details.warnings.length = 0;
    details.warningDetails.length = 0;
    if (plan.background) backgroundSurvival(plan);
    // Trace rows: OS (capped by background survival), then PFS capped at OS, with the capped rows and their
    // warning. A totals-only result leaves the trace and the details unspecified (the occupancies below are
    // computed from the grids, not from the trace).
    const trace = res.trace;
    if (!totalsOnly) {
      for (let t = 0; t <= cycles; t++) {
        let os = osGrid[stride * t]!;
        if (plan.background && backgroundGrid[t]! < os) {
          os = backgroundGrid[t]!;
          details.osCappedRows.push(t);
        }
        let pf = pfsGrid[stride * t]!;
        if (pf > os + CROSS_TOL) details.pfsCappedRows.push(t);
        if (pf > os) pf = os;
        trace[3 * t] = pf;
        trace[3 * t + 1] = os - pf;
        trace[3 * t + 2] = 1 - os;
      }
    }
    if (details.pfsCappedRows.length > 0) {
      const r = details.pfsCappedRows;
      details.warnings.push(`strategy ${plan.id}: PFS (${plan.pfsId}) exceeded OS (${plan.osId}) at cycle(s) ${describeRows(r)}; PFS was capped at OS there`);
      details.warningDetails.push({ code: 'pfs-capped', params: { strategy: plan.id, pfs: plan.pfsId, os: plan.osId, cycles: describeRows(r) } });
    }
    if (!totalsOnly) {
      // Curve summaries over the horizon (uncapped curves, as specified).
      const horizon = cycles * cycleLength;
      const summaries = details.curves;
      summaries[0]!.restrictedMean = simpsonArea(pfsGrid, cycleLength / 2, nHalf);
      summaries[0]!.median = plan.curves.median(plan.pfs, horizon);
      summaries[1]!.restrictedMean = simpsonArea(osGrid, cycleLength / 2, nHalf);
      summaries[1]!.median = plan.curves.median(plan.os, horizon);
    }

    evaluateValues(plan, plan.staticValues, 1);
    const hasCycleWork = plan.cycleValues.length > 0;
    const { utilValues } = plan;
    // Cycle-dependent values of every cycle first (the first that is not a number fails, as it would in a
    // cycle-by-cycle loop: nothing else below can fail), then each output accumulated over the cycles.
    const m = plan.cycleValues.length;
    if (hasCycleWork) {
      // Another sub-model of the hybrid may have computed the same expressions from the same values in this
      // evaluation (then they were all numbers: it would have failed otherwise).
      const shared = plan.cycleShareKey === null ? undefined : sharedCycleValues;
      const read = plan.cycleRead;
      if (shared) for (let k = 0; k < read.length; k++) read[k] = prog.work[plan.cycleReadSlots[k]!]!;
      if (!shared?.copy(plan.cycleShareKey!, read, valueCycles * m, cycleValueOf)) {
        for (let c = 1; c <= valueCycles; c++) {
          setCycleVariables(prog.vars, c, cycleLength, startAge);
          prog.updateCycle();
          plan.cycleBatch.evaluate(prog.work, prog.vars, cycleValueScratch, plan.cycleTargets);
          for (let k = 0; k < m; k++) {
            const x = cycleValueScratch[k]!;
            if (!(x - x === 0)) fail(plan, plan.cycleValues[k]!, x, c);
            cycleValueOf[(c - 1) * m + k] = x;
          }
        }
        shared?.remember(plan.cycleShareKey!, read, valueCycles * m, cycleValueOf);
      }
    }
    // One pass over the value cycles: the occupancy of PF, PD and Dead counted in each (kept for the costs below),
    // then its life-years and QALYs; sums keep the order of the state loop (0 + PF + PD + Dead). The trace rows are
    // recomputed from the grids as the trace loop above computes them (the same doubles), rows c - 1 and c in
    // locals; one loop for every kind of result, so the optimised code is never left without feedback for a path
    // that a PSA takes after a base case. Rows past the last (point counting's extra value cycle) are never read
    // (weightNext = 0 there).
    const weightPrev = counting.weightPrev;
    const weightNext = counting.weightNext;
    const hasBackground = plan.background !== null;
    let qU = 0;
    let qD = 0;
    let lyU = 0;
    let lyD = 0;
    const effectRow = effectRate * (valueCycles + 1);
    const utilityVaries = hasCycleWork && plan.cycleUtilities;
    let u0 = utilValues[0]!;
    let u1 = utilValues[1]!;
    let u2 = utilValues[2]!;
    const ku0 = plan.cycleSlot[3 * categoryCount]!;
    const ku1 = plan.cycleSlot[3 * categoryCount + 1]!;
    const ku2 = plan.cycleSlot[3 * categoryCount + 2]!;
    const { qalysPerCycle, lifeYearsPerCycle } = res;
    const qalysPerCycleD = res.qalysPerCycleDiscounted;
    const lifeYearsPerCycleD = res.lifeYearsPerCycleDiscounted;
    let os0 = osGrid[0]!;
    if (hasBackground && backgroundGrid[0]! < os0) os0 = backgroundGrid[0]!;
    let pf0 = pfsGrid[0]!;
    if (pf0 > os0) pf0 = os0;
    let pd0 = os0 - pf0;
    let dead0 = 1 - os0;
    for (let c = 1; c <= valueCycles; c++) {
      let pf1 = 0;
      let pd1 = 0;
      let dead1 = 0;
      if (c <= cycles) {
        let os = osGrid[stride * c]!;
        if (hasBackground && backgroundGrid[c]! < os) os = backgroundGrid[c]!;
        let pf = pfsGrid[stride * c]!;
        if (pf > os) pf = os;
        pf1 = pf;
        pd1 = os - pf;
        dead1 = 1 - os;
      }
      const wp = weightPrev[c]!;
      const wn = weightNext[c]!;
      const o0 = wp * pf0 + (wn === 0 ? 0 : wn * pf1);
      const o1 = wp * pd0 + (wn === 0 ? 0 : wn * pd1);
      const o2 = wp * dead0 + (wn === 0 ? 0 : wn * dead1);
      occupancyPf[c] = o0;
      occupancyPd[c] = o1;
      occupancyDead[c] = o2;
      pf0 = pf1;
      pd0 = pd1;
      dead0 = dead1;
      if (utilityVaries) {
        const row = (c - 1) * m;
        if (ku0 >= 0) u0 = cycleValueOf[row + ku0]!;
        if (ku1 >= 0) u1 = cycleValueOf[row + ku1]!;
        if (ku2 >= 0) u2 = cycleValueOf[row + ku2]!;
      }
      let ly = 0 + o0 + o1 + o2 * 0;
      let q = 0 + o0 * u0 + o1 * u1 + o2 * u2;
      const dfE = discountFactor[effectRow + c]!;
      ly *= cycleLength;
      q *= cycleLength;
      qalysPerCycleD[c - 1] = q * dfE;
      lifeYearsPerCycleD[c - 1] = ly * dfE;
      qD += q * dfE;
      lyD += ly * dfE;
      if (!undiscounted) continue;
      qalysPerCycle[c - 1] = q;
      lifeYearsPerCycle[c - 1] = ly;
      qU += q;
      lyU += ly;
    }
    // Costs, category by category (each category's sums run over the cycles in order, as cycle by cycle).
    const costTotals = res.costByCategory;
    const costTotalsU = res.costByCategoryUndiscounted;
    for (let cat = 0; cat < categoryCount; cat++) {
      if (hasCycleWork && plan.cycleCostCategories[cat] === 1) categoryCostsVarying(plan, res, cat, totalsOnly, undiscounted);
      else categoryCostsStatic(plan, res, cat, totalsOnly, undiscounted);
    }
    let cost = 0;
    let costU = 0;
    for (let cat = 0; cat < categoryCount; cat++) {
      cost += costTotals[cat]!;
      costU += costTotalsU[cat]!;
    }
    // A discounted-only result's undiscounted totals are not computed: NaN, never a plausible stale value.
    if (!undiscounted) qU = lyU = costU = NaN;
    const totals = res.totals;
    totals.cost = cost;
    totals.costUndiscounted = costU;
    totals.qalys = qD;
    totals.qalysUndiscounted = qU;
    totals.lifeYears = lyD;
    totals.lifeYearsUndiscounted = lyU;
    totals.effect = effectIsQalys ? qD : lyD;
    totals.effectUndiscounted = effectIsQalys ? qU : lyU;
  }

  function createResult(options?: ResultOptions): ModelResult {
    return {
      ...resultFlags(options),
      strategies: plans.map(
        // Written out, not {...emptyStrategyResult(), psm}: a spread copy takes other hidden classes, and the tree's
        // per-draw reads of sub-model results went megamorphic (liquid-biopsy PSA: +4 % instructions).
        (p): PsmStrategyResult => ({
          id: p.id,
          label: p.label,
          totals: { cost: 0, costUndiscounted: 0, qalys: 0, qalysUndiscounted: 0, lifeYears: 0, lifeYearsUndiscounted: 0, effect: 0, effectUndiscounted: 0 },
          costByCategory: new Float64Array(nCat),
          costByCategoryUndiscounted: new Float64Array(nCat),
          trace: new Float64Array((T + 1) * 3),
          costPerCycle: new Float64Array(Tc * nCat),
          costPerCycleDiscounted: new Float64Array(Tc * nCat),
          qalysPerCycle: new Float64Array(Tc),
          qalysPerCycleDiscounted: new Float64Array(Tc),
          lifeYearsPerCycle: new Float64Array(Tc),
          lifeYearsPerCycleDiscounted: new Float64Array(Tc),
          psm: {
            curves: [
              { id: p.pfsId, role: 'pfs', restrictedMean: NaN, median: null },
              { id: p.osId, role: 'os', restrictedMean: NaN, median: null },
            ],
            pfsCappedRows: [],
            osCappedRows: [],
            warnings: [],
            warningDetails: [],
          },
        }),
      ),
    };
  }

  const baseValues = baseCaseValues(model, baseProgram, space.ids.length);

  const compiled: CompiledModel = {
    ...describeCompiledModel('psm', defs, settings, {
      strategies: plans,
      stateIds,
      categoryIds: categories,
      cycles: T,
      valueCycles: Tc,
      cycleLength: L,
      baseValues,
    }),
    createResult,
    evaluate(params, out) {
      checkParameterCount(params, space.ids.length);
      const result = out ?? createResult();
      if (!sharedGridCache) gridCache.startEvaluation();
      const totalsOnly = result.totalsOnly === true;
      const undiscounted = result.discountedOnly !== true;
      for (let s = 0; s < plans.length; s++) runStrategy(plans[s]!, params, result.strategies[s] as PsmStrategyResult, totalsOnly, undiscounted);
      return result;
    },
  };
  issues.push(...crossingWarnings(compiled, plans, psm));
  return compiled;
}

/** Base-case crossings of PFS above OS, as validation warnings (run-time errors are left to validation's base-case run). */
function crossingWarnings(compiled: CompiledModel, plans: Plan[], model: PsmHtaModel): ModelIssue[] {
  let result: ModelResult;
  try {
    result = compiled.evaluate(compiled.baseParameters());
  } catch (e) {
    if (e instanceof ModelEvaluationError) return [];
    throw e;
  }
  return result.strategies.flatMap((r, k) => {
    const d = (r as PsmStrategyResult).psm;
    if (d.pfsCappedRows.length === 0) return [];
    const arm = ownValue(model.model.strategyCurves, plans[k]!.id);
    const path: IssuePath = arm ? ['model', 'strategyCurves', plans[k]!.id, 'pfs'] : ['model', 'pfs'];
    return [{ code: 'pfs-above-os', severity: 'warning' as const, path, message: `${d.warnings[0]!} (base case)`, params: { ...d.warningDetails[0]!.params } }];
  });
}
