import { dossierStatusLabels } from '../../dossier/schema';
import type { DossierStatus } from '../../dossier/schema';

export function StatusBadge({ status }: { status: DossierStatus }) {
  return <span className={`badge badge-${status}`} data-testid="status-badge">{dossierStatusLabels[status]}</span>;
}
