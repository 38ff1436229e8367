// The hand-written typed-array HIV loop: the yardstick the engine's speed is reported against.
import type { CompiledModel } from '../src/engine/compiled-model';

/**
 * The HIV DMHEE model by hand: probabilities from the counts, relative risk in years 1-2, end-of-cycle
 * counting, costs discounted at 6% from year 1. Reads the same parameter array as the engine.
 */
export function makeHandWrittenHiv(compiled: CompiledModel): (params: Float64Array, out: Float64Array) => void {
  const ix = (id: string): number => compiled.parameterIndex.get(id)!;
  const n = ['AA', 'AB', 'AC', 'AD', 'BB', 'BC', 'BD', 'CC', 'CD'].map((k) => ix(`n_${k}`));
  const [iRr, iDmA, iDmB, iDmC, iCcA, iCcB, iCcC, iZido, iLami, iYears] = ['rr', 'cost_dm_A', 'cost_dm_B', 'cost_dm_C', 'cost_cc_A', 'cost_cc_B', 'cost_cc_C', 'cost_zido', 'cost_lami', 'effect_years'].map(ix) as number[];
  const T = 20;
  const df = new Float64Array(T + 1);
  for (let t = 1; t <= T; t++) df[t] = 1 / 1.06 ** t;
  const P = new Float64Array(16);
  return (p, out) => {
    const totA = p[n[0]!]! + p[n[1]!]! + p[n[2]!]! + p[n[3]!]!;
    const totB = p[n[4]!]! + p[n[5]!]! + p[n[6]!]!;
    const totC = p[n[7]!]! + p[n[8]!]!;
    const pAB = p[n[1]!]! / totA;
    const pAC = p[n[2]!]! / totA;
    const pAD = p[n[3]!]! / totA;
    const pBC = p[n[5]!]! / totB;
    const pBD = p[n[6]!]! / totB;
    const pCD = p[n[8]!]! / totC;
    const cA = p[iDmA!]! + p[iCcA!]!;
    const cB = p[iDmB!]! + p[iCcB!]!;
    const cC = p[iDmC!]! + p[iCcC!]!;
    for (let s = 0; s < 2; s++) {
      let a = 1;
      let b = 0;
      let c = 0;
      let d = 0;
      let cost = 0;
      let ly = 0;
      for (let t = 1; t <= T; t++) {
        const treated = s === 1 && t <= p[iYears!]!;
        const rr = treated ? p[iRr!]! : 1;
        P[1] = pAB * rr;
        P[2] = pAC * rr;
        P[3] = pAD * rr;
        P[0] = 1 - P[1] - P[2] - P[3];
        P[6] = pBC * rr;
        P[7] = pBD * rr;
        P[5] = 1 - P[6] - P[7];
        P[11] = pCD * rr;
        P[10] = 1 - P[11];
        const na = a * P[0]!;
        const nb = a * P[1]! + b * P[5]!;
        const nc = a * P[2]! + b * P[6]! + c * P[10]!;
        const nd = a * P[3]! + b * P[7]! + c * P[11]! + d;
        a = na;
        b = nb;
        c = nc;
        d = nd;
        const drug = p[iZido!]! + (treated ? p[iLami!]! : 0);
        cost += (a * (cA + drug) + b * (cB + drug) + c * (cC + drug)) * df[t]!;
        ly += a + b + c;
      }
      out[2 * s] = cost;
      out[2 * s + 1] = ly;
    }
  };
}
