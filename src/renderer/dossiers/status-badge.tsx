import type { DossierStatus } from '../../dossier/schema';
import { useLanguage } from '../i18n/language';

export function StatusBadge({ status }: { status: DossierStatus }) {
  const { t } = useLanguage();
  return <span className={`badge badge-${status}`} data-testid="status-badge">{t(`report.status.${status}`)}</span>;
}
