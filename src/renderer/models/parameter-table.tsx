import { Fragment, useId, useMemo, useRef, useState } from 'react';
import type { ParameterRange } from '../../engine/analysis/model-check';
import { modelParameterChecks } from '../../engine/analysis/parameter-checks';
import type { ParameterCheck, ParameterFix } from '../../engine/analysis/parameter-checks';
import type { UncertaintyChange } from '../../engine/model/document-edits';
import type { Parameter } from '../../engine/model/schema';
import { summariseDistribution } from '../../engine/uncertainty/distribution-summary';
import { editableNumber, formatParameter } from '../settings/display-format';
import { useLanguage } from '../i18n/language';
import { parameterCheckText, parameterFixLabel } from './parameter-check-text';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import { describeParameterDistribution } from '../../report/model-description';
import { jointMarginalQuantile, jointMemberships } from '../../engine/uncertainty/joint-distribution';
import type { JointDistributionSpec, JointMembership } from '../../engine/uncertainty/joint-distribution';
import { DistributionDialog } from './distribution-dialog';
import { parameterKindWord, parseParameterInput } from './parameter-input';
import { ownValue } from '../../engine/own-key';
import { CommitInput, modelField, readExpressionInput } from './structure-fields';
import { NARROW_WINDOW, useMediaQuery } from '../ui/use-media-query';
import { RenameParameterButton, RenameParameterField, useParameterRename } from './rename-parameter-field';
import type { ModelDocumentJson } from '../../engine/model/document-edits';

// Every parameter with its value or expression, unit, source, PSA distribution and one-way range, read from the
// model document itself: what the table shows is what the base case, the PSA and the tornado use. Base values given
// as numbers are edited in place; the uncertainty (distribution and range) in a dialog. When the uncertainty no
// longer describes the base value, a warning under the row offers the one-click fixes.

export interface ParameterTableProps {
  parameters: readonly Parameter[];
  /** The model's joint PSA distributions: their parameters are sampled there, not from a distribution of their own. */
  jointDistributions: readonly JointDistributionSpec[];
  /** One-way ranges as the tornado uses them (from the last check of the document). */
  ranges: readonly ParameterRange[];
  /** Base-case values of every parameter (expressions evaluated), when known. */
  values: Record<string, number> | null;
  readOnly: boolean;
  onSetValue: (id: string, value: number) => void;
  onSetUncertainty: (id: string, change: UncertaintyChange) => void;
  /** Edits an expression parameter's formula where it is shown (workspace models); absent: the formula is shown only. */
  onSetDefinition?: (id: string, definition: string | number) => void;
  /** Validation problems of a parameter, in words, by id (shown under its row while the model is invalid). */
  problems?: ReadonlyMap<string, string>;
  /** Renames a parameter with every reference in `document` (workspace models); absent: ids are shown only. */
  rename?: { document: ModelDocumentJson; onRename: (from: string, to: string) => void };
}

const noRename = () => {};

/** An id such as sens_plasma_egfr in a narrow column: it wraps after an underscore, not mid-word (sens_pl / asma). */
function BreakableId({ id }: { id: string }) {
  const parts = id.split(/(?<=_)/u);
  return <>{parts.map((part, i) => <Fragment key={i}>{i > 0 && <wbr />}{part}</Fragment>)}</>;
}

/** The unit as the model file states it (data, kept as typed), then the kind and period in the display language. */
function UnitOf({ p, t }: { p: Parameter; t: Translate }) {
  const kind = p.kind && p.kind !== 'other' ? parameterKindWord(p.kind, t) : undefined;
  const words = [kind && kind !== p.unit ? kind : undefined, p.timeUnit && p.timeUnit !== 'cycle' ? t(`param.per.${p.timeUnit}` as MessageKey) : undefined].filter(Boolean).join(', ');
  if (!p.unit) return <>{words || '—'}</>;
  return (
    <>
      <span data-user-content>{p.unit}</span>
      {words ? `, ${words}` : ''}
    </>
  );
}

function matches(p: Parameter, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [p.id, p.label, p.description, p.source, p.expression].some((t) => t?.toLowerCase().includes(q));
}

function distributionLine(p: Parameter, joint: JointMembership | undefined, t: Translate): string | null {
  const f = (v: number) => formatParameter(Number(v.toPrecision(3)));
  if (joint) {
    const q = (x: number) => jointMarginalQuantile(joint.spec, joint.k, x);
    return t('param.jointLine', { median: f(q(0.5)), low: f(q(0.025)), high: f(q(0.975)) });
  }
  const d = p.uncertainty?.distribution;
  if (!d || d.type === 'dirichlet' || d.type === 'fixed') return null;
  const s = summariseDistribution(d, p.id, { density: false });
  return s.ok ? t('param.distributionLine', { mean: f(s.summary.mean), low: f(s.summary.low95), high: f(s.summary.high95) }) : t('param.notValid', { message: s.message });
}

export function ParameterTable({ parameters, jointDistributions, ranges, values, readOnly, onSetValue, onSetUncertainty, onSetDefinition, problems, rename }: ParameterTableProps) {
  const { t, fmt } = useLanguage();
  const renaming = useParameterRename(rename?.onRename ?? noRename, 'param-rename');
  const canRename = rename !== undefined && !readOnly;
  // Below 1280 px the source column is not drawn (the source goes under the name), so the other columns keep their
  // places and the table its full width.
  const narrow = useMediaQuery(NARROW_WINDOW);
  const columns = narrow ? 6 : 7;
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  // The dialog is unmounted on close, so focus goes back to the button that opened it by hand.
  const opener = useRef<HTMLButtonElement | null>(null);
  const closeEditor = () => {
    setEditing(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const searchId = useId();
  const rangeById = useMemo(() => new Map(ranges.map((r) => [r.id, r])), [ranges]);
  const joints = useMemo(() => jointMemberships(jointDistributions), [jointDistributions]);
  const checks = useMemo(() => modelParameterChecks({ parameters, jointDistributions }), [parameters, jointDistributions]);
  const shown = parameters.filter((p) => matches(p, query));
  const editable = parameters.filter((p) => p.value !== undefined).length;
  const warnings = [...checks.values()].filter((c) => c.length > 0).length;
  const editingParameter = editing ? parameters.find((p) => p.id === editing) : undefined;
  return (
    <section className="card" aria-labelledby="parameters-title" data-testid="parameter-table-card">
      <div className="card-header">
        <h2 id="parameters-title">{t('param.title')}</h2>
        <span className="subtle">
          {warnings > 0 ? t('param.countWarnings', { n: parameters.length, editable, warnings }) : t('param.count', { n: parameters.length, editable })}
        </span>
      </div>
      <div className="toolbar">
        <div className="field grow">
          <label className="field-label" htmlFor={searchId}>{t('param.find')}</label>
          <input id={searchId} className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('param.findPlaceholder')} data-testid="parameter-search" />
        </div>
        <p className="subtle toolbar-note">
          {readOnly
            ? t('param.readOnlyNote')
            : t('param.editNote')}
        </p>
      </div>
      <div className="card-body flush table-wrap">
        <table className="table table-fixed parameter-table" data-testid="parameter-table">
          <colgroup>
            <col className="w-param-name" />
            <col className="w-param-value" />
            <col className="w-param-unit" />
            {!narrow && <col className="w-param-source" />}
            <col className="w-param-dist" />
            <col className="w-param-range" />
            <col className="w-param-range" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('report.methods.parameter')}</th>
              <th scope="col">{t('param.col.value')}</th>
              <th scope="col">{t('param.col.unit')}</th>
              {!narrow && <th scope="col">{t('report.methods.source')}</th>}
              <th scope="col">{t('param.col.distribution')}</th>
              <th scope="col" className="num">{t('param.col.low')}</th>
              <th scope="col" className="num">{t('param.col.high')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const range = rangeById.get(p.id);
              const found = checks.get(p.id) ?? [];
              const joint = joints.get(p.id);
              const line = distributionLine(p, joint, t);
              const problem = problems?.get(p.id);
              // Numbers grouped as the edit history and version compare word them ("Gamma(mean 5,000, SE 2,500)").
              const distribution = describeParameterDistribution(p, joint, fmt, t, 'grouped');
              const described = joint || p.uncertainty?.distribution ? distribution : t('param.noDistribution');
              return (
                <Fragment key={p.id}>
                  <tr data-testid="parameter-row" data-parameter={p.id} className={found.length > 0 || problem ? 'has-warning' : undefined}>
                    <td>
                      {canRename && renaming.renaming === p.id ? (
                        <RenameParameterField document={rename.document} id={p.id} onCancel={() => renaming.cancel(p.id)} onRename={(to) => renaming.rename(p.id, to)} />
                      ) : (
                        <div className="param-id-line">
                          <div className="mono param-id" data-user-content><BreakableId id={p.id} /></div>
                          {canRename && <RenameParameterButton id={p.id} rename={renaming} testId={`param-rename-${p.id}`} />}
                        </div>
                      )}
                      {(p.label || p.description) && <div className="subtle clamp" data-user-content>{p.label ?? p.description}</div>}
                      {narrow && (p.source ?? p.uncertainty?.source) && <div className="subtle"><span className="clamp" title={p.source ?? p.uncertainty?.source}>{t('param.source', { source: p.source ?? p.uncertainty?.source ?? '' })}</span></div>}
                    </td>
                    <td>
                      {p.value !== undefined ? (
                        <ValueInput parameter={p} value={p.value} readOnly={readOnly} onSetValue={onSetValue} warned={found.length > 0} />
                      ) : (
                        <div>
                          {onSetDefinition && !readOnly ? (
                            <span className="param-expression-field">
                              <CommitInput
                                value={p.expression ?? ''}
                                label={t('structure.definitionOf', { id: p.id })}
                                readOnly={false}
                                onCommit={(typed) => {
                                  const definition = readExpressionInput(typed);
                                  if (definition !== null) onSetDefinition(p.id, definition);
                                }}
                                testId={`param-expression-${p.id}`}
                              />
                            </span>
                          ) : (
                            <code className="expression" title={p.expression}>{p.expression}</code>
                          )}
                          <div className="subtle">= {formatParameter(values ? ownValue(values, p.id) : undefined)}</div>
                        </div>
                      )}
                    </td>
                    <td className="subtle-cell"><UnitOf p={p} t={t} /></td>
                    {!narrow && <td className="source-cell"><span className="clamp" title={p.source ?? p.uncertainty?.source} data-user-content>{p.source ?? p.uncertainty?.source ?? '—'}</span></td>}
                    <td className="subtle-cell">
                      {readOnly ? (
                        <div data-testid={`distribution-${p.id}`}>{distribution}</div>
                      ) : (
                        <button type="button" className="link-button" onClick={(e) => { opener.current = e.currentTarget; setEditing(p.id); }} aria-label={t('param.editLabel', { distribution: described, id: p.id })} title={t('param.editTitle')} data-testid={`edit-uncertainty-${p.id}`}>
                          <span data-testid={`distribution-${p.id}`}>{described}</span>
                        </button>
                      )}
                      {line && <div className="dist-line">{line}</div>}
                    </td>
                    <td className="num" data-testid={`range-low-${p.id}`}>{range ? formatParameter(range.low) : '—'}{range?.source === 'distribution' && <span className="range-mark" title={t('param.low95')}>*</span>}</td>
                    <td className="num" data-testid={`range-high-${p.id}`}>{range ? formatParameter(range.high) : '—'}{range?.source === 'distribution' && <span className="range-mark" title={t('param.high95')}>*</span>}</td>
                  </tr>
                  {problem && (
                    <tr className="warning-row problem-row" data-testid={`param-problem-${p.id}`}>
                      <td colSpan={columns}>
                        <p className="param-problem" role="note">{problem}</p>
                      </td>
                    </tr>
                  )}
                  {found.length > 0 && (
                    <tr className="warning-row" data-testid={`param-warning-${p.id}`}>
                      <td colSpan={columns}>
                        <ParameterWarnings checks={found} readOnly={readOnly} onFix={(fix) => onSetUncertainty(p.id, fix.kind === 'recentre' ? { distribution: fix.distribution } : { low: fix.low, high: fix.high })} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="empty">{t('param.noMatch', { query })}</p>}
      </div>
      <div className="table-footer subtle">{t('param.footer')}</div>
      {editingParameter && (
        <DistributionDialog
          parameter={editingParameter}
          onClose={closeEditor}
          onApply={(change) => {
            onSetUncertainty(editingParameter.id, change);
            closeEditor();
          }}
        />
      )}
    </section>
  );
}

function ParameterWarnings({ checks, readOnly, onFix }: { checks: readonly ParameterCheck[]; readOnly: boolean; onFix: (fix: ParameterFix) => void }) {
  const wording = useLanguage();
  return (
    <ul className="param-warnings">
      {checks.map((c) => (
        <li key={c.kind} className="param-warning" data-kind={c.kind}>
          <span className="param-warning-text">{parameterCheckText(c, wording)}</span>
          {!readOnly &&
            c.fixes.map((fix) => (
              <button key={fix.kind} type="button" className="btn btn-sm" onClick={() => onFix(fix)} data-testid={`param-fix-${fix.kind}-${c.parameter}`}>
                {parameterFixLabel(fix, c, wording)}
              </button>
            ))}
        </li>
      ))}
    </ul>
  );
}

/**
 * A base value as typed. The text follows the document when it changes elsewhere (undo, a restored version) and
 * is kept while it reads as the stored value (so "0.80" is not rewritten to "0.8" while typing). Invalid text shows
 * an inline message and the model keeps the last valid value.
 */
function ValueInput({ parameter, value, readOnly, warned, onSetValue }: { parameter: Parameter; value: number; readOnly: boolean; warned: boolean; onSetValue: (id: string, value: number) => void }) {
  const { t } = useLanguage();
  // The field holds the stored value in full (formatParameter rounds to 6 digits): what it shows is what the
  // model uses, and editing one digit keeps the others.
  const [text, setText] = useState(editableNumber(value));
  const [error, setError] = useState<string | null>(null);
  const [shownValue, setShownValue] = useState(value);
  const id = useId();
  // Only a change of the stored value re-syncs the text (adjusting state while rendering, as React advises).
  if (shownValue !== value) {
    setShownValue(value);
    const parsed = parseParameterInput(text, parameter, t);
    if (!parsed.ok || parsed.value !== value) {
      setText(editableNumber(value));
      setError(null);
    }
  }
  const change = (next: string) => {
    setText(next);
    const parsed = parseParameterInput(next, parameter, t);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (parsed.value !== value) onSetValue(parameter.id, parsed.value);
  };
  return (
    <div className="value-field">
      <label htmlFor={id} className="visually-hidden">{t('param.baseValueOf', { id: parameter.id })}</label>
      <input
        id={id}
        className="input input-num"
        inputMode="decimal"
        value={text}
        title={text}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        {...modelField(error !== null)}
        aria-describedby={`${id}-note`}
        onChange={(e) => change(e.target.value)}
        data-testid={`param-input-${parameter.id}`}
        data-warning={warned || undefined}
      />
      <span id={`${id}-note`} className={error ? 'field-error' : 'field-hint'} data-testid={error ? `param-error-${parameter.id}` : undefined}>
        {error ? t('param.keepsLast', { error }) : ''}
      </span>
    </div>
  );
}
