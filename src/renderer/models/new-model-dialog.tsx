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
