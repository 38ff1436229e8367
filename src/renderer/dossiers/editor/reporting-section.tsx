import type { Reporting } from '../../../dossier/schema';
import { Card, TextArea, TextField } from '../../ui/fields';
import type { SectionProps } from './section-props';

// What assessment reports need and the rest of the dossier does not hold: the CHEERS 2022 items without another
// field, the assessors' limitations text and the confidentiality mark printed on every page.

interface FieldDef {
  key: keyof Reporting;
  label: string;
  hint: string;
}

const economicFields: readonly FieldDef[] = [
  { key: 'perspective', label: 'Perspective', hint: 'CHEERS 8: whose costs and outcomes count, and why (e.g. health-care payer; outcomes valued by the public).' },
  { key: 'setting', label: 'Setting and location', hint: 'CHEERS 6: country, health system and level of care the results apply to.' },
  { key: 'analysisPlan', label: 'Health economic analysis plan', hint: 'CHEERS 4: whether a plan was written before the analysis, and where it is available.' },
  { key: 'heterogeneity', label: 'Heterogeneity', hint: 'CHEERS 18: how results vary between subgroups.' },
  { key: 'distributionalEffects', label: 'Distributional effects', hint: 'CHEERS 19: how impacts fall across groups; equity adjustments.' },
];

const engagementFields: readonly FieldDef[] = [
  { key: 'engagement', label: 'Engagement with patients and others affected', hint: 'CHEERS 21: who was involved in the design, and how. Start with “Not applicable” when it does not apply.' },
  { key: 'engagementEffect', label: 'Effect of engagement', hint: 'CHEERS 25: what difference the engagement made to the approach or findings.' },
];

const declarationFields: readonly FieldDef[] = [
  { key: 'funding', label: 'Source of funding', hint: 'CHEERS 27: who funded the assessment and the funder’s role.' },
  { key: 'conflictsOfInterest', label: 'Conflicts of interest', hint: 'CHEERS 28: the assessors’ conflicts of interest.' },
];

export function ReportingSection({ dossier, edit }: SectionProps) {
  const r = dossier.reporting ?? {};
  const set = (patch: Partial<Reporting>) => edit((d) => ({ ...d, reporting: { ...d.reporting, ...patch } }));
  const area = (f: FieldDef) => (
    <TextArea key={f.key} className="span-2" label={f.label} hint={f.hint} rows={3} testId={`field-reporting-${f.key}`} value={r[f.key] ?? ''} onChange={(value) => set({ [f.key]: value })} />
  );
  return (
    <>
      <Card title="Economic evaluation (CHEERS 2022)">
        <div className="form-grid">{economicFields.map(area)}</div>
      </Card>
      <Card title="Engagement">
        <div className="form-grid">{engagementFields.map(area)}</div>
      </Card>
      <Card title="Declarations and limitations">
        <div className="form-grid">
          {declarationFields.map(area)}
          <TextArea
            className="span-2"
            label="Limitations (assessors’ comments)"
            hint="Printed after the generated list of assumptions, unverified evidence and engine warnings."
            rows={5}
            testId="field-reporting-limitations"
            value={r.limitations ?? ''}
            onChange={(limitations) => set({ limitations })}
          />
          <TextField
            className="span-2"
            label="Confidentiality mark"
            hint="Printed at the top of every report page, e.g. “Confidential — draft for review”."
            testId="field-reporting-confidentiality"
            value={r.confidentiality ?? ''}
            onChange={(confidentiality) => set({ confidentiality })}
          />
        </div>
      </Card>
    </>
  );
}
