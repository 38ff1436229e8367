import { useState } from 'react';
import { MODEL_TEMPLATES } from '../../engine/model/templates';
import type { ModelTemplate } from '../../engine/model/templates';
import { Dialog } from '../ui/dialog';

// "New model…": choose a template (each valid and runnable as created), then build it on the Structure tab.

export function NewModelDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (template: ModelTemplate) => Promise<void> }) {
  const [choice, setChoice] = useState<string>(MODEL_TEMPLATES[0]!.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setBusy(true);
    try {
      await onCreate(MODEL_TEMPLATES.find((t) => t.id === choice)!);
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title="New model"
      onClose={onClose}
      testId="new-model-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" onClick={() => void create()} disabled={busy} data-testid="new-model-create">Create model</button>
        </>
      }
    >
      <fieldset className="template-choices">
        <legend className="subtle">Start from a template; every template runs as it is, so results show from the first edit.</legend>
        {MODEL_TEMPLATES.map((t) => (
          <label key={t.id} className="template-choice" data-testid={`template-${t.id}`}>
            <input type="radio" name="model-template" value={t.id} checked={choice === t.id} onChange={() => setChoice(t.id)} />
            <span>
              <strong>{t.title}</strong>
              <span className="subtle">{t.description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error && <p className="field-error" role="alert">{error}</p>}
    </Dialog>
  );
}
