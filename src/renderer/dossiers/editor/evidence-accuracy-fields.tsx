import { Fragment } from 'react';
import { quadasDomains, quadasRatings } from '../../../dossier/schema';
import { translator } from '../../../report/i18n/translate';
import type { Translate } from '../../../report/i18n/translate';
import { useLanguage } from '../../i18n/language';
import type { Evidence, Quadas, QuadasRating, TwoByTwoTable } from '../../../dossier/schema';
import { PlusIcon } from '../../ui/icons';
import { newLocalId } from '../dossier-edits';
import { numberOrNaN } from '../../settings/display-format';

// The evidence dialog's test-accuracy fields: the study's 2×2 tables (one row each) and its QUADAS-2 judgement.
// Typed as text, turned into numbers on save so the schema can name any bad cell.

export type TwoByTwoDraft = Omit<TwoByTwoTable, 'tp' | 'fn' | 'tn' | 'fp'> & Record<'tp' | 'fn' | 'tn' | 'fp', string>;
/** '' = not judged. */
export type QuadasDraft = { riskOfBias: Record<string, QuadasRating | ''>; applicability: Record<string, QuadasRating | ''>; notes: string };

const COUNTS = ['tp', 'fn', 'tn', 'fp'] as const;
const applicabilityDomains = quadasDomains.filter((d) => d.key !== 'flowAndTiming');

export function twoByTwoDrafts(e: Evidence): TwoByTwoDraft[] {
  return (e.twoByTwo ?? []).map((t) => ({ ...t, tp: String(t.tp), fn: String(t.fn), tn: String(t.tn), fp: String(t.fp) }));
}

export function quadasDraft(e: Evidence): QuadasDraft {
  const q = e.quadas;
  return {
    riskOfBias: Object.fromEntries(quadasDomains.map((d) => [d.key, q?.riskOfBias[d.key] ?? ''])),
    applicability: Object.fromEntries(applicabilityDomains.map((d) => [d.key, q?.applicability[d.key as keyof Quadas['applicability']] ?? ''])),
    notes: q?.notes ?? '',
  };
}

function count(text: string): number {
  return numberOrNaN(text);
}

export function twoByTwoFromDrafts(drafts: readonly TwoByTwoDraft[]): TwoByTwoTable[] | undefined {
  if (drafts.length === 0) return undefined;
  return drafts.map((d) => ({ ...d, tp: count(d.tp), fn: count(d.fn), tn: count(d.tn), fp: count(d.fp) }));
}

/** The judgement, undefined when nothing is rated, or an error when only some domains are. */
export function quadasFromDraft(draft: QuadasDraft, t: Translate = translator('en')): { quadas?: Quadas; error?: string } {
  const values = [...Object.values(draft.riskOfBias), ...Object.values(draft.applicability)];
  if (values.every((v) => v === '') && draft.notes.trim() === '') return {};
  if (values.some((v) => v === '')) return { error: t('accuracy.q.allOrNone') };
  return { quadas: { riskOfBias: draft.riskOfBias, applicability: draft.applicability, notes: draft.notes } as Quadas };
}

export function blankTwoByTwo(e: { indexTest: string; referenceTest: string }): TwoByTwoDraft {
  return { id: newLocalId('t'), indexTest: e.indexTest, referenceStandard: e.referenceTest, setting: '', alteration: '', tp: '', fn: '', tn: '', fp: '', derived: false };
}

interface TwoByTwoFieldsProps {
  rows: TwoByTwoDraft[];
  onChange: (rows: TwoByTwoDraft[]) => void;
  onAdd: () => void;
  problems: ReadonlyMap<string, string>;
}

export function TwoByTwoFields({ rows, onChange, onAdd, problems }: TwoByTwoFieldsProps) {
  const { t } = useLanguage();
  const set = (i: number, patch: Partial<TwoByTwoDraft>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset two-by-two-fields" data-testid="two-by-two-fields">
      <legend className="field-label">{t('accuracy.tt.legend')}</legend>
      {rows.length > 0 && (
        <table className="table two-by-two-edit">
          <thead>
            <tr>
              <th scope="col">{t('accuracy.tt.indexTest')}</th>
              <th scope="col">{t('accuracy.tt.reference')}</th>
              <th scope="col">{t('accuracy.tt.setting')}</th>
              <th scope="col">{t('accuracy.tt.alteration')}</th>
              {COUNTS.map((c) => <th key={c} scope="col" className="num">{c.toUpperCase()}</th>)}
              <th scope="col" className="derived-col" title={t('accuracy.tt.derivedTitle')}>{t('accuracy.tt.derived')}</th>
              <th scope="col" className="remove-col"><span className="visually-hidden">{t('accuracy.tt.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => {
              const rowError = problems.get(`twoByTwo.${i}`) ?? problems.get(`twoByTwo.${i}.id`);
              const cellErrors = COUNTS.map((c) => problems.get(`twoByTwo.${i}.${c}`)).filter(Boolean);
              const message = rowError ?? cellErrors[0];
              return (
                <Fragment key={r.id}>
                <tr data-testid="two-by-two-edit-row">
                  {(['indexTest', 'referenceStandard', 'setting', 'alteration'] as const).map((field) => (
                    <td key={field}>
                      <input className="input input-sm" aria-label={t('accuracy.tt.cell', { n: i + 1, field: t(`accuracy.tt.field.${field}`) })} value={r[field]} onChange={(e) => set(i, { [field]: e.target.value })} />
                    </td>
                  ))}
                  {COUNTS.map((c) => (
                    <td key={c} className="num">
                      <input
                        className="input input-sm input-count"
                        inputMode="numeric"
                        aria-label={t('accuracy.tt.cell', { n: i + 1, field: c.toUpperCase() })}
                        aria-invalid={problems.has(`twoByTwo.${i}.${c}`) ? true : undefined}
                        data-testid={`two-by-two-${c}`}
                        value={r[c]}
                        onChange={(e) => set(i, { [c]: e.target.value })}
                      />
                    </td>
                  ))}
                  <td className="center">
                    <input type="checkbox" aria-label={t('accuracy.tt.derivedCheck', { n: i + 1 })} checked={r.derived} onChange={(e) => set(i, { derived: e.target.checked })} />
                  </td>
                  <td className="actions">
                    <button type="button" className="btn btn-sm btn-ghost" aria-label={t('accuracy.tt.removeTable', { n: i + 1 })} onClick={() => onChange(rows.filter((_, k) => k !== i))}>{t('accuracy.tt.remove')}</button>
                  </td>
                </tr>
                {message && (
                  <tr data-testid="two-by-two-edit-error">
                    <td colSpan={10} className="field-error two-by-two-error" role="alert">
                      {cellErrors.length > 0 && !rowError
                        ? t('accuracy.tt.errorCells', { n: i + 1, cells: COUNTS.filter((c) => problems.has(`twoByTwo.${i}.${c}`)).map((c) => c.toUpperCase()).join(', '), message: message })
                        : t('accuracy.tt.error', { n: i + 1, message: message })}
                    </td>
                  </tr>
                )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" className="btn btn-sm" data-testid="add-two-by-two" onClick={onAdd}>
        <PlusIcon /> {t('accuracy.tt.add')}
      </button>
    </fieldset>
  );
}

export function QuadasFields({ draft, onChange, error }: { draft: QuadasDraft; onChange: (d: QuadasDraft) => void; error?: string }) {
  const { t } = useLanguage();
  const select = (part: 'riskOfBias' | 'applicability', key: string, label: string) => (
    <label key={`${part}-${key}`} className="field quadas-field">
      <span className="field-label">{label}</span>
      <select
        className="select"
        value={draft[part][key]}
        data-testid={`quadas-${part}-${key}`}
        onChange={(e) => onChange({ ...draft, [part]: { ...draft[part], [key]: e.target.value as QuadasRating | '' } })}
      >
        <option value="">—</option>
        {quadasRatings.map((r) => <option key={r} value={r}>{t(`accuracy.q.rating.${r}`)}</option>)}
      </select>
    </label>
  );
  return (
    <fieldset className="fieldset quadas-fields">
      <legend className="field-label">{t('accuracy.q.title')}</legend>
      <div className="quadas-field-groups">
        <div>
          <h4 className="quadas-field-title">{t('accuracy.q.riskOfBias')}</h4>
          <div className="quadas-field-row">{quadasDomains.map((d) => select('riskOfBias', d.key, t(`accuracy.q.domain.${d.key}`)))}</div>
        </div>
        <div>
          <h4 className="quadas-field-title">{t('accuracy.q.applicability')}</h4>
          <div className="quadas-field-row">{applicabilityDomains.map((d) => select('applicability', d.key, t(`accuracy.q.domain.${d.key}`)))}</div>
        </div>
      </div>
      <label className="field">
        <span className="field-label">{t('accuracy.q.notes')}</span>
        <input className="input" value={draft.notes} onChange={(e) => onChange({ ...draft, notes: e.target.value })} />
      </label>
      {error && <span className="field-error" role="alert">{error}</span>}
    </fieldset>
  );
}
