import type { Reporting } from '../../../dossier/schema';
import { Card, TextArea, TextField } from '../../ui/fields';
import type { SectionProps } from './section-props';
import type { MessageKey } from '../../../report/i18n/translate';
import { useLanguage } from '../../i18n/language';

// What assessment reports need and the rest of the dossier does not hold: the CHEERS 2022 items without another
// field, the assessors' limitations text and the confidentiality mark printed on every page.

interface FieldDef {
  key: keyof Reporting;
  label: MessageKey;
  hint: MessageKey;
}

const economicFields: readonly FieldDef[] = [
  { key: 'perspective', label: 'dossier.reporting.perspective', hint: 'dossier.reporting.perspectiveHint' },
  { key: 'setting', label: 'dossier.reporting.setting', hint: 'dossier.reporting.settingHint' },
  { key: 'analysisPlan', label: 'dossier.reporting.analysisPlan', hint: 'dossier.reporting.analysisPlanHint' },
  { key: 'heterogeneity', label: 'dossier.reporting.heterogeneity', hint: 'dossier.reporting.heterogeneityHint' },
  { key: 'distributionalEffects', label: 'dossier.reporting.distributional', hint: 'dossier.reporting.distributionalHint' },
];

const engagementFields: readonly FieldDef[] = [
  { key: 'engagement', label: 'dossier.reporting.engagementField', hint: 'dossier.reporting.engagementHint' },
  { key: 'engagementEffect', label: 'dossier.reporting.engagementEffect', hint: 'dossier.reporting.engagementEffectHint' },
];

const declarationFields: readonly FieldDef[] = [
  { key: 'funding', label: 'dossier.reporting.funding', hint: 'dossier.reporting.fundingHint' },
  { key: 'conflictsOfInterest', label: 'dossier.reporting.conflicts', hint: 'dossier.reporting.conflictsHint' },
];

export function ReportingSection({ dossier, edit }: SectionProps) {
  const { t } = useLanguage();
  const r = dossier.reporting ?? {};
  const set = (patch: Partial<Reporting>) => edit((d) => ({ ...d, reporting: { ...d.reporting, ...patch } }));
  const area = (f: FieldDef) => (
    <TextArea key={f.key} className="span-2" label={t(f.label)} hint={t(f.hint)} rows={3} testId={`field-reporting-${f.key}`} value={r[f.key] ?? ''} onChange={(value) => set({ [f.key]: value })} />
  );
  return (
    <>
      <Card title={t('dossier.reporting.economic')}>
        <div className="form-grid">{economicFields.map(area)}</div>
      </Card>
      <Card title={t('dossier.reporting.engagement')}>
        <div className="form-grid">{engagementFields.map(area)}</div>
      </Card>
      <Card title={t('dossier.reporting.declarations')}>
        <div className="form-grid">
          {declarationFields.map(area)}
          <TextArea
            className="span-2"
            label={t('dossier.reporting.limitations')}
            hint={t('dossier.reporting.limitationsHint')}
            rows={5}
            testId="field-reporting-limitations"
            value={r.limitations ?? ''}
            onChange={(limitations) => set({ limitations })}
          />
          <TextField
            className="span-2"
            label={t('dossier.reporting.confidentiality')}
            hint={t('dossier.reporting.confidentialityHint')}
            testId="field-reporting-confidentiality"
            value={r.confidentiality ?? ''}
            onChange={(confidentiality) => set({ confidentiality })}
          />
        </div>
      </Card>
    </>
  );
}
