import { useState } from 'react';
import { evidenceSchema } from '../../../dossier/schema';
import type { AccuracyEstimate, Evidence } from '../../../dossier/schema';
import { Dialog } from '../../ui/dialog';
import { Card, TextArea, TextField } from '../../ui/fields';
import { PlusIcon } from '../../ui/icons';
import { useToasts } from '../../ui/toasts';
import { evidenceRemoval, formatAccuracy, newLocalId, reinsertEvidence, removeEvidence, upsertEvidence } from '../dossier-edits';
import type { SectionProps } from './section-props';
import { blankTwoByTwo, QuadasFields, quadasDraft, quadasFromDraft, TwoByTwoFields, twoByTwoDrafts, twoByTwoFromDrafts } from './evidence-accuracy-fields';
import type { QuadasDraft, TwoByTwoDraft } from './evidence-accuracy-fields';
import { numberOrNaN } from '../../settings/display-format';
import { useLanguage } from '../../i18n/language';
import { NARROW_WINDOW, useMediaQuery } from '../../ui/use-media-query';

export function EvidenceSection({ dossier, edit }: SectionProps) {
  const [editing, setEditing] = useState<Evidence | null>(null);
  const toasts = useToasts();
  const { t } = useLanguage();
  // Below 1280 px the test pair and link count columns are not drawn (the test pair goes under the citation).
  const narrow = useMediaQuery(NARROW_WINDOW);
  const linkCount = (id: string) => Object.values(dossier.domains).reduce((n, dom) => n + dom.elements.filter((el) => el.evidenceIds.includes(id)).length, 0);
  const remove = (item: Evidence) => {
    const removed = evidenceRemoval(dossier, item.id);
    if (!removed) return;
    edit((d) => removeEvidence(d, item.id));
    toasts.show({
      message: t('accuracy.ev.removed', { citation: `${item.citation.slice(0, 40)}${item.citation.length > 40 ? '…' : ''}` }),
      actionLabel: t('dossier.undo'),
      // Undo puts the item and its links back and keeps what was typed since (answers, other evidence).
      onAction: () => edit((d) => reinsertEvidence(d, removed)),
    });
  };
  return (
    <Card
      flush
      title={t('accuracy.ev.title')}
      actions={
        <button type="button" className="btn btn-sm btn-primary" data-testid="add-evidence" onClick={() => setEditing(blankEvidence())}>
          <PlusIcon /> {t('accuracy.ev.add')}
        </button>
      }
    >
      {dossier.evidence.length === 0 ? (
        <p className="empty">{t('accuracy.ev.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table-fixed evidence-table" data-testid="evidence-table">
            <colgroup>
              <col />
              <col className="w-n" />
              {!narrow && <col className="w-tests" />}
              <col className="w-accuracy" />
              {!narrow && <col className="w-links" />}
              <col className="w-evidence-actions" />
            </colgroup>
            <thead>
              <tr>
                <th>{t('accuracy.ev.citationDesign')}</th>
                <th className="num">n</th>
                {!narrow && <th>{t('accuracy.ev.tests')}</th>}
                <th>{t('accuracy.ev.accuracy')}</th>
                {!narrow && <th className="num">{t('accuracy.ev.links')}</th>}
                <th className="actions"><span className="visually-hidden">{t('accuracy.ev.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {dossier.evidence.map((item) => (
                <tr key={item.id} data-testid="evidence-row" data-problem={item.citation.trim() === '' ? 'citation-missing' : undefined}>
                  <td>
                    {/* An item without a citation shows the "Citation missing" marker below instead. */}
                    {item.citation.trim() !== '' && <div className="clamp citation" data-user-content>{item.citation}</div>}
                    <div className="evidence-meta">
                      {item.citation.trim() === '' && <span className="badge badge-problem" title={t('dossier.evidence.citationMissingTitle')} data-testid="citation-missing-badge">{t('dossier.evidence.citationMissing')}</span>}
                      {item.unverified && <span className="badge badge-unverified" title={t('accuracy.ev.unverifiedTitle')} data-testid="unverified-badge">{t('accuracy.ev.unverified')}</span>}
                      {item.secondarySource && <span className="badge badge-draft">{t('accuracy.ev.secondary')}</span>}
                      {(item.twoByTwo?.length ?? 0) > 0 && <span className="badge badge-info" title={t('accuracy.ev.tablesTitle')}>2×2 ×{item.twoByTwo!.length}</span>}
                      {item.quadas && <span className="badge badge-draft" title={t('accuracy.ev.quadasTitle')}>{t('accuracy.q.title')}</span>}
                      {item.design && <span className="subtle one-line" title={item.design} data-user-content>{item.design}</span>}
                    </div>
                    {narrow && (item.indexTest || item.referenceTest) && <div className="subtle" data-user-content><span className="clamp">{[item.indexTest, item.referenceTest].filter(Boolean).join(' vs ')}</span></div>}
                  </td>
                  <td className="num">{item.n ?? '—'}</td>
                  {!narrow && <td className="tests-cell" data-user-content><div className="clamp">{[item.indexTest, item.referenceTest].filter(Boolean).join(' vs ') || '—'}</div></td>}
                  <td className="nowrap accuracy-cell">
                    {item.sensitivity || item.specificity ? (
                      <>
                        <div><abbr title={t('accuracy.ev.sensitivity')}>{t('accuracy.ev.se')}</abbr> {formatAccuracy(item.sensitivity)}</div>
                        <div><abbr title={t('accuracy.ev.specificity')}>{t('accuracy.ev.sp')}</abbr> {formatAccuracy(item.specificity)}</div>
                      </>
                    ) : (
                      <span className="subtle">—</span>
                    )}
                  </td>
                  {!narrow && <td className="num">{linkCount(item.id)}</td>}
                  <td className="actions">
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => setEditing(item)} aria-label={t('accuracy.ev.editNamed', { citation: item.citation.trim() || t('accuracy.ev.noCitation') })}>{t('accuracy.ev.editButton')}</button>
                    <button type="button" className="btn btn-sm btn-ghost" onClick={() => remove(item)} aria-label={t('accuracy.ev.removeNamed', { citation: item.citation.trim() || t('accuracy.ev.noCitation') })} data-testid="remove-evidence">{t('accuracy.ev.remove')}</button>
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
  const { t } = useLanguage();
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
    const judged = quadasFromDraft(draft.quadas, t);
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
    // The file format allows an empty citation (older dossiers have such items); a new or edited item needs one.
    const citationMissing = draft.citation.trim() === '';
    if (parsed.success && !judged.error && !citationMissing) {
      onSave(parsed.data);
      return;
    }
    const found = new Map(parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
    if (citationMissing) found.set('citation', t('dossier.evidence.citationRequired'));
    setProblems(found);
    // Take the keyboard to the first field to correct.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="evidence-dialog"] [aria-invalid="true"]')?.focus());
  };
  const accuracyFields = (key: 'sensitivity' | 'specificity', label: string) => (
    <fieldset className="form-grid-3 fieldset">
      <legend className="field-label">{t('accuracy.ev.proportions', { label })}</legend>
      {(['estimate', 'lower', 'upper'] as const).map((part) => (
        <TextField
          key={part}
          label={part === 'estimate' ? t('accuracy.ev.estimate') : part === 'lower' ? t('accuracy.ev.lower') : t('accuracy.ev.upper')}
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
      title={isNew ? t('accuracy.ev.add') : t('accuracy.ev.edit')}
      onClose={onClose}
      testId="evidence-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="btn btn-primary" data-testid="evidence-save" onClick={submit}>{isNew ? t('accuracy.ev.add') : t('accuracy.ev.save')}</button>
        </>
      }
    >
      <div className="section-stack">
        {(problems.size > 0 || quadasError) && <div className="notice notice-error" role="alert">{t('accuracy.ev.correct')}</div>}
        <TextArea label={t('accuracy.ev.citation')} rows={2} value={draft.citation} error={problems.get('citation')} testId="evidence-citation" onChange={(citation) => set({ citation })} />
        <div className="form-grid-3">
          <TextField label={t('accuracy.ev.design')} value={draft.design} onChange={(design) => set({ design })} />
          <TextField label={t('accuracy.ev.n')} value={draft.n} error={problems.get('n')} testId="evidence-n" onChange={(n) => set({ n })} />
          <TextField label={t('accuracy.ev.population')} value={draft.population} onChange={(population) => set({ population })} />
          <TextField label={t('accuracy.ev.indexTest')} value={draft.indexTest} onChange={(indexTest) => set({ indexTest })} />
          <TextField label={t('accuracy.ev.referenceTest')} value={draft.referenceTest} onChange={(referenceTest) => set({ referenceTest })} />
        </div>
        {accuracyFields('sensitivity', t('accuracy.ev.sensitivity'))}
        {accuracyFields('specificity', t('accuracy.ev.specificity'))}
        <TwoByTwoFields
          rows={draft.twoByTwo}
          problems={problems}
          onChange={(twoByTwo) => set({ twoByTwo })}
          onAdd={() => set({ twoByTwo: [...draft.twoByTwo, blankTwoByTwo(draft)] })}
        />
        <QuadasFields draft={draft.quadas} error={quadasError} onChange={(quadas) => set({ quadas })} />
        <TextArea label={t('accuracy.ev.notes')} rows={2} value={draft.notes} onChange={(notes) => set({ notes })} />
        <div className="btn-group">
          <label className="checkbox">
            <input type="checkbox" checked={draft.unverified} onChange={(e) => set({ unverified: e.target.checked })} data-testid="evidence-unverified" />
            {t('accuracy.ev.unverifiedCheck')}
          </label>
          <label className="checkbox">
            <input type="checkbox" checked={draft.secondarySource} onChange={(e) => set({ secondarySource: e.target.checked })} />
            {t('accuracy.ev.secondaryCheck')}
          </label>
        </div>
      </div>
    </Dialog>
  );
}
