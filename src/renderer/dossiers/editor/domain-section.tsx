import { useId, useState } from 'react';
import { domainByCode, elementCardReference, elementTemplatesFor } from '../../../dossier/core-model';
import type { ElementTemplate } from '../../../dossier/core-model';
import { elementIdSchema, elementStatusLabels, elementStatuses } from '../../../dossier/schema';
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
  const remove = (element: AssessmentElement) => {
    const index = elements.findIndex((el) => el.id === element.id);
    edit((d) => removeElement(d, code, element.id));
    toasts.show({
      message: `Removed element ${element.id}.`,
      actionLabel: 'Undo',
      onAction: () => edit((d) => reinsertElement(d, code, element, index)),
    });
  };
  return (
    <div className="section-stack">
      <Card
        title={
          <>
            <span className="mono">{domain.code}</span> · {domain.name}
          </>
        }
        actions={
          <>
            <span className={domain.clinical ? 'badge badge-info' : 'badge badge-draft'}>{domain.clinical ? 'Clinical domain' : 'Non-clinical domain'}</span>
            <button type="button" className="btn btn-sm" data-testid="add-element" onClick={() => setAdding(true)}>
              <PlusIcon /> Add element
            </button>
          </>
        }
      >
        {elements.length === 0 ? (
          <p className="empty">No assessment elements in this domain yet.</p>
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
  const linkId = useId();
  const unlinked = dossier.evidence.filter((e) => !element.evidenceIds.includes(e.id));
  return (
    <article className="element" data-testid={`element-${element.id}`} aria-label={`Assessment element ${element.id}`}>
      <div className="element-head">
        <span className="element-id">{element.id}</span>
        <span className="element-question">{element.issue || 'No question'}</span>
        <span className="app-header-spacer" />
        <span className="element-topic">{element.topic}</span>
      </div>
      <div className="element-body">
        <TextArea
          className="answer"
          label="Answer"
          rows={5}
          value={element.answer}
          testId={`answer-${element.id}`}
          onChange={(answer) => onChange({ answer })}
        />
        <SelectField<ElementStatus>
          label="Status"
          value={element.status}
          testId={`status-${element.id}`}
          options={elementStatuses.map((s) => ({ value: s, label: elementStatusLabels[s] }))}
          onChange={(status) => onChange({ status })}
        />
        <div className="field">
          <label className="field-label" htmlFor={linkId}>Link evidence</label>
          <select
            id={linkId}
            className="select"
            value=""
            disabled={unlinked.length === 0}
            onChange={(event) => {
              if (event.target.value) onLink(event.target.value);
            }}
          >
            <option value="">{unlinked.length === 0 ? 'Nothing left to link' : 'Add a link…'}</option>
            {unlinked.map((e) => (
              <option key={e.id} value={e.id}>{shortCitation(e.citation)}</option>
            ))}
          </select>
        </div>
        <div className="field span-all">
          <span className="field-label">Linked evidence</span>
          <div className="chip-list" data-testid={`evidence-chips-${element.id}`}>
            {element.evidenceIds.length === 0 && <span className="subtle">None linked</span>}
            {element.evidenceIds.map((id) => {
              const item = dossier.evidence.find((e) => e.id === id);
              const label = item ? shortCitation(item.citation) : id;
              return (
                <span key={id} className="chip" title={item?.citation}>
                  <span className="chip-label">{label}</span>
                  <button type="button" aria-label={`Unlink ${label}`} onClick={() => onUnlink(id)}>×</button>
                </span>
              );
            })}
          </div>
        </div>
        <details className="span-all">
          <summary className="subtle">Edit element details</summary>
          <div className="form-grid details-body">
            <TextField label="Topic" value={element.topic} onChange={(topic) => onChange({ topic })} />
            <div className="field field-end">
              <button type="button" className="btn btn-sm" onClick={onRemove} data-testid={`remove-element-${element.id}`}>Remove element</button>
            </div>
            <TextArea className="span-2" label="Issue (question)" rows={2} value={element.issue} onChange={(issue) => onChange({ issue })} />
          </div>
        </details>
      </div>
    </article>
  );
}

/** Where a suggested element's wording comes from, for its tooltip: the card, or why there is none. */
function templateOrigin(t: ElementTemplate): string {
  const origin = t.card ? elementCardReference(t.card) : t.wording === 'unverified' ? 'Unverified: no element card was found' : 'Paraphrase: no card text was found';
  return `${t.issue} — ${origin}`;
}

/** "Leighl NB et al. Clin Cancer Res 2019" from a long citation: the text before the title, else the start. */
export function shortCitation(citation: string): string {
  const trimmed = citation.trim();
  if (trimmed.length <= 60) return trimmed || 'Untitled evidence';
  return `${trimmed.slice(0, 57).trimEnd()}…`;
}

function AddElementDialog({
  open, code, dossier, onClose, onAdd,
}: { open: boolean; code: DomainCode; dossier: Dossier; onClose: () => void; onAdd: (element: AssessmentElement) => void }) {
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
      : id.charAt(0) !== domain.letter ? `${domain.code} element ids start with ${domain.letter}`
      : existing.has(id) ? `${id} is already in this dossier`
      : undefined;
  const reset = () => {
    setId('');
    setTopic('');
    setIssue('');
  };
  return (
    <Dialog
      open={open}
      title={`Add an assessment element to ${domain.code}`}
      onClose={() => {
        reset();
        onClose();
      }}
      testId="add-element-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={() => { reset(); onClose(); }}>Cancel</button>
          <button
            type="button"
            className="btn btn-primary"
            disabled={id === '' || error !== undefined}
            onClick={() => {
              onAdd({ id, topic, issue, answer: '', status: 'not-started', evidenceIds: [] });
              reset();
            }}
          >
            Add element
          </button>
        </>
      }
    >
      <div className="section-stack">
        {suggestions.length > 0 && (
          <div className="field">
            <span className="field-label">From the HTA Core Model (wording from each element’s card)</span>
            <div className="chip-list">
              {suggestions.map((t) => (
                <button key={t.id} type="button" className="btn btn-sm" title={templateOrigin(t)} onClick={() => { setId(t.id); setTopic(t.topic); setIssue(t.issue); }}>
                  {t.id}
                </button>
              ))}
            </div>
          </div>
        )}
        <TextField label="Element id" hint={`e.g. ${domain.letter}0001`} value={id} error={error} testId="new-element-id" onChange={setId} />
        <TextField label="Topic" value={topic} onChange={setTopic} />
        <TextArea label="Issue (question)" rows={2} value={issue} onChange={setIssue} />
      </div>
    </Dialog>
  );
}
