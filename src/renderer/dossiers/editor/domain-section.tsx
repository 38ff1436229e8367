import { useId, useState } from 'react';
import { domainByCode, elementCardReference, elementTemplatesFor } from '../../../dossier/core-model';
import type { ElementTemplate } from '../../../dossier/core-model';
import { elementIdSchema, elementStatuses } from '../../../dossier/schema';
import type { Translate } from '../../../report/i18n/translate';
import { useLanguage } from '../../i18n/language';
import { domainName, elementIssue, elementTopic } from './core-model-text';
import type { AssessmentElement, DomainCode, Dossier, ElementStatus } from '../../../dossier/schema';
import { Dialog } from '../../ui/dialog';
import { Card, SelectField, TextArea, TextField } from '../../ui/fields';
import { PlusIcon } from '../../ui/icons';
import { useToasts } from '../../ui/toasts';
import { addElement, allElementIds, linkEvidence, reinsertElement, removeElement, unlinkEvidence, updateElement } from '../dossier-edits';
import type { SectionProps } from './section-props';

export function DomainSection({ dossier, edit, code }: SectionProps & { code: DomainCode }) {
  const domain = domainByCode(code);
  const elements = dossier.domains[code].elements;
  const [adding, setAdding] = useState(false);
  const toasts = useToasts();
  const { t } = useLanguage();
  const remove = (element: AssessmentElement) => {
    const index = elements.findIndex((el) => el.id === element.id);
    edit((d) => removeElement(d, code, element.id));
    toasts.show({
      message: t('dossier.domain.removed', { id: element.id }),
      actionLabel: t('dossier.undo'),
      onAction: () => edit((d) => reinsertElement(d, code, element, index)),
    });
  };
  return (
    <div className="section-stack">
      <Card
        title={
          <>
            <span className="mono">{domain.code}</span> · {domainName(t, domain.code)}
          </>
        }
        actions={
          <>
            <span className={domain.clinical ? 'badge badge-info' : 'badge badge-draft'}>{domain.clinical ? t('dossier.domain.clinical') : t('dossier.domain.nonClinical')}</span>
            <button type="button" className="btn btn-sm" data-testid="add-element" onClick={() => setAdding(true)}>
              <PlusIcon /> {t('dossier.domain.add')}
            </button>
          </>
        }
      >
        {elements.length === 0 ? (
          <p className="empty">{t('dossier.domain.none')}</p>
        ) : (
          elements.map((element) => (
            <ElementEditor
              key={element.id}
              element={element}
              dossier={dossier}
              onChange={(patch) => edit((d) => updateElement(d, code, element.id, patch))}
              onLink={(evidenceId) => edit((d) => linkEvidence(d, code, element.id, evidenceId))}
              onUnlink={(evidenceId) => edit((d) => unlinkEvidence(d, code, element.id, evidenceId))}
              onRemove={() => remove(element)}
            />
          ))
        )}
      </Card>
      <AddElementDialog
        open={adding}
        code={code}
        dossier={dossier}
        onClose={() => setAdding(false)}
        onAdd={(element) => {
          edit((d) => addElement(d, code, element));
          setAdding(false);
        }}
      />
    </div>
  );
}

function ElementEditor({
  element, dossier, onChange, onLink, onUnlink, onRemove,
}: {
  element: AssessmentElement;
  dossier: Dossier;
  onChange: (patch: Partial<AssessmentElement>) => void;
  onLink: (evidenceId: string) => void;
  onUnlink: (evidenceId: string) => void;
  onRemove: () => void;
}) {
  const { t } = useLanguage();
  const linkId = useId();
  const unlinked = dossier.evidence.filter((e) => !element.evidenceIds.includes(e.id));
  return (
    <article className="element" data-testid={`element-${element.id}`} aria-label={t('dossier.element.label', { id: element.id })}>
      <div className="element-head">
        <span className="element-id">{element.id}</span>
        <span className="element-question">{element.issue ? elementIssue(t, element.id, element.issue) : t('dossier.element.noQuestion')}</span>
        <span className="app-header-spacer" />
        <span className="element-topic">{elementTopic(t, element.topic)}</span>
      </div>
      <div className="element-body">
        <TextArea
          className="answer"
          label={t('dossier.element.answer')}
          rows={5}
          value={element.answer}
          testId={`answer-${element.id}`}
          onChange={(answer) => onChange({ answer })}
        />
        <SelectField<ElementStatus>
          label={t('dossier.element.status')}
          value={element.status}
          testId={`status-${element.id}`}
          options={elementStatuses.map((s) => ({ value: s, label: t(`dossier.element.status.${s}`) }))}
          onChange={(status) => onChange({ status })}
        />
        <div className="field">
          <label className="field-label" htmlFor={linkId}>{t('dossier.element.linkEvidence')}</label>
          <select
            id={linkId}
            className="select"
            value=""
            disabled={unlinked.length === 0}
            onChange={(event) => {
              if (event.target.value) onLink(event.target.value);
            }}
          >
            <option value="">{unlinked.length === 0 ? t('dossier.element.nothingToLink') : t('dossier.element.addLink')}</option>
            {unlinked.map((e) => (
              <option key={e.id} value={e.id}>{shortCitation(e.citation, t)}</option>
            ))}
          </select>
        </div>
        <div className="field span-all">
          <span className="field-label">{t('dossier.element.linked')}</span>
          <div className="chip-list" data-testid={`evidence-chips-${element.id}`}>
            {element.evidenceIds.length === 0 && <span className="subtle">{t('dossier.element.noneLinked')}</span>}
            {element.evidenceIds.map((id) => {
              const item = dossier.evidence.find((e) => e.id === id);
              const label = item ? shortCitation(item.citation, t) : id;
              return (
                <span key={id} className="chip" title={item?.citation}>
                  <span className="chip-label" data-user-content>{label}</span>
                  <button type="button" aria-label={t('dossier.element.unlink', { label })} onClick={() => onUnlink(id)}>×</button>
                </span>
              );
            })}
          </div>
        </div>
        <details className="span-all">
          <summary className="subtle">{t('dossier.element.details')}</summary>
          <div className="form-grid details-body">
            <TextField label={t('dossier.element.topic')} value={element.topic} onChange={(topic) => onChange({ topic })} />
            <div className="field field-end">
              <button type="button" className="btn btn-sm" onClick={onRemove} data-testid={`remove-element-${element.id}`}>{t('dossier.element.remove')}</button>
            </div>
            <TextArea className="span-2" label={t('dossier.element.issue')} rows={2} value={element.issue} onChange={(issue) => onChange({ issue })} />
          </div>
        </details>
      </div>
    </article>
  );
}

/** Where a suggested element's wording comes from, for its tooltip: the card, or why there is none. */
function templateOrigin(template: ElementTemplate, t: Translate): string {
  const origin = template.card ? elementCardReference(template.card) : template.wording === 'unverified' ? t('dossier.element.unverifiedOrigin') : t('dossier.element.paraphraseOrigin');
  return t('dossier.element.origin', { issue: elementIssue(t, template.id, template.issue), origin });
}

/** "Leighl NB et al. Clin Cancer Res 2019" from a long citation: the text before the title, else the start. */
export function shortCitation(citation: string, t: Translate): string {
  const trimmed = citation.trim();
  if (trimmed.length <= 60) return trimmed || t('dossier.element.untitledEvidence');
  return `${trimmed.slice(0, 57).trimEnd()}…`;
}

function AddElementDialog({
  open, code, dossier, onClose, onAdd,
}: { open: boolean; code: DomainCode; dossier: Dossier; onClose: () => void; onAdd: (element: AssessmentElement) => void }) {
  const { t } = useLanguage();
  const domain = domainByCode(code);
  const existing = allElementIds(dossier);
  const suggestions = elementTemplatesFor(code).filter((t) => !existing.has(t.id));
  const [id, setId] = useState('');
  const [topic, setTopic] = useState('');
  const [issue, setIssue] = useState('');
  const parsed = elementIdSchema.safeParse(id);
  const error =
    id === '' ? undefined
      : !parsed.success ? parsed.error.issues[0]?.message
      : id.charAt(0) !== domain.letter ? t('dossier.addElement.wrongLetter', { code: domain.code, letter: domain.letter })
      : existing.has(id) ? t('dossier.addElement.exists', { id })
      : undefined;
  const reset = () => {
    setId('');
    setTopic('');
    setIssue('');
  };
  return (
    <Dialog
      open={open}
      title={t('dossier.addElement.title', { code: domain.code })}
      onClose={() => {
        reset();
        onClose();
      }}
      testId="add-element-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => { reset(); onClose(); }}>{t('common.cancel')}</button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={id === '' || error !== undefined}
            onClick={() => {
              onAdd({ id, topic, issue, answer: '', status: 'not-started', evidenceIds: [] });
              reset();
            }}
          >
            {t('dossier.domain.add')}
          </button>
        </>
      }
    >
      <div className="section-stack">
        {suggestions.length > 0 && (
          <div className="field">
            <span className="field-label">{t('dossier.addElement.fromCoreModel')}</span>
            <div className="chip-list">
              {suggestions.map((s) => (
                <button key={s.id} type="button" className="btn btn-sm" title={templateOrigin(s, t)} onClick={() => { setId(s.id); setTopic(s.topic); setIssue(s.issue); }}>
                  {s.id}
                </button>
              ))}
            </div>
          </div>
        )}
        <TextField label={t('dossier.addElement.id')} hint={t('dossier.addElement.idHint', { example: `${domain.letter}0001` })} value={id} error={error} testId="new-element-id" onChange={setId} />
        <TextField label={t('dossier.element.topic')} value={topic} onChange={setTopic} />
        <TextArea label={t('dossier.element.issue')} rows={2} value={issue} onChange={setIssue} />
      </div>
    </Dialog>
  );
}
