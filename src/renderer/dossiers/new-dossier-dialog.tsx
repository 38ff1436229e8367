import { useState } from 'react';
import { technologyTypeLabels, technologyTypes } from '../../dossier/schema';
import type { TechnologyType } from '../../dossier/schema';
import type { CreateDossierOptions } from '../db/workspace';
import { Dialog } from '../ui/dialog';
import { SelectField, TextField } from '../ui/fields';

type Template = NonNullable<CreateDossierOptions['template']>;

export function NewDossierDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (options: CreateDossierOptions) => Promise<void> }) {
  const [title, setTitle] = useState('');
  const [type, setType] = useState<TechnologyType>('liquid-biopsy');
  const [template, setTemplate] = useState<Template>('diagnostic');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const reset = () => {
    setTitle('');
    setError(null);
    setBusy(false);
  };
  const submit = async () => {
    if (title.trim() === '') {
      setError('Give the dossier a title.');
      return;
    }
    setBusy(true);
    try {
      await onCreate({ title: title.trim(), technologyType: type, template });
      reset();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title="New dossier"
      onClose={() => {
        reset();
        onClose();
      }}
      testId="new-dossier-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => { reset(); onClose(); }}>Cancel</button>
          <button type="submit" form="new-dossier-form" className="btn btn-primary" disabled={busy} data-testid="create-dossier">Create dossier</button>
        </>
      }
    >
      <form
        id="new-dossier-form"
        className="section-stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <TextField label="Title" value={title} error={error ?? undefined} testId="new-dossier-title" onChange={setTitle} placeholder="e.g. Tissue NGS panel for advanced NSCLC" />
        <SelectField<TechnologyType>
          label="Technology type"
          value={type}
          testId="new-dossier-type"
          options={technologyTypes.map((t) => ({ value: t, label: technologyTypeLabels[t] }))}
          onChange={setType}
        />
        <SelectField<Template>
          label="Start from"
          value={template}
          testId="new-dossier-template"
          options={[
            { value: 'diagnostic', label: 'Core Model elements for a diagnostic technology' },
            { value: 'blank', label: 'Empty domains' },
            { value: 'example', label: 'A copy of the bundled liquid-biopsy example' },
          ]}
          onChange={setTemplate}
        />
      </form>
    </Dialog>
  );
}
