import { useLiveQuery } from 'dexie-react-hooks';
import { routeHash } from '../app/routes';
import { useWorkspace } from '../dossiers/workspace-context';
import { Card } from '../ui/fields';
import { useToasts } from '../ui/toasts';
import { displayFormats, formatCount } from '../settings/display-format';
import { useLanguage } from '../i18n/language';
import { errorText } from '../db/errors';

// A dossier's imported PSA results (stored from "Analyse PSA results…"): each opens the same charts again.

export function ImportedPsaCard({ dossierId }: { dossierId: string }) {
  const { t } = useLanguage();
  const workspace = useWorkspace();
  const toasts = useToasts();
  const imports = useLiveQuery(() => workspace.psaImports.list(dossierId), [workspace, dossierId]);
  const readOnly = workspace.readOnlyReason !== null;
  const remove = async (id: string, fileName: string) => {
    try {
      await workspace.psaImports.remove(id);
      toasts.show({ message: t('psa.removed', { file: fileName }) });
    } catch (e) {
      toasts.show({ tone: 'error', message: t('psa.removeFailed', { message: errorText(e, t) }) });
    }
  };
  return (
    <Card title={t('psa.importedTitle')} testId="imported-psa-card">
      {imports === undefined ? (
        <p className="empty">{t('common.loading')}</p>
      ) : imports.length === 0 ? (
        <p className="empty">{t('psa.noneYet')} <a href={routeHash({ page: 'psa-results' })}>{t('psa.analyseLink')}</a> {t('psa.noneYetAfter')}</p>
      ) : (
        <table className="table" data-testid="imported-psa-table">
          <thead>
            <tr>
              <th scope="col">{t('psa.file')}</th>
              <th scope="col">{t('psa.strategies')}</th>
              <th scope="col" className="num">{t('uncertainty.drawsAxis')}</th>
              <th scope="col">{t('report.methods.parameters')}</th>
              <th scope="col">{t('psa.stored')}</th>
              <th scope="col" className="actions"><span className="visually-hidden">{t('rates.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {imports.map((i) => (
              <tr key={i.id} data-testid="imported-psa-row">
                <td><a href={routeHash({ page: 'psa-results', importId: i.id })}>{i.fileName}</a></td>
                <td>{i.strategyIds.join(', ')}</td>
                <td className="num">{formatCount(i.draws)}</td>
                <td>{i.parameterNames.length === 0 ? '—' : formatCount(i.parameterNames.length)}</td>
                <td className="subtle-cell">{displayFormats().dateTime(i.importedAt)}</td>
                <td className="actions">
                  <a className="btn btn-sm" href={routeHash({ page: 'psa-results', importId: i.id })} aria-label={t('psa.openOf', { file: i.fileName })} data-testid="open-imported-psa">{t('psa.open')}</a>{' '}
                  {!readOnly && <button type="button" className="btn btn-ghost btn-sm" onClick={() => void remove(i.id, i.fileName)} aria-label={t('psa.removeOf', { file: i.fileName })} data-testid="remove-imported-psa">{t('rates.remove')}</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
