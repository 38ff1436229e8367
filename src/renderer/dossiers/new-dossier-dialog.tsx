import { useState } from 'react';
import { technologyTypes } from '../../dossier/schema';
import type { TechnologyType } from '../../dossier/schema';
import type { CreateDossierOptions } from '../db/workspace';
import { Dialog } from '../ui/dialog';
import { SelectField, TextField } from '../ui/fields';
import { useLanguage } from '../i18n/language';
import { errorText } from '../db/errors';

type Template = NonNullable<CreateDossierOptions['template']>;

export function NewDossierDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (options: CreateDossierOptions) => Promise<void> }) {
  const { t } = useLanguage();
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
      setError(t('library.titleRequired'));
      return;
    }
    setBusy(true);
    try {
      await onCreate({ title: title.trim(), technologyType: type, template });
      reset();
    } catch (e) {
      setError(errorText(e, t));
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={t('library.newTitle')}
      onClose={() => {
        reset();
        onClose();
      }}
      testId="new-dossier-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => { reset(); onClose(); }}>{t('common.cancel')}</button>
          <button type="submit" form="new-dossier-form" className="btn btn-primary" disabled={busy} data-testid="create-dossier">{t('library.create')}</button>
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
        <TextField label={t('library.title')} value={title} error={error ?? undefined} testId="new-dossier-title" onChange={setTitle} placeholder={t('library.titlePlaceholder')} />
        <SelectField<TechnologyType>
          label={t('library.technologyType')}
          value={type}
          testId="new-dossier-type"
          options={technologyTypes.map((type) => ({ value: type, label: t(`report.technology.${type}`) }))}
          onChange={setType}
        />
        <SelectField<Template>
          label={t('library.startFrom')}
          value={template}
          testId="new-dossier-template"
          options={[
            { value: 'diagnostic', label: t('library.templateDiagnostic') },
            { value: 'blank', label: t('library.templateBlank') },
            { value: 'example', label: t('library.templateExample') },
          ]}
          onChange={setTemplate}
        />
      </form>
    </Dialog>
  );
}
