import { Fragment, useId, useMemo, useRef, useState } from 'react';
import type { ParameterRange } from '../../engine/analysis/model-check';
import { modelParameterChecks } from '../../engine/analysis/parameter-checks';
import type { ParameterCheck, ParameterFix } from '../../engine/analysis/parameter-checks';
import type { UncertaintyChange } from '../../engine/model/document-edits';
import type { Parameter } from '../../engine/model/schema';
import { summariseDistribution } from '../../engine/uncertainty/distribution-summary';
import { formatParameter } from '../../report/format';
import { describeParameterDistribution } from '../../report/model-description';
import { jointMarginalQuantile, jointMemberships } from '../../engine/uncertainty/joint-distribution';
import type { JointDistributionSpec, JointMembership } from '../../engine/uncertainty/joint-distribution';
import { DistributionDialog } from './distribution-dialog';
import { parseParameterInput } from './parameter-input';
import { ownValue } from '../../engine/own-key';

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
}

function unitOf(p: Parameter): string {
  const kind = p.kind && p.kind !== 'other' ? p.kind.replace('-', ' ') : undefined;
  const parts = [p.unit, kind && kind !== p.unit ? kind : undefined, p.timeUnit && p.timeUnit !== 'cycle' ? `per ${p.timeUnit}` : undefined];
  return parts.filter(Boolean).join(', ') || '—';
}

function matches(p: Parameter, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  return [p.id, p.label, p.description, p.source, p.expression].some((t) => t?.toLowerCase().includes(q));
}

function distributionLine(p: Parameter, joint: JointMembership | undefined): string | null {
  const f = (v: number) => formatParameter(Number(v.toPrecision(3)));
  if (joint) {
    const q = (x: number) => jointMarginalQuantile(joint.spec, joint.k, x);
    return `median ${f(q(0.5))}, 95% ${f(q(0.025))}–${f(q(0.975))}`;
  }
  const d = p.uncertainty?.distribution;
  if (!d || d.type === 'dirichlet' || d.type === 'fixed') return null;
  const s = summariseDistribution(d, p.id, { density: false });
  return s.ok ? `mean ${f(s.summary.mean)}, 95% ${f(s.summary.low95)}–${f(s.summary.high95)}` : `not valid: ${s.message}`;
}

export function ParameterTable({ parameters, jointDistributions, ranges, values, readOnly, onSetValue, onSetUncertainty }: ParameterTableProps) {
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
        <h2 id="parameters-title">Parameters</h2>
        <span className="subtle">
          {parameters.length} parameters, {editable} editable base values{warnings > 0 ? `; ${warnings} with a warning` : ''}
        </span>
      </div>
      <div className="toolbar">
        <div className="field grow">
          <label className="field-label" htmlFor={searchId}>Find a parameter</label>
          <input id={searchId} className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, description, source or expression" data-testid="parameter-search" />
        </div>
        <p className="subtle toolbar-note">
          {readOnly
            ? 'A bundled example is read-only: use it as your own model to edit values and distributions.'
            : 'Edits are saved as you type and re-run the base case. Ctrl+Z undoes, Ctrl+Shift+Z redoes.'}
        </p>
      </div>
      <div className="card-body flush table-wrap">
        <table className="table table-fixed parameter-table" data-testid="parameter-table">
          <colgroup>
            <col className="w-param-name" />
            <col className="w-param-value" />
            <col className="w-param-unit" />
            <col />
            <col className="w-param-dist" />
            <col className="w-param-range" />
            <col className="w-param-range" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Base value or expression</th>
              <th scope="col">Unit and kind</th>
              <th scope="col">Source</th>
              <th scope="col">PSA distribution</th>
              <th scope="col" className="num">Low</th>
              <th scope="col" className="num">High</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const range = rangeById.get(p.id);
              const found = checks.get(p.id) ?? [];
              const joint = joints.get(p.id);
              const line = distributionLine(p, joint);
              return (
                <Fragment key={p.id}>
                  <tr data-testid="parameter-row" data-parameter={p.id} className={found.length > 0 ? 'has-warning' : undefined}>
                    <td>
                      <div className="mono param-id">{p.id}</div>
                      {(p.label || p.description) && <div className="subtle clamp">{p.label ?? p.description}</div>}
                    </td>
                    <td>
                      {p.value !== undefined ? (
                        <ValueInput parameter={p} value={p.value} readOnly={readOnly} onSetValue={onSetValue} warned={found.length > 0} />
                      ) : (
                        <div>
                          <code className="expression" title={p.expression}>{p.expression}</code>
                          <div className="subtle">= {formatParameter(values ? ownValue(values, p.id) : undefined)}</div>
                        </div>
                      )}
                    </td>
                    <td className="subtle-cell">{unitOf(p)}</td>
                    <td className="source-cell"><span className="clamp" title={p.source ?? p.uncertainty?.source}>{p.source ?? p.uncertainty?.source ?? '—'}</span></td>
                    <td className="subtle-cell">
                      {readOnly ? (
                        <div data-testid={`distribution-${p.id}`}>{describeParameterDistribution(p, joint)}</div>
                      ) : (
                        <button type="button" className="link-button" onClick={(e) => { opener.current = e.currentTarget; setEditing(p.id); }} aria-label={`Edit the uncertainty of ${p.id}: ${describeParameterDistribution(p, joint)}`} title="Edit the distribution and the one-way range" data-testid={`edit-uncertainty-${p.id}`}>
                          <span data-testid={`distribution-${p.id}`}>{joint || p.uncertainty?.distribution ? describeParameterDistribution(p, joint) : 'None — add…'}</span>
                        </button>
                      )}
                      {line && <div className="dist-line">{line}</div>}
                    </td>
                    <td className="num" data-testid={`range-low-${p.id}`}>{range ? formatParameter(range.low) : '—'}{range?.source === 'distribution' && <span className="range-mark" title="2.5th percentile of the distribution">*</span>}</td>
                    <td className="num" data-testid={`range-high-${p.id}`}>{range ? formatParameter(range.high) : '—'}{range?.source === 'distribution' && <span className="range-mark" title="97.5th percentile of the distribution">*</span>}</td>
                  </tr>
                  {found.length > 0 && (
                    <tr className="warning-row" data-testid={`param-warning-${p.id}`}>
                      <td colSpan={7}>
                        <ParameterWarnings checks={found} readOnly={readOnly} onFix={(fix) => onSetUncertainty(p.id, fix.kind === 'recentre' ? { distribution: fix.distribution } : { low: fix.low, high: fix.high })} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="empty">No parameter matches “{query}”.</p>}
      </div>
      <div className="table-footer subtle">* Range from the PSA distribution (2.5th–97.5th percentile); other ranges are the model’s own low and high values.</div>
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
  return (
    <ul className="param-warnings">
      {checks.map((c) => (
        <li key={c.kind} className="param-warning" data-kind={c.kind}>
          <span className="param-warning-text">{c.message}{c.unavailable ? ` ${c.unavailable}` : ''}</span>
          {!readOnly &&
            c.fixes.map((fix) => (
              <button key={fix.kind} type="button" className="btn btn-sm" onClick={() => onFix(fix)} data-testid={`param-fix-${fix.kind}-${c.parameter}`}>
                {fix.label}
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
  const [text, setText] = useState(formatParameter(value));
  const [error, setError] = useState<string | null>(null);
  const [shownValue, setShownValue] = useState(value);
  const id = useId();
  // Only a change of the stored value re-syncs the text (adjusting state while rendering, as React advises).
  if (shownValue !== value) {
    setShownValue(value);
    const parsed = parseParameterInput(text, parameter);
    if (!parsed.ok || parsed.value !== value) {
      setText(formatParameter(value));
      setError(null);
    }
  }
  const change = (next: string) => {
    setText(next);
    const parsed = parseParameterInput(next, parameter);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    if (parsed.value !== value) onSetValue(parameter.id, parsed.value);
  };
  return (
    <div className="value-field">
      <label htmlFor={id} className="visually-hidden">Base value of {parameter.id}</label>
      <input
        id={id}
        className="input input-num"
        inputMode="decimal"
        value={text}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(e) => change(e.target.value)}
        data-testid={`param-input-${parameter.id}`}
        data-warning={warned || undefined}
      />
      <span id={`${id}-note`} className={error ? 'field-error' : 'field-hint'} data-testid={error ? `param-error-${parameter.id}` : undefined}>
        {error ? `${error} The model keeps the last valid value.` : ''}
      </span>
    </div>
  );
}
