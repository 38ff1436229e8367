import { useState } from 'react';
import { MODEL_TEMPLATES } from '../../engine/model/templates';
import type { ModelTemplate, TemplateName } from '../../engine/model/templates';
import type { ModelDocumentJson } from '../../engine/model/document-edits';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import { useLanguage } from '../i18n/language';
import { Dialog } from '../ui/dialog';
import { errorText } from '../db/errors';

// "New model…": choose a template (each valid and runnable as created), then build it on the Structure tab.

/** A template's name and description as shown (the engine's template ids and files stay as they are). */
export function templateWords(id: ModelTemplate['id']): { title: MessageKey; description: MessageKey } {
  return { title: `models.template.${id}`, description: `models.template.${id}.description` };
}

const templateNameKeys: Record<TemplateName, MessageKey> = {
  'New Markov model': 'models.templateName.newMarkov',
  'New partitioned survival model': 'models.templateName.newPsm',
  'New test-and-treat model': 'models.templateName.newTreeHybrid',
  'New budget impact analysis': 'models.templateName.newBudgetImpact',
  'Standard care': 'models.templateName.standardCare',
  'New treatment': 'models.templateName.newTreatment',
  'No testing': 'models.templateName.noTesting',
  'Test and treat': 'models.templateName.testAndTreat',
  'A two-state Markov cohort model to build on: add states, transitions, values and strategies.': 'models.templateName.markovDescription',
  'Progression-free, progressed and dead states read from PFS and OS curves; the new treatment acts through hazard ratios.': 'models.templateName.psmDescription',
  'A decision tree with a diagnostic test sequence (test, re-test when there is no result) leading into Markov cohort sub-models.': 'models.templateName.treeHybridDescription',
  'A Markov model of the current and the new treatment, with a five-year budget impact of moving patients to the new one.': 'models.templateName.budgetImpactDescription',
  'Direct medical': 'models.templateName.directMedical',
  'Drugs': 'models.templateName.drugs',
  'Care': 'models.templateName.care',
  'Testing': 'models.templateName.testing',
  'Treatment': 'models.templateName.treatment',
  'Annual probability of death': 'models.templateName.pDeath',
  'Yearly cost while alive': 'models.templateName.costAlive',
  'Utility while alive': 'models.templateName.utilityAlive',
  'Weibull shape of PFS on standard care': 'models.templateName.pfsShape',
  'Weibull scale of PFS on standard care': 'models.templateName.pfsScale',
  'Weibull shape of OS on standard care': 'models.templateName.osShape',
  'Weibull scale of OS on standard care': 'models.templateName.osScale',
  'Hazard ratio of progression, new treatment vs standard care': 'models.templateName.hrProgression',
  'Hazard ratio of death, new treatment vs standard care': 'models.templateName.hrDeath',
  'Drug cost of the new treatment while progression-free': 'models.templateName.costNewDrug',
  'Care cost per month alive': 'models.templateName.costCare',
  '1 on the new treatment (set by the strategy)': 'models.templateName.onNewTreatment',
  years: 'structure.unit.year',
  days: 'structure.unit.day',
  'EUR per month': 'models.templateName.unitEurPerMonth',
  'PFS, standard care': 'models.templateName.pfsStandardCare',
  'OS, standard care': 'models.templateName.osStandardCare',
  'PFS, new treatment': 'models.templateName.pfsNewTreatment',
  'OS, new treatment': 'models.templateName.osNewTreatment',
  'Share with the targetable alteration': 'models.templateName.prevalence',
  'Test sensitivity': 'models.templateName.sensitivity',
  'Test specificity': 'models.templateName.specificity',
  'Share of tests without a result': 'models.templateName.noResult',
  'Cost per test': 'models.templateName.costTest',
  'Turnaround time': 'models.templateName.turnaround',
  'Annual death probability on targeted therapy (with the target)': 'models.templateName.pDeathTargeted',
  'Annual death probability on standard therapy': 'models.templateName.pDeathStandard',
  'Yearly cost of targeted therapy': 'models.templateName.costTargeted',
  'Yearly cost of standard therapy': 'models.templateName.costStandard',
  'Molecular test': 'models.templateName.molecularTest',
  'Testing strategy': 'models.templateName.testingStrategy',
  're-test': 'models.templateName.retest',
  'Yearly cost while alive on the new treatment': 'models.templateName.costNewTreatment',
  'Budget impact of the new treatment': 'models.templateName.budgetImpactLabel',
  'Patients starting treatment each year': 'models.templateName.eligiblePatients',
  'Assumption: replace with local data': 'models.templateName.eligibleSource',
  Alive: 'modelWords.state.alive',
  Dead: 'modelWords.state.dead',
};

/**
 * A template's model with the names it gives in the display language: stored as first shown, then the user's to
 * edit (simpler than marking them as the app's own and translating on every screen, report and export).
 */
export function templateDocument(template: ModelTemplate, t: Translate): ModelDocumentJson {
  return template.create((name) => t(templateNameKeys[name]));
}

/** A model's template as its origin names it (the English title stored with the model, or the id), in the display language. */
export function templateTitle(ref: string, t: Translate): string {
  const template = MODEL_TEMPLATES.find((x) => x.title === ref || x.id === ref);
  return template ? t(templateWords(template.id).title) : ref;
}

export function NewModelDialog({ open, onClose, onCreate }: { open: boolean; onClose: () => void; onCreate: (template: ModelTemplate) => Promise<void> }) {
  const { t } = useLanguage();
  const [choice, setChoice] = useState<string>(MODEL_TEMPLATES[0]!.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const create = async () => {
    setBusy(true);
    try {
      await onCreate(MODEL_TEMPLATES.find((template) => template.id === choice)!);
      onClose();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      title={t('models.newTitle')}
      onClose={onClose}
      testId="new-model-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" onClick={() => void create()} disabled={busy} data-testid="new-model-create">{t('models.create')}</button>
        </>
      }
    >
      <fieldset className="template-choices">
        <legend className="subtle">{t('models.templateIntro')}</legend>
        {MODEL_TEMPLATES.map((template) => (
          <label key={template.id} className="template-choice" data-testid={`template-${template.id}`}>
            <input type="radio" name="model-template" value={template.id} checked={choice === template.id} onChange={() => setChoice(template.id)} />
            <span>
              <strong>{t(templateWords(template.id).title)}</strong>
              <span className="subtle">{t(templateWords(template.id).description)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error && <p className="field-error" role="alert">{error}</p>}
    </Dialog>
  );
}
