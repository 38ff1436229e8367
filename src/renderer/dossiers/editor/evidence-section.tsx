import { useState } from 'react';
import { evidenceSchema } from '../../../dossier/schema';
import type { AccuracyEstimate, Evidence } from '../../../dossier/schema';
import { Dialog } from '../../ui/dialog';
import { Card, TextArea, TextField } from '../../ui/fields';
import { PlusIcon } from '../../ui/icons';
import { useToasts } from '../../ui/toasts';
import { formatAccuracy, newLocalId, removeEvidence, upsertEvidence } from '../dossier-edits';
import type { SectionProps } from './section-props';
import { blankTwoByTwo, QuadasFields, quadasDraft, quadasFromDraft, TwoByTwoFields, twoByTwoDrafts, twoByTwoFromDrafts } from './evidence-accuracy-fields';
import type { QuadasDraft, TwoByTwoDraft } from './evidence-accuracy-fields';
import { numberOrNaN } from '../../settings/display-format';

export function EvidenceSection({ dossier, edit }: SectionProps) {
  const [editing, setEditing] = useState<Evidence | null>(null);
  const toasts = useToasts();
  const linkCount = (id: string) => Object.values(dossier.domains).reduce((n, dom) => n + dom.elements.filter((el) => el.evidenceIds.includes(id)).length, 0);
  const remove = (item: Evidence) => {
    const before = dossier;
    edit((d) => removeEvidence(d, item.id));
    toasts.show({
      message: `Removed evidence “${item.citation.slice(0, 40)}${item.citation.length > 40 ? '…' : ''}”.`,
      actionLabel: 'Undo',
      // Undo restores the item and its links exactly as they were.
      onAction: () => edit((d) => ({ ...d, evidence: before.evidence, domains: before.domains })),
    });
  };
  return (
    <Card
      flush
      title="Evidence register"
      actions={
        <button type="button" className="btn btn-sm btn-primary" data-testid="add-evidence" onClick={() => setEditing(blankEvidence())}>
          <PlusIcon /> Add evidence
        </button>
      }
    >
      {dossier.evidence.length === 0 ? (
        <p className="empty">No evidence yet. Add studies to cite them from assessment elements.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-fixed evidence-table" data-testid="evidence-table">
            <colgroup>
              <col />
              <col className="w-n" />
              <col className="w-tests narrow-hidden" />
              <col className="w-accuracy" />
              <col className="w-links narrow-hidden" />
              <col className="w-evidence-actions" />
            </colgroup>
            <thead>
              <tr>
                <th>Citation and design</th>
                <th className="num">n</th>
                <th className="narrow-hidden">Index / reference test</th>
                <th>Accuracy (95% CI)</th>
                <th className="num narrow-hidden">Links</th>
                <th className="actions"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {dossier.evidence.map((item) => (
                <tr key={item.id} data-testid="evidence-row">
                  <td>
                    <div className="clamp citation">{item.citation || <span className="subtle">No citation</span>}</div>
                    <div className="evidence-meta">
                      {item.unverified && <span className="badge badge-unverified" title="Figures not checked against the primary source" data-testid="unverified-badge">Unverified</span>}
                      {item.secondarySource && <span className="badge badge-draft">Secondary source</span>}
                      {(item.twoByTwo?.length ?? 0) > 0 && <span className="badge badge-info" title="2×2 tables in the Test accuracy section">2×2 ×{item.twoByTwo!.length}</span>}
                      {item.quadas && <span className="badge badge-draft" title="Judged with QUADAS-2">QUADAS-2</span>}
                      {item.design && <span className="subtle one-line" title={item.design}>{item.design}</span>}
                    </div>
                    {(item.indexTest || item.referenceTest) && <div className="narrow-only-block subtle"><span className="clamp">{[item.indexTest, item.referenceTest].filter(Boolean).join(' vs ')}</span></div>}
                  </td>
                  <td className="num">{item.n ?? '—'}</td>
                  <td className="tests-cell narrow-hidden"><div className="clamp">{[item.indexTest, item.referenceTest].filter(Boolean).join(' vs ') || '—'}</div></td>
                  <td className="nowrap accuracy-cell">
                    {item.sensitivity || item.specificity ? (
                      <>
                        <div><abbr title="Sensitivity">Se</abbr> {formatAccuracy(item.sensitivity)}</div>
                        <div><abbr title="Specificity">Sp</abbr> {formatAccuracy(item.specificity)}</div>
                      </>
                    ) : (
                      <span className="subtle">—</span>
                    )}
                  </td>
                  <td className="num narrow-hidden">{linkCount(item.id)}</td>
                  <td className="actions">
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing(item)} aria-label={`Edit ${item.citation}`}>Edit</button>
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => remove(item)} aria-label={`Remove ${item.citation}`} data-testid="remove-evidence">Remove</button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing && (
        <EvidenceDialog
          key={editing.id}
          initial={editing}
          isNew={!dossier.evidence.some((e) => e.id === editing.id)}
          onClose={() => setEditing(null)}
          onSave={(item) => {
            edit((d) => upsertEvidence(d, item));
            setEditing(null);
          }}
        />
      )}
    </Card>
  );
}

function blankEvidence(): Evidence {
  return {
    id: newLocalId('ev'), citation: '', design: '', population: '', n: null, indexTest: '', referenceTest: '',
    sensitivity: null, specificity: null, notes: '', unverified: false, secondarySource: false,
  };
}

interface AccuracyText {
  estimate: string;
  lower: string;
  upper: string;
}

function accuracyToText(value: AccuracyEstimate | null): AccuracyText {
  return { estimate: value ? String(value.estimate) : '', lower: value?.lower != null ? String(value.lower) : '', upper: value?.upper != null ? String(value.upper) : '' };
}

/** The estimate from three text boxes: null when all are empty; NaN marks text that is not a number. */
export function accuracyFromText(text: AccuracyText): AccuracyEstimate | null {
  if (text.estimate.trim() === '' && text.lower.trim() === '' && text.upper.trim() === '') return null;
  const num = (s: string) => (s.trim() === '' ? null : numberOrNaN(s));
  return { estimate: num(text.estimate) ?? Number.NaN, lower: num(text.lower), upper: num(text.upper) };
}

type Draft = Omit<Evidence, 'n' | 'sensitivity' | 'specificity' | 'twoByTwo' | 'quadas'> & {
  n: string;
  sensitivity: AccuracyText;
  specificity: AccuracyText;
  twoByTwo: TwoByTwoDraft[];
  quadas: QuadasDraft;
};

function EvidenceDialog({ initial, isNew, onClose, onSave }: { initial: Evidence; isNew: boolean; onClose: () => void; onSave: (item: Evidence) => void }) {
  const [draft, setDraft] = useState<Draft>({
    ...initial,
    n: initial.n === null ? '' : String(initial.n),
    sensitivity: accuracyToText(initial.sensitivity),
    specificity: accuracyToText(initial.specificity),
    twoByTwo: twoByTwoDrafts(initial),
    quadas: quadasDraft(initial),
  });
  const [quadasError, setQuadasError] = useState<string | undefined>();
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = () => {
    const judged = quadasFromDraft(draft.quadas);
    setQuadasError(judged.error);
    const { twoByTwo: tables, quadas: _quadas, ...rest } = draft;
    const candidate = {
      ...rest,
      n: draft.n.trim() === '' ? null : numberOrNaN(draft.n),
      sensitivity: accuracyFromText(draft.sensitivity),
      specificity: accuracyFromText(draft.specificity),
      ...(tables.length > 0 ? { twoByTwo: twoByTwoFromDrafts(tables) } : {}),
      ...(judged.quadas ? { quadas: judged.quadas } : {}),
    };
    const parsed = evidenceSchema.safeParse(candidate);
    if (parsed.success && !judged.error) {
      onSave(parsed.data);
      return;
    }
    setProblems(new Map(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message])));
  };
  const accuracyFields = (key: 'sensitivity' | 'specificity', label: string) => (
    <fieldset className="form-grid-3 fieldset">
      <legend className="field-label">{label} (proportions 0–1, 95% CI)</legend>
      {(['estimate', 'lower', 'upper'] as const).map((part) => (
        <TextField
          key={part}
          label={part === 'estimate' ? 'Estimate' : part === 'lower' ? 'Lower 95%' : 'Upper 95%'}
          value={draft[key][part]}
          testId={`evidence-${key}-${part}`}
          error={problems.get(part === 'estimate' ? `${key}.estimate` : `${key}.${part}`) ?? (part === 'estimate' ? problems.get(key) : undefined)}
          onChange={(value) => set({ [key]: { ...draft[key], [part]: value } } as Partial<Draft>)}
        />
      ))}
    </fieldset>
  );
  return (
    <Dialog
      open
      wide
      title={isNew ? 'Add evidence' : 'Edit evidence'}
      onClose={onClose}
      testId="evidence-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>Cancel</button>
          <button type="button" className="btn btn-primary" data-testid="evidence-save" onClick={submit}>{isNew ? 'Add evidence' : 'Save changes'}</button>
        </>
      }
    >
      <div className="section-stack">
        {(problems.size > 0 || quadasError) && <div className="notice notice-error" role="alert">Please correct the highlighted fields.</div>}
        <TextArea label="Citation" rows={2} value={draft.citation} error={problems.get('citation')} testId="evidence-citation" onChange={(citation) => set({ citation })} />
        <div className="form-grid-3">
          <TextField label="Design" value={draft.design} onChange={(design) => set({ design })} />
          <TextField label="Participants (n)" value={draft.n} error={problems.get('n')} testId="evidence-n" onChange={(n) => set({ n })} />
          <TextField label="Population" value={draft.population} onChange={(population) => set({ population })} />
          <TextField label="Index test" value={draft.indexTest} onChange={(indexTest) => set({ indexTest })} />
          <TextField label="Reference test" value={draft.referenceTest} onChange={(referenceTest) => set({ referenceTest })} />
        </div>
        {accuracyFields('sensitivity', 'Sensitivity')}
        {accuracyFields('specificity', 'Specificity')}
        <TwoByTwoFields
          rows={draft.twoByTwo}
          problems={problems}
          onChange={(twoByTwo) => set({ twoByTwo })}
          onAdd={() => set({ twoByTwo: [...draft.twoByTwo, blankTwoByTwo(draft)] })}
        />
        <QuadasFields draft={draft.quadas} error={quadasError} onChange={(quadas) => set({ quadas })} />
        <TextArea label="Notes" rows={2} value={draft.notes} onChange={(notes) => set({ notes })} />
        <div className="btn-group">
          <label className="checkbox">
            <input type="checkbox" checked={draft.unverified} onChange={(e) => set({ unverified: e.target.checked })} data-testid="evidence-unverified" />
            Unverified (figures not checked against the primary source)
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.secondarySource} onChange={(e) => set({ secondarySource: e.target.checked })} />
            From a secondary source
          </label>
        </div>
      </div>
    </Dialog>
  );
}
