// Upper bounds on what a model file may ask of the engine: generous for real models, small enough that a
// mistyped or hostile file gets a located error instead of hanging or exhausting memory. One place, so the
// schema, the compilers, the docs (docs/model-format.md, "Limits") and the tests agree.

/** Most cycles a model may run (settings.cycles, or horizon / cycleLength): 100,000 monthly cycles = 8,333 years. */
export const MAX_CYCLES = 100_000;
/** Shortest cycle length in years (about 53 minutes) and the longest (a century). */
export const MIN_CYCLE_LENGTH = 1e-4;
export const MAX_CYCLE_LENGTH = 100;
/** Most states after tunnel states are expanded (each state counts maxStateTime times). */
export const MAX_EXPANDED_STATES = 100_000;
/** Most cells of one strategy's Markov trace: (cycles + 1) × expanded states (80 MB of doubles). */
export const MAX_TRACE_CELLS = 10_000_000;
/** Most rows of one lookup table. */
export const MAX_TABLE_ROWS = 1_000_000;
/** Longest expression, in characters. */
export const MAX_EXPRESSION_LENGTH = 10_000;
/** Deepest nesting of an expression (brackets, calls, operators): deeper trees could overflow the stack. */
export const MAX_EXPRESSION_DEPTH = 200;
/** Deepest nesting of arrays and objects in a model file (a decision tree needs two levels per tree level). */
export const MAX_MODEL_JSON_DEPTH = 200;
/** Most branches of one strategy's decision tree once diagnostic steps are expanded (tests multiply them). */
export const MAX_TREE_NODES = 200_000;
/** Most strategies and scenarios: each is compiled and run on its own (validation, DSA scenario comparison). */
export const MAX_STRATEGIES = 1_000;
export const MAX_SCENARIOS = 500;

/**
 * A whole number with thousands separators, as `toLocaleString('en-US')` writes it, without Intl: the first Intl
 * call of a process costs ~12 ms (ICU set-up), too much for messages built when a module loads.
 */
export function withThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
