import { routeHash } from '../../app/routes';
import { exampleIdForRef } from '../../models/model-catalog';
import { Card } from '../../ui/fields';
import type { SectionProps } from './section-props';

export function ModelLinksSection({ dossier }: Pick<SectionProps, 'dossier'>) {
  return (
    <Card title="Linked models">
      {dossier.modelLinks.length === 0 ? (
        <p className="empty">No models linked yet. Cost-effectiveness and budget-impact models are linked from the model screens.</p>
      ) : (
        <table className="table" data-testid="model-links-table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Reference</th>
              <th>Description</th>
              <th><span className="visually-hidden">Open</span></th>
            </tr>
          </thead>
          <tbody>
            {dossier.modelLinks.map((link) => (
              <tr key={link.id}>
                <td>{link.name}</td>
                <td className="mono">{link.ref}</td>
                <td>{link.description}</td>
                <td className="actions">
                  {exampleIdForRef(link.ref) !== null && (
                    <a className="btn btn-sm" href={routeHash({ page: 'model', modelId: exampleIdForRef(link.ref)!, tab: 'results' })} data-testid="open-linked-model" aria-label={`Open model ${link.name}`}>
                      Open model
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
