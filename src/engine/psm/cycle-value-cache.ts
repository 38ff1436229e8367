// Cycle-dependent state values shared within one evaluation by the partitioned-survival sub-models of a hybrid.
// Sub-models that differ only by their curves (e.g. one per alteration) often cost their states alike, e.g.
// `if(time < 2, c_cio_month, c_maint_month)`: every such sub-model would evaluate the same expressions at every
// cycle, with the same values. The values of a list of expressions at every cycle depend only on the expressions
// and on the values they read (parameters that do not vary with the cycle, and the model time of the cycle, the
// same in every sub-model of a hybrid); the cache is keyed on exactly those, so a hit is the same doubles by
// construction. Nothing is kept from one evaluation to the next.
import { sameValue } from './survival';

export class CycleValueCache {
  private readonly entries: { evaluation: number; key: string; read: Float64Array; values: Float64Array }[] = [];
  private evaluation = 0;
  private next = 0;
  private static readonly MAX_ENTRIES = 16;

  /** Forgets every entry (call at the start of each evaluation). */
  startEvaluation(): void {
    this.evaluation++;
  }

  /**
   * Copies the first `n` values remembered in this evaluation under `key` (the expressions and the model time)
   * with the same values read into out; false when there are none.
   */
  copy(key: string, read: Float64Array, n: number, out: Float64Array): boolean {
    for (let k = 0; k < this.entries.length; k++) {
      const e = this.entries[k]!;
      if (e.evaluation !== this.evaluation || e.key !== key || e.values.length < n || !sameValues(e.read, read)) continue;
      const values = e.values;
      for (let i = 0; i < n; i++) out[i] = values[i]!;
      return true;
    }
    return false;
  }

  /** Keeps the first `n` values of `values` under `key` and the values read. */
  remember(key: string, read: Float64Array, n: number, values: Float64Array): void {
    let e: (typeof this.entries)[number] | undefined;
    for (let k = 0; k < this.entries.length && !e; k++) if (this.entries[k]!.evaluation !== this.evaluation) e = this.entries[k];
    if (!e) {
      if (this.entries.length < CycleValueCache.MAX_ENTRIES) {
        e = { evaluation: 0, key, read: new Float64Array(read.length), values: new Float64Array(n) };
        this.entries.push(e);
      } else {
        e = this.entries[this.next]!;
        this.next = (this.next + 1) % CycleValueCache.MAX_ENTRIES;
      }
    }
    if (e.read.length !== read.length) e.read = new Float64Array(read.length);
    if (e.values.length < n) e.values = new Float64Array(n);
    e.evaluation = this.evaluation;
    e.key = key;
    e.read.set(read);
    const out = e.values;
    for (let i = 0; i < n; i++) out[i] = values[i]!;
  }
}

/** Same length and the same values, NaN equal to NaN and 0 apart from -0 (Object.is): what an expression can tell apart. */
function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameValue(a[i]!, b[i]!)) return false;
  return true;
}
