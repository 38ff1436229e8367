// The dossier title is the one field the file format requires to be non-empty (and short). While the field holds a
// title that cannot be stored, the editor saves every other change with the last saved title, and the draft keeps
// exactly what was typed, so an empty title is a located field problem, never a failed save.
import { MAX_SHORT_TEXT } from '../../dossier/limits';
import type { Dossier } from '../../dossier/schema';

export type TitleProblem = { code: 'blank' } | { code: 'too-long'; count: number; max: number };

export function titleProblem(title: string): TitleProblem | null {
  if (!/\S/.test(title)) return { code: 'blank' };
  if (title.length > MAX_SHORT_TEXT) return { code: 'too-long', count: title.length, max: MAX_SHORT_TEXT };
  return null;
}

/** The draft as it can be stored: with `savedTitle` in place of a title that cannot be stored. */
export function savableDraft(draft: Dossier, savedTitle: string): Dossier {
  return titleProblem(draft.title) ? { ...draft, title: savedTitle } : draft;
}
