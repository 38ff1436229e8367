import { technologyTypeLabels, technologyTypes } from '../../../dossier/schema';
import type { Technology } from '../../../dossier/schema';
import { Card, SelectField, TextArea, TextField } from '../../ui/fields';
import type { SectionProps } from './section-props';

export function TechnologySection({ dossier, edit }: SectionProps) {
  const set = (patch: Partial<Technology>) => edit((d) => ({ ...d, technology: { ...d.technology, ...patch } }));
  const t = dossier.technology;
  return (
    <Card title="Technology">
      <div className="form-grid">
        <TextField label="Name" value={t.name} testId="field-technology-name" onChange={(name) => set({ name })} />
        <SelectField
          label="Type"
          value={t.type}
          testId="field-technology-type"
          options={technologyTypes.map((type) => ({ value: type, label: technologyTypeLabels[type] }))}
          onChange={(type) => set({ type })}
        />
        <TextField label="Manufacturer" value={t.manufacturer} onChange={(manufacturer) => set({ manufacturer })} />
        <TextField
          label="Regulatory status"
          hint="e.g. CE-IVDR class C; FDA PMA"
          value={t.regulatoryStatus}
          onChange={(regulatoryStatus) => set({ regulatoryStatus })}
        />
        <TextArea className="span-2" label="Intended use" rows={5} value={t.intendedUse} onChange={(intendedUse) => set({ intendedUse })} />
      </div>
    </Card>
  );
}
