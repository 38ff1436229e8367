import { technologyTypes } from '../../../dossier/schema';
import { useLanguage } from '../../i18n/language';
import type { Technology } from '../../../dossier/schema';
import { Card, SelectField, TextArea, TextField } from '../../ui/fields';
import type { SectionProps } from './section-props';

export function TechnologySection({ dossier, edit }: SectionProps) {
  const set = (patch: Partial<Technology>) => edit((d) => ({ ...d, technology: { ...d.technology, ...patch } }));
  const { t } = useLanguage();
  const tech = dossier.technology;
  return (
    <Card title={t('dossier.technology.title')}>
      <div className="form-grid">
        <TextField label={t('dossier.technology.name')} value={tech.name} testId="field-technology-name" onChange={(name) => set({ name })} />
        <SelectField
          label={t('dossier.technology.type')}
          value={tech.type}
          testId="field-technology-type"
          options={technologyTypes.map((type) => ({ value: type, label: t(`report.technology.${type}`) }))}
          onChange={(type) => set({ type })}
        />
        <TextField label={t('dossier.technology.manufacturer')} value={tech.manufacturer} onChange={(manufacturer) => set({ manufacturer })} />
        <TextField
          label={t('dossier.technology.regulatory')}
          hint={t('dossier.technology.regulatoryHint')}
          value={tech.regulatoryStatus}
          onChange={(regulatoryStatus) => set({ regulatoryStatus })}
        />
        <TextArea className="span-2" label={t('dossier.technology.intendedUse')} rows={5} value={tech.intendedUse} onChange={(intendedUse) => set({ intendedUse })} />
      </div>
    </Card>
  );
}
