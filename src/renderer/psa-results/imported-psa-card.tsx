import { useLiveQuery } from 'dexie-react-hooks';
import { routeHash } from '../app/routes';
import { useWorkspace } from '../dossiers/workspace-context';
import { Card } from '../ui/fields';
import { useToasts } from '../ui/toasts';
import { formatCount, formatDateTime } from '../settings/display-format';

// A dossier's imported PSA results (stored from "Analyse PSA results…"): each opens the same charts again.

export function ImportedPsaCard({ dossierId }: { dossierId: string }) {
  const workspace = useWorkspace();
  const toasts = useToasts();
  const imports = useLiveQuery(() => workspace.psaImports.list(dossierId), [workspace, dossierId]);
  const readOnly = workspace.readOnlyReason !== null;
  const remove = async (id: string, fileName: string) => {
    try {
      await workspace.psaImports.remove(id);
      toasts.show({ message: `Removed the PSA results of ${fileName}.` });
    } catch (e) {
      toasts.show({ tone: 'error', message: `Could not remove them: ${e instanceof Error ? e.message : String(e)}` });
    }
  };
  return (
    <Card title="Imported PSA results" testId="imported-psa-card">
      {imports === undefined ? (
        <p className="empty">Loading…</p>
      ) : imports.length === 0 ? (
        <p className="empty">None yet. <a href={routeHash({ page: 'psa-results' })}>Analyse PSA results…</a> reads another model’s draws and stores them here.</p>
      ) : (
        <table className="table" data-testid="imported-psa-table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Strategies</th>
              <th scope="col" className="num">Draws</th>
              <th scope="col">Parameters</th>
              <th scope="col">Stored</th>
              <th scope="col" className="actions"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {imports.map((i) => (
              <tr key={i.id} data-testid="imported-psa-row">
                <td><a href={routeHash({ page: 'psa-results', importId: i.id })}>{i.fileName}</a></td>
                <td>{i.strategyIds.join(', ')}</td>
                <td className="num">{formatCount(i.draws)}</td>
                <td>{i.parameterNames.length === 0 ? '—' : formatCount(i.parameterNames.length)}</td>
                <td className="subtle-cell">{formatDateTime(i.importedAt)}</td>
                <td className="actions">
                  <a className="btn btn-sm" href={routeHash({ page: 'psa-results', importId: i.id })} aria-label={`Open the PSA results of ${i.fileName}`} data-testid="open-imported-psa">Open</a>{' '}
                  {!readOnly && <button type="button" className="btn btn-ghost btn-sm" onClick={() => void remove(i.id, i.fileName)} aria-label={`Remove the PSA results of ${i.fileName}`} data-testid="remove-imported-psa">Remove</button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
