import { useId, useMemo, useState } from 'react';
import type { HtaModel, Parameter } from '../../engine/model/schema';
import { formatParameter } from '../../report/format';
import type { ParameterRange } from '../../engine/analysis/model-check';
import { describeDistribution } from '../../report/model-description';
import { parseParameterInput } from './parameter-edits';
import type { ParameterEdits } from './parameter-edits';

// Every parameter with its value or expression, unit, source, PSA distribution and one-way range. Base values given
// as numbers are editable; the base case re-runs (debounced) on each valid edit. Invalid text shows an inline
// message and the results keep the last valid value.

export interface ParameterTableProps {
  model: HtaModel;
  ranges: readonly ParameterRange[];
  edits: ParameterEdits;
  /** Base-case values of every parameter (expressions evaluated), when known. */
  values: Record<string, number> | null;
  onEdit: (id: string, value: number | null) => void;
  /** Changes when edits are reset, so the inputs show the file's values again. */
  resetKey: number;
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

export function ParameterTable({ model, ranges, edits, values, onEdit, resetKey }: ParameterTableProps) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const rangeById = useMemo(() => new Map(ranges.map((r) => [r.id, r])), [ranges]);
  const shown = model.parameters.filter((p) => matches(p, query));
  const editable = model.parameters.filter((p) => p.value !== undefined).length;
  return (
    <section className="card" aria-labelledby="parameters-title" data-testid="parameter-table-card">
      <div className="card-header">
        <h2 id="parameters-title">Parameters</h2>
        <span className="subtle">
          {model.parameters.length} parameters, {editable} editable base values
        </span>
      </div>
      <div className="toolbar">
        <div className="field grow">
          <label className="field-label" htmlFor={searchId}>Find a parameter</label>
          <input id={searchId} className="input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="Name, description, source or expression" data-testid="parameter-search" />
        </div>
        <p className="subtle toolbar-note">Edit a base value to re-run the base case. Ranges without a file value are the 2.5th and 97.5th percentiles of the distribution.</p>
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
              return (
                <tr key={p.id} data-testid="parameter-row" data-parameter={p.id}>
                  <td>
                    <div className="mono param-id">{p.id}</div>
                    {(p.label || p.description) && <div className="subtle clamp">{p.label ?? p.description}</div>}
                  </td>
                  <td>
                    {p.value !== undefined ? (
                      <ValueInput key={`${p.id}-${resetKey}`} parameter={p} fileValue={p.value} edited={edits[p.id]} onEdit={onEdit} />
                    ) : (
                      <div>
                        <code className="expression" title={p.expression}>{p.expression}</code>
                        <div className="subtle">= {formatParameter(values?.[p.id])}</div>
                      </div>
                    )}
                  </td>
                  <td className="subtle-cell">{unitOf(p)}</td>
                  <td className="source-cell"><span className="clamp" title={p.source ?? p.uncertainty?.source}>{p.source ?? p.uncertainty?.source ?? '—'}</span></td>
                  <td className="subtle-cell">{describeDistribution(p.uncertainty?.distribution)}</td>
                  <td className="num">{range ? formatParameter(range.low) : '—'}{range?.source === 'distribution' && <span className="range-mark" title="2.5th percentile of the distribution">*</span>}</td>
                  <td className="num">{range ? formatParameter(range.high) : '—'}{range?.source === 'distribution' && <span className="range-mark" title="97.5th percentile of the distribution">*</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="empty">No parameter matches “{query}”.</p>}
      </div>
      <div className="table-footer subtle">* Range from the PSA distribution (2.5th–97.5th percentile); other ranges are the file’s low and high values.</div>
    </section>
  );
}

function ValueInput({ parameter, fileValue, edited, onEdit }: { parameter: Parameter; fileValue: number; edited: number | undefined; onEdit: (id: string, value: number | null) => void }) {
  const [text, setText] = useState(formatParameter(edited ?? fileValue));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const change = (next: string) => {
    setText(next);
    const parsed = parseParameterInput(next, parameter);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    setError(null);
    onEdit(parameter.id, parsed.value === fileValue ? null : parsed.value);
  };
  const isEdited = edited !== undefined && edited !== fileValue;
  return (
    <div className="value-field">
      <label htmlFor={id} className="visually-hidden">Base value of {parameter.id}</label>
      <input
        id={id}
        className="input input-num"
        inputMode="decimal"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        onChange={(e) => change(e.target.value)}
        data-testid={`param-input-${parameter.id}`}
        data-edited={isEdited || undefined}
      />
      <span id={`${id}-note`} className={error ? 'field-error' : 'field-hint'} data-testid={error ? `param-error-${parameter.id}` : undefined}>
        {error ? `${error} Results use the last valid value.` : isEdited ? `Edited (file: ${formatParameter(fileValue)})` : ''}
      </span>
    </div>
  );
}
