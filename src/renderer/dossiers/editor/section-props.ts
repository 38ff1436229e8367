import type { Dossier } from '../../../dossier/schema';

/** Every editor section edits the draft through one function that maps the dossier to its next version. */
export interface SectionProps {
  dossier: Dossier;
  edit: (change: (d: Dossier) => Dossier) => void;
}
