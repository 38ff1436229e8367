import { Card, TextArea, TextField } from '../../ui/fields';
import { PlusIcon } from '../../ui/icons';
import { useToasts } from '../../ui/toasts';
import { addPico, linesToList, newLocalId, reinsertPico, removePico, updatePico, withoutBlankLines } from '../dossier-edits';
import type { SectionProps } from './section-props';
import { useLanguage } from '../../i18n/language';

export function PicoSection({ dossier, edit }: SectionProps) {
  const toasts = useToasts();
  const { t } = useLanguage();
  const remove = (picoId: string, label: string) => {
    const index = dossier.picos.findIndex((p) => p.id === picoId);
    const removed = dossier.picos[index];
    if (!removed) return;
    edit((d) => removePico(d, picoId));
    toasts.show({ message: t('dossier.pico.removed', { label }), actionLabel: t('dossier.undo'), onAction: () => edit((d) => reinsertPico(d, removed, index)) });
  };
  return (
    <div className="section-stack">
      {dossier.picos.map((pico, index) => (
        <Card
          key={pico.id}
          testId="pico-card"
          title={t('dossier.pico.title', { n: index + 1 })}
          actions={
            <button
              type="button"
              className="btn btn-sm btn-ghost"
              disabled={dossier.picos.length <= 1}
              title={dossier.picos.length <= 1 ? t('dossier.pico.atLeastOne') : undefined}
              onClick={() => remove(pico.id, pico.label)}
            >
              {t('dossier.remove')}
            </button>
          }
        >
          <div className="form-grid">
            <TextField className="span-2" label={t('dossier.pico.label')} value={pico.label} onChange={(label) => edit((d) => updatePico(d, pico.id, { label }))} />
            <TextArea label={t('dossier.pico.population')} rows={3} value={pico.population} onChange={(population) => edit((d) => updatePico(d, pico.id, { population }))} />
            <TextArea label={t('dossier.pico.intervention')} rows={3} value={pico.intervention} onChange={(intervention) => edit((d) => updatePico(d, pico.id, { intervention }))} />
            <ListArea label={t('dossier.pico.comparators')} values={pico.comparators} onChange={(comparators) => edit((d) => updatePico(d, pico.id, { comparators }))} />
            <ListArea label={t('dossier.pico.outcomes')} values={pico.outcomes} onChange={(outcomes) => edit((d) => updatePico(d, pico.id, { outcomes }))} />
          </div>
        </Card>
      ))}
      <div>
        <button
          type="button"
          className="btn"
          data-testid="add-pico"
          onClick={() =>
            edit((d) => addPico(d, { id: newLocalId('pico'), label: `PICO ${d.picos.length + 1}`, population: '', intervention: '', comparators: [], outcomes: [] }))
          }
        >
          <PlusIcon /> {t('dossier.pico.add')}
        </button>
      </div>
    </div>
  );
}

function ListArea({ label, values, onChange }: { label: string; values: string[]; onChange: (values: string[]) => void }) {
  const { t } = useLanguage();
  return (
    <div
      onBlur={() => {
        const cleaned = withoutBlankLines(values);
        if (cleaned.length !== values.length || cleaned.some((v, i) => v !== values[i])) onChange(cleaned);
      }}
    >
      <TextArea label={label} hint={t('dossier.pico.onePerLine')} rows={Math.min(10, Math.max(3, values.length + 1))} value={values.join('\n')} onChange={(text) => onChange(linesToList(text))} />
    </div>
  );
}
