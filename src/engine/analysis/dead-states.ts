// Which trace states are death states, so survival (share alive) can be read from any model's trace, and which are
// progression-free states (partitioned survival, also inside tree sub-models), for progression-free survival.
import type { HtaModel } from '../model/schema';

type Structure = { type: string; states?: unknown; submodels?: Record<string, unknown> };

function deadOf(structure: Structure, out: Set<string>): void {
  if (structure.type === 'markov' && Array.isArray(structure.states)) {
    for (const s of structure.states as { id: string; dead?: boolean }[]) if (s.dead) out.add(s.id);
  } else if (structure.type === 'psm') {
    const states = (structure.states ?? {}) as { dead?: string };
    out.add(states.dead ?? 'Dead');
  } else if (structure.type === 'tree') {
    out.add('died_before_treatment');
    for (const sub of Object.values(structure.submodels ?? {})) deadOf(sub as Structure, out);
  }
}

/** Ids of the states in which the cohort is dead (Markov states marked dead, a PSM's dead state, trees' sub-models). */
export function deadStateIds(model: Pick<HtaModel, 'model'>): Set<string> {
  const out = new Set<string>();
  deadOf(model.model as unknown as Structure, out);
  return out;
}

function progressionFreeOf(structure: Structure, out: Set<string>): void {
  if (structure.type === 'psm') {
    const states = (structure.states ?? {}) as { progressionFree?: string };
    out.add(states.progressionFree ?? 'PF');
  } else if (structure.type === 'tree') {
    for (const sub of Object.values(structure.submodels ?? {})) progressionFreeOf(sub as Structure, out);
  }
}

/** Ids of partitioned-survival progression-free states (empty for Markov models, which have no such role). */
export function progressionFreeStateIds(model: Pick<HtaModel, 'model'>): Set<string> {
  const out = new Set<string>();
  progressionFreeOf(model.model as unknown as Structure, out);
  return out;
}
