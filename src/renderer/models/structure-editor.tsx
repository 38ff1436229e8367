import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { diagramNumber } from '../../diagram/diagram-graph';
import type { ModelDocumentJson } from '../../engine/model/document-edits';
import type { StructureValues } from '../../engine/model/structure-values';
import * as edits from '../../engine/model/structure-edits';
import type { SettingKey } from '../../engine/model/structure-edits';
import { stateReferenceText } from './state-reference-text';
import { ConfirmDialog } from '../ui/dialog';
import { useLanguage } from '../i18n/language';
import { ExpressionGrid } from './expression-grid';
import type { GridCell } from './expression-grid';
import { AddForm, CommitInput, arr, exprText, problemAt, rec, modelField, readExpressionInput } from './structure-fields';
import { TestsCard } from './diagnostic-editor';
import { TreeEditor } from './tree-editor';
import { parameterUseList } from './parameter-use-text';
import { RenameParameterButton, RenameParameterField, useParameterRename } from './rename-parameter-field';
import { errorText } from '../db/errors';

// Building a model's structure on screen: states, the transition matrix, state values, settings, strategies and
// their overrides, parameters (and for trees the tree editor). Every change is a pure edit of the model document
// (src/engine/model/structure-edits.ts) applied through the model page's edit path, so it is autosaved, undoable
// and recorded in the history like a parameter edit. Problems found by validation are shown at the cell or field
// they point at (their path), as `hta validate` reports them.

type Doc = ModelDocumentJson;
export type ApplyEdit = (change: (doc: Doc) => Doc, mergeKey?: string) => void;

export interface Issue {
  path: string;
  message: string;
  severity: 'error' | 'warning';
  /** The engine's code and values, for describeProblem. */
  code?: string;
  params?: Record<string, string | number>;
}

export interface StructureEditorProps {
  document: Doc;
  issues: readonly Issue[];
  values: StructureValues | null;
  readOnly: boolean;
  apply: ApplyEdit;
  /** Renames a parameter with every reference (the page's one rename edit, also used by the parameter table). */
  onRenameParameter: (from: string, to: string) => void;
}

function value(values: StructureValues | null, text: unknown, strategy?: string): number | null {
  if (text === undefined || text === '' || text === 'C' || !values) return null;
  return values.value(text as string | number, strategy);
}

export function StructureEditor(props: StructureEditorProps) {
  const type = rec(props.document.model).type;
  return (
    <div className="section-stack" data-testid="structure-editor">
      {type === 'markov' && (
        <>
          <StatesCard {...props} />
          <TransitionsCard {...props} />
          <StateValuesCard {...props} />
        </>
      )}
      {type === 'psm' && (
        <>
          <CurvesCard {...props} />
          <StateValuesCard {...props} />
        </>
      )}
      {type === 'tree' && <TreeEditor {...props} />}
      {type === 'tree' && <TestsCard {...props} />}
      <SettingsCard {...props} />
      {type !== 'tree' && <StrategiesCard {...props} />}
      <ParametersCard {...props} />
    </div>
  );
}

function Card({ title, hint, children, testId }: { title: string; hint?: string; children: ReactNode; testId: string }) {
  const id = useId();
  return (
    <section className="card" aria-labelledby={id} data-testid={testId}>
      <div className="card-header">
        <h2 id={id}>{title}</h2>
        {hint && <span className="subtle">{hint}</span>}
      </div>
      <div className="card-body">{children}</div>
    </section>
  );
}

/** An input that commits on Enter or when it loses focus, and goes back to the stored text on Escape. */
// ---------- Markov: states ----------

function StatesCard({ document, issues, values, readOnly, apply }: StructureEditorProps) {
  const m = rec(document.model);
  const states = arr(m.states);
  const initial = rec(m.initial);
  const { t, fmt } = useLanguage();
  const [removing, setRemoving] = useState<string | null>(null);
  const references = removing ? edits.stateReferences(document, removing).map((r) => stateReferenceText(r, t)) : [];
  return (
    <Card title={t('structure.states')} hint={t('structure.statesHint')} testId="states-card">
      <table className="table structure-table" data-testid="states-table">
        <thead>
          <tr>
            <th scope="col">{t('structure.id')}</th>
            <th scope="col">{t('structure.label')}</th>
            <th scope="col">{t('structure.col.dead')}</th>
            <th scope="col">{t('structure.col.tunnel')}</th>
            <th scope="col">{t('structure.col.share')}</th>
            <th scope="col"><span className="visually-hidden">{t('models.col.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {states.map((s, i) => {
            const id = String(s.id);
            const share = initial[id];
            const shareValue = value(values, share);
            return (
              <tr key={`${i}-${id}`} data-testid={`state-row-${id}`}>
                <td><CommitInput value={id} label={t('structure.stateId', { id })} readOnly={readOnly} onCommit={(typed) => apply((d) => edits.renameState(d, id, typed.trim()))} testId={`state-id-${id}`} error={problemAt(issues, `model.states[${i}].id`)} width={110} /></td>
                <td><CommitInput value={exprText(s.label)} label={t('structure.stateLabel', { id })} readOnly={readOnly} onCommit={(typed) => apply((d) => edits.setStateFields(d, id, { label: typed }), `state-label:${id}`)} testId={`state-label-${id}`} error={problemAt(issues, `model.states[${i}]`, true)} /></td>
                <td><input type="checkbox" aria-label={t('structure.stateDead', { id })} checked={s.dead === true} disabled={readOnly} onChange={(e) => apply((d) => edits.setStateFields(d, id, { dead: e.target.checked }))} data-testid={`state-dead-${id}`} /></td>
                <td>
                  <CommitInput
                    value={exprText(s.maxStateTime)}
                    label={t('structure.stateTunnel', { id })}
                    placeholder={t('structure.none')}
                    readOnly={readOnly}
                    width={70}
                    onCommit={(typed) => apply((d) => edits.setStateFields(d, id, { maxStateTime: typed.trim() === '' ? null : Number(typed) }))}
                    testId={`state-tunnel-${id}`}
                    error={problemAt(issues, `model.states[${i}].maxStateTime`)}
                  />
                </td>
                <td>
                  <CommitInput value={exprText(share)} label={t('structure.stateShare', { id })} placeholder="0" readOnly={readOnly} width={90} onCommit={(typed) => apply((d) => edits.setInitialShare(d, id, readExpressionInput(typed)))} testId={`state-start-${id}`} error={problemAt(issues, `model.initial.${id}`)} />
                  {shareValue !== null && typeof share === 'string' && <span className="subtle"> = {diagramNumber(shareValue, fmt)}</span>}
                </td>
                <td className="actions">
                  {!readOnly && (
                    <>
                      <button type="button" className="btn btn-ghost btn-sm" aria-label={t('structure.stateUp', { id })} disabled={i === 0} onClick={() => apply((d) => edits.moveState(d, id, -1))}>↑</button>
                      <button type="button" className="btn btn-ghost btn-sm" aria-label={t('structure.stateDown', { id })} disabled={i === states.length - 1} onClick={() => apply((d) => edits.moveState(d, id, 1))}>↓</button>
                      <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => setRemoving(id)} data-testid={`state-remove-${id}`} aria-label={t('structure.removeStateLabel', { id })}>{t('structure.remove')}</button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AddForm
        readOnly={readOnly}
        testId="add-state"
        submitLabel={t('structure.addState')}
        fields={[{ key: 'id', label: t('structure.id'), placeholder: t('structure.example', { example: 'Progressed' }) }, { key: 'label', label: t('structure.label') }]}
        onAdd={(v) => apply((d) => edits.addState(d, (v.id ?? '').trim(), v.label?.trim() || undefined))}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('structure.removeStateTitle', { id: removing ?? '' })}
        message={
          references.length > 0 ? (
            <>
              <p>{t('structure.goWith')}</p>
              <ul data-testid="state-references">{references.map((r) => <li key={r}>{r}</li>)}</ul>
              <p className="subtle">{t('structure.undoBrings')}</p>
            </>
          ) : (
            <p>{t('structure.nothingRefers')}</p>
          )
        }
        confirmLabel={t('structure.removeState')}
        tone="danger"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing!;
          setRemoving(null);
          apply((d) => edits.removeState(d, id));
        }}
      />
    </Card>
  );
}

// ---------- Markov: transition matrix ----------

function TransitionsCard({ document, issues, values, readOnly, apply }: StructureEditorProps) {
  const { t, fmt } = useLanguage();
  const m = rec(document.model);
  const states = arr(m.states).map((s) => ({ key: String(s.id), label: String(s.label ?? s.id) }));
  const transitions = arr(m.transitions);
  const index = new Map(transitions.map((t, i) => [`${String(t.from)}→${String(t.to)}`, i]));
  // The value of each cell; a complement ("C") is 1 minus the rest of its row.
  const rowValues = (from: string): Map<string, number | null> => {
    const out = new Map<string, number | null>();
    let rest: number | null = 1;
    let complement: string | null = null;
    for (const t of transitions) {
      if (t.from !== from) continue;
      const to = String(t.to);
      if (t.probability === 'C') {
        complement = to;
        continue;
      }
      const v = value(values, t.probability);
      out.set(to, v);
      rest = v === null || rest === null ? null : rest - v;
    }
    if (complement) out.set(complement, rest);
    return out;
  };
  const rows = new Map(states.map((s) => [s.key, rowValues(s.key)]));
  const cell = (from: string, to: string): GridCell => {
    const i = index.get(`${from}→${to}`);
    if (i === undefined) return { text: '', value: null };
    const transition = transitions[i]!;
    const v = rows.get(from)?.get(to) ?? null;
    return { text: exprText(transition.probability), value: v, ...(transition.probability === 'C' && v !== null ? { note: `= ${diagramNumber(v, fmt)}` } : {}), error: problemAt(issues, `model.transitions[${i}].probability`) };
  };
  const rowProblem = (from: string): string | undefined => {
    for (const [key, i] of index) if (key.startsWith(`${from}→`)) {
      const p = problemAt(issues, `model.transitions[${i}]`, true);
      if (p) return p;
    }
    return undefined;
  };
  return (
    <Card title={t('structure.transitions')} hint={t('structure.transitionsHint')} testId="transitions-card">
      <ExpressionGrid
        label={t('structure.matrixLabel')}
        rows={states}
        columns={states}
        cell={cell}
        cellName={(from, to) => t('structure.transitionCell', { from, to })}
        onCommit={(from, to, text) => apply((d) => edits.setTransition(d, from, to, readExpressionInput(text)), `transition:${from}:${to}`)}
        readOnly={readOnly}
        formatValue={(x) => diagramNumber(x, fmt)}
        testId="transition-matrix"
        trailing={{
          label: t('structure.rowSum'),
          render: (from) => {
            const vals = [...(rows.get(from)?.values() ?? [])];
            const problem = rowProblem(from);
            if (vals.length === 0) return <span className="row-sum row-sum-bad" data-testid={`row-sum-${from}`}>{t('structure.noTransitions')}</span>;
            const sum = vals.some((v) => v === null) ? null : vals.reduce<number>((a, v) => a + v!, 0);
            const ok = sum !== null && Math.abs(sum - 1) < 1e-9 && !problem;
            return (
              <span className={`row-sum ${ok ? 'row-sum-ok' : sum === null ? '' : 'row-sum-bad'}`} data-testid={`row-sum-${from}`} title={problem}>
                {sum === null ? '—' : `${ok ? '✓ ' : '✗ '}${diagramNumber(sum, fmt)}`}
                {problem && <span className="visually-hidden">. {problem}</span>}
              </span>
            );
          },
        }}
      />
    </Card>
  );
}

// ---------- Markov and PSM: state values ----------

function StateValuesCard({ document, issues, values, readOnly, apply }: StructureEditorProps) {
  const { t, fmt } = useLanguage();
  const m = rec(document.model);
  const psmStates = { progressionFree: 'PF', progressed: 'PD', dead: 'Dead', ...(rec(m.states) as Record<string, string>) };
  const states = m.type === 'psm' ? [psmStates.progressionFree, psmStates.progressed, psmStates.dead].map((id) => ({ key: id, label: id })) : arr(m.states).map((s) => ({ key: String(s.id), label: String(s.label ?? s.id) }));
  const categories = arr(document.costCategories).map((c) => ({ key: String(c.id), label: t('structure.costColumn', { category: String(c.label ?? c.id) }) }));
  const columns = [...categories, { key: '__utility', label: t('structure.utility') }];
  const stateValues = rec(m.stateValues);
  const cell = (state: string, column: string): GridCell => {
    const entry = rec(stateValues[state]);
    const raw = column === '__utility' ? entry.utility : rec(entry.costs)[column];
    const text = typeof raw === 'object' && raw !== null ? exprText(rec(raw).value) : exprText(raw);
    const path = column === '__utility' ? `model.stateValues.${state}.utility` : `model.stateValues.${state}.costs.${column}`;
    return { text, value: value(values, text === '' ? undefined : readExpressionInput(text) ?? undefined), error: problemAt(issues, path) };
  };
  return (
    <Card title={t('structure.stateValues')} hint={t('structure.stateValuesHint')} testId="state-values-card">
      <ExpressionGrid
        label={t('structure.valuesLabel')}
        rows={states}
        columns={columns}
        cell={cell}
        cellName={(state, column) => (column === '__utility' ? t('structure.utilityIn', { state }) : t('structure.costIn', { state, category: column }))}
        onCommit={(state, column, text) => apply((d) => edits.setStateValue(d, state, column === '__utility' ? null : column, readExpressionInput(text)), `value:${state}:${column}`)}
        readOnly={readOnly}
        formatValue={(x) => diagramNumber(x, fmt)}
        testId="state-values"
      />
      <AddForm readOnly={readOnly} testId="add-category" submitLabel={t('structure.addCategory')} fields={[{ key: 'id', label: t('structure.id'), placeholder: t('structure.example', { example: 'drug' }) }, { key: 'label', label: t('structure.label') }]} onAdd={(v) => apply((d) => edits.addCostCategory(d, (v.id ?? '').trim(), v.label?.trim() || undefined))} />
    </Card>
  );
}

// ---------- settings ----------

const COUNTING = ['life-table', 'half-cycle', 'beginning', 'end', 'none', 'trapezoidal', 'simpson-1/3'];

function SettingsCard({ document, issues, readOnly, apply }: StructureEditorProps) {
  const { t } = useLanguage();
  const s = rec(document.settings);
  const d = rec(s.discount);
  const set = (key: SettingKey, v: number | string | boolean | number[] | null) => apply((doc) => edits.setSetting(doc, key, v), `setting:${key}`);
  const num = (text: string): number | null => {
    const trimmed = text.trim();
    return trimmed === '' ? null : Number(trimmed);
  };
  const field = (key: SettingKey, label: string, current: unknown, parse: (t: string) => number | string | null = num, width = 100) => (
    <label className="setting-field" key={key}>
      <span>{label}</span>
      <CommitInput value={exprText(current)} label={label} readOnly={readOnly} width={width} onCommit={(typed) => set(key, parse(typed))} testId={`edit-setting-${key.replace('.', '-')}`} error={problemAt(issues, `settings.${key}`)} />
    </label>
  );
  return (
    <Card title={t('model.settings')} hint={t('structure.settingsHint')} testId="settings-editor">
      <div className="settings-form">
        {field('cycleLength', t('structure.cycleLength'), s.cycleLength)}
        {field('cycles', t('structure.cycles'), s.cycles)}
        {field('horizon', t('structure.horizon'), s.horizon)}
        {field('discount.costs', t('structure.discountCosts'), d.costs)}
        {field('discount.effects', t('structure.discountEffects'), d.effects)}
        <label className="setting-field">
          <span>{t('structure.discountFirst')}</span>
          <input type="checkbox" checked={d.firstCycleDiscounted === true} disabled={readOnly} onChange={(e) => set('discount.firstCycleDiscounted', e.target.checked)} data-testid="edit-setting-discount-firstCycleDiscounted" aria-label={t('structure.discountFirstLabel')} />
        </label>
        <label className="setting-field">
          <span>{t('structure.counting')}</span>
          <select className="select" value={exprText(s.counting) || 'life-table'} disabled={readOnly} onChange={(e) => set('counting', e.target.value)} data-testid="edit-setting-counting">
            {COUNTING.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
        <label className="setting-field">
          <span>{t('structure.effect')}</span>
          <select className="select" value={exprText(s.effect) || 'qalys'} disabled={readOnly} onChange={(e) => set('effect', e.target.value)} data-testid="edit-setting-effect">
            <option value="qalys">{t('model.effect.qalys')}</option>
            <option value="life-years">{t('model.effect.lifeYears')}</option>
          </select>
        </label>
        {field('currency', t('structure.currency'), s.currency, (typed) => typed.trim() || null, 70)}
        {field('priceYear', t('structure.priceYear'), s.priceYear)}
        {field('startAge', t('structure.startAge'), s.startAge)}
        {field('cohortSize', t('structure.cohortSize'), s.cohortSize)}
        <label className="setting-field">
          <span>{t('structure.thresholds')}</span>
          <CommitInput
            value={arr(s.wtp).join(', ')}
            label={t('structure.wtpLabel')}
            readOnly={readOnly}
            width={180}
            onCommit={(typed) => set('wtp', typed.split(/[,;\s]+/).filter(Boolean).map(Number))}
            testId="edit-setting-wtp"
            error={problemAt(issues, 'settings.wtp')}
          />
        </label>
      </div>
    </Card>
  );
}

// ---------- strategies ----------

function StrategiesCard({ document, issues, values, readOnly, apply }: StructureEditorProps) {
  const strategies = arr(document.strategies);
  const parameterIds = arr(document.parameters).map((p) => String(p.id));
  const { t, fmt } = useLanguage();
  return (
    <Card title={t('models.col.strategies')} hint={t('structure.strategiesHint')} testId="strategies-card">
      <div className="section-stack">
        {strategies.map((s, i) => {
          const id = String(s.id);
          const overrides = Object.entries(rec(s.parameters));
          return (
            <div key={`${i}-${id}`} className="strategy-block" data-testid={`strategy-${id}`}>
              <div className="strategy-head">
                <span className="mono">{id}</span>
                <CommitInput value={exprText(s.label)} label={t('structure.strategyLabel', { id })} readOnly={readOnly} onCommit={(typed) => apply((d) => edits.setStrategyLabel(d, id, typed), `strategy-label:${id}`)} testId={`strategy-label-${id}`} error={problemAt(issues, `strategies[${i}]`, true)} />
                {!readOnly && strategies.length > 1 && <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => apply((d) => edits.removeStrategy(d, id))} data-testid={`strategy-remove-${id}`} aria-label={t('structure.removeStrategyLabel', { id })}>{t('structure.remove')}</button>}
              </div>
              {overrides.length > 0 && (
                <table className="table structure-table">
                  <thead>
                    <tr><th scope="col">{t('report.methods.parameter')}</th><th scope="col">{t('structure.override')}</th><th scope="col">{t('structure.valueAtCycle1')}</th><th scope="col"><span className="visually-hidden">{t('models.col.actions')}</span></th></tr>
                  </thead>
                  <tbody>
                    {overrides.map(([p, e]) => {
                      const v = values?.value(e as string | number, id) ?? null;
                      return (
                        <tr key={p}>
                          <th scope="row" className="mono">{p}</th>
                          <td><CommitInput value={exprText(e)} label={t('structure.overrideOf', { parameter: p, strategy: id })} readOnly={readOnly} onCommit={(typed) => apply((d) => edits.setStrategyOverride(d, id, p, readExpressionInput(typed)))} testId={`override-${id}-${p}`} error={problemAt(issues, `strategies[${i}].parameters.${p}`)} width={260} /></td>
                          <td className="num">{v === null ? '—' : diagramNumber(v, fmt)}</td>
                          <td>{!readOnly && <button type="button" className="btn btn-ghost btn-sm" onClick={() => apply((d) => edits.setStrategyOverride(d, id, p, null))} aria-label={t('structure.removeOverride', { parameter: p, strategy: id })}>{t('structure.remove')}</button>}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              )}
              {!readOnly && <OverrideForm strategy={id} parameterIds={parameterIds.filter((p) => !overrides.some(([k]) => k === p))} apply={apply} />}
            </div>
          );
        })}
        <AddForm readOnly={readOnly} testId="add-strategy" submitLabel={t('structure.addStrategy')} fields={[{ key: 'id', label: t('structure.id'), placeholder: t('structure.example', { example: 'combination' }) }, { key: 'label', label: t('structure.label') }]} onAdd={(v) => apply((d) => edits.addStrategy(d, (v.id ?? '').trim(), v.label?.trim() || undefined))} />
      </div>
    </Card>
  );
}

function OverrideForm({ strategy, parameterIds, apply }: { strategy: string; parameterIds: string[]; apply: ApplyEdit }) {
  const { t } = useLanguage();
  const [parameter, setParameter] = useState('');
  const [text, setText] = useState('');
  const chosen = parameter || parameterIds[0] || '';
  if (parameterIds.length === 0) return null;
  return (
    <form
      className="add-form"
      data-testid={`add-override-${strategy}`}
      onSubmit={(e) => {
        e.preventDefault();
        const v = readExpressionInput(text);
        if (v === null) return;
        apply((d) => edits.setStrategyOverride(d, strategy, chosen, v));
        setText('');
      }}
    >
      <label className="inline-field">
        <span>{t('structure.override')}</span>
        <select className="select" value={chosen} onChange={(e) => setParameter(e.target.value)} data-testid={`add-override-${strategy}-parameter`}>
          {parameterIds.map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
      <label className="inline-field">
        <span>{t('structure.with')}</span>
        <input className="input" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('structure.valueOrExpression')} data-testid={`add-override-${strategy}-value`} />
      </label>
      <button type="submit" className="btn btn-sm" data-testid={`add-override-${strategy}-submit`}>{t('structure.addOverride')}</button>
    </form>
  );
}

// ---------- parameters ----------

function ParametersCard({ document, issues, values, readOnly, apply, onRenameParameter }: StructureEditorProps) {
  const parameters = arr(document.parameters);
  const { t, fmt } = useLanguage();
  const [removing, setRemoving] = useState<string | null>(null);
  const rename = useParameterRename(onRenameParameter, 'parameter-rename');
  const uses = removing ? parameterUseList(edits.parameterUses(document, removing), t) : [];
  return (
    <Card title={t('param.title')} hint={t('structure.parametersHint')} testId="parameters-editor">
      {parameters.length > 0 && (
        <div className="table-wrap">
          <table className="table structure-table parameter-definitions" data-testid="parameter-definitions">
            <thead>
              <tr><th scope="col">{t('structure.id')}</th><th scope="col">{t('structure.col.definition')}</th><th scope="col">{t('structure.col.value')}</th><th scope="col"><span className="visually-hidden">{t('models.col.actions')}</span></th></tr>
            </thead>
            <tbody>
              {parameters.map((p, i) => {
                const id = String(p.id);
                const def = p.expression ?? p.value;
                const v = values?.value(id) ?? null;
                return (
                  <tr key={`${i}-${id}`} data-testid={`parameter-definition-row-${id}`}>
                    <th scope="row" className="mono">
                      {rename.renaming === id ? <RenameParameterField document={document} id={id} onCancel={() => rename.cancel(id)} onRename={(to) => rename.rename(id, to)} /> : id}
                    </th>
                    <td><CommitInput value={exprText(def)} label={t('structure.definitionOf', { id })} readOnly={readOnly} width={300} onCommit={(typed) => { const x = readExpressionInput(typed); if (x !== null) apply((d) => edits.setParameterDefinition(d, id, x), `definition:${id}`); }} testId={`parameter-definition-${id}`} error={problemAt(issues, `parameters[${i}]`)} /></td>
                    <td className="num">{v === null ? '—' : diagramNumber(v, fmt)}</td>
                    <td className="actions">
                      {!readOnly && (
                        <>
                          <RenameParameterButton id={id} rename={rename} testId={`parameter-rename-${id}`} />
                          <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => setRemoving(id)} aria-label={t('structure.removeParameterLabel', { id })} data-testid={`parameter-remove-${id}`}>{t('structure.remove')}</button>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <AddForm readOnly={readOnly} testId="add-parameter" submitLabel={t('structure.addParameter')} fields={[{ key: 'id', label: t('structure.id'), placeholder: t('structure.example', { example: 'rr' }) }, { key: 'definition', label: t('structure.col.definition'), placeholder: t('structure.example', { example: '0.509' }) }]} onAdd={(v) => {
        const def = readExpressionInput(v.definition ?? '');
        apply((d) => edits.addParameter(d, (v.id ?? '').trim(), def ?? 0));
      }} />
      <ConfirmDialog
        open={removing !== null}
        title={t('structure.removeParameterTitle', { id: removing ?? '' })}
        message={
          uses.length > 0 ? (
            <>
              <p>{t('structure.usedIn')}</p>
              <ul className="use-list" data-testid="parameter-uses">
                {uses.slice(0, MAX_USES_SHOWN).map((u) => <li key={u}>{u}</li>)}
                {uses.length > MAX_USES_SHOWN && <li className="subtle">{t('structure.andMore', { n: uses.length - MAX_USES_SHOWN })}</li>}
              </ul>
              <p className="subtle">{t('structure.removeUsedNote')}</p>
            </>
          ) : (
            <>
              <p data-testid="parameter-unused">{t('structure.notUsed')}</p>
              <p className="subtle">{t('structure.undoBringsIt')}</p>
            </>
          )
        }
        confirmLabel={t('structure.removeParameter')}
        tone="danger"
        testId="parameter-remove-dialog"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const id = removing!;
          setRemoving(null);
          apply((d) => edits.removeParameter(d, id));
        }}
      />
    </Card>
  );
}

/** Uses listed in the removal dialog before "and N more" (a parameter read everywhere would fill the screen). */
const MAX_USES_SHOWN = 12;

// ---------- partitioned survival: curves ----------

const DISTRIBUTIONS = [...Object.keys(edits.CURVE_FIELDS), 'table', 'join'];

/** A survival table as text (paste from a spreadsheet); refused lines are reported and the table stays as it was. */
function SurvivalTableField({ id, spec, readOnly, onChange, error }: { id: string; spec: Record<string, unknown>; readOnly: boolean; onChange: (next: Record<string, unknown>) => void; error?: string | undefined }) {
  const { t } = useLanguage();
  const stored = edits.survivalTableText(arr(spec.times), arr(spec.survival));
  const [draft, setDraft] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    if (draft === null || draft === stored) return setDraft(null);
    try {
      onChange({ ...spec, ...edits.parseSurvivalTable(draft) });
      setDraft(null);
      setProblem(null);
    } catch (e) {
      setProblem(errorText(e, t));
    }
  };
  const shown = problem ?? error;
  return (
    <div className="curve-table-field">
      <label className="inline-field stacked">
        <span>{t('structure.tableText')}</span>
        <textarea className="input mono" rows={5} value={draft ?? stored} readOnly={readOnly} {...modelField(draft !== null && draft !== stored)} onChange={(e) => setDraft(e.target.value)} onBlur={commit} aria-invalid={shown ? true : undefined} data-testid={`curve-${id}-table`} />
      </label>
      <label className="inline-field">
        <span>{t('structure.betweenRows')}</span>
        <select className="select" value={String(spec.interpolation ?? 'linear')} disabled={readOnly} onChange={(e) => onChange({ ...spec, interpolation: e.target.value })} data-testid={`curve-${id}-interpolation`}>
          <option value="linear">{t('structure.linear')}</option>
          <option value="step">{t('structure.step')}</option>
        </select>
      </label>
      {shown && <span className="field-error" role="alert">{shown}</span>}
    </div>
  );
}

/** A joined curve: the curves used one after another and the times they change (heemod's join). */
function JoinField({ id, spec, others, readOnly, issues, onChange }: { id: string; spec: Record<string, unknown>; others: string[]; readOnly: boolean; issues: readonly Issue[]; onChange: (next: Record<string, unknown>, mergeKey?: string) => void }) {
  const { t } = useLanguage();
  const pieces = arr(spec.curves).map(String);
  const at = arr(spec.at);
  const setPiece = (i: number, curve: string) => onChange({ ...spec, curves: pieces.map((c, j) => (j === i ? curve : c)) });
  const setAt = (i: number, text: string) => {
    const v = readExpressionInput(text);
    if (v !== null) onChange({ ...spec, at: at.map((x, j) => (j === i ? v : x)) }, `curve:${id}:at:${i}`);
  };
  return (
    <div className="add-form compact" data-testid={`curve-${id}-join`}>
      {pieces.map((c, i) => (
        <span key={i} className="inline-field">
          {i > 0 && (
            <label className="inline-field">
              <span>{t('structure.joinFrom')}</span>
              <CommitInput value={exprText(at[i - 1])} label={t('structure.joinAt', { id, n: i + 1 })} readOnly={readOnly} width={70} onCommit={(typed) => setAt(i - 1, typed)} testId={`curve-${id}-at-${i - 1}`} error={problemAt(issues, `model.curves.${id}.at[${i - 1}]`)} />
            </label>
          )}
          <select className="select" value={c} disabled={readOnly} onChange={(e) => setPiece(i, e.target.value)} aria-label={t('structure.piece', { n: i + 1, id })} data-testid={`curve-${id}-piece-${i}`}>
            {others.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </span>
      ))}
      {!readOnly && (
        <>
          <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange({ ...spec, curves: [...pieces, pieces[pieces.length - 1] ?? others[0] ?? id], at: [...at, Number(at[at.length - 1] ?? 0) + 1] })} data-testid={`curve-${id}-add-piece`}>{t('structure.addPiece')}</button>
          {pieces.length > 2 && <button type="button" className="btn btn-ghost btn-sm" onClick={() => onChange({ ...spec, curves: pieces.slice(0, -1), at: at.slice(0, -1) })}>{t('structure.removeLastPiece')}</button>}
        </>
      )}
    </div>
  );
}

function CurvesCard({ document, issues, values, readOnly, apply }: StructureEditorProps) {
  const { t, fmt } = useLanguage();
  const m = rec(document.model);
  const curves = rec(m.curves);
  const ids = Object.keys(curves);
  const strategies = arr(document.strategies);
  const arms = rec(m.strategyCurves);
  const setField = (id: string, field: string, text: string) => {
    const spec = { ...rec(curves[id]) };
    const v = field === 'curve' || field === 'label' ? text.trim() : readExpressionInput(text);
    if (v === null || v === '') delete spec[field];
    else spec[field] = v;
    apply((d) => edits.setCurve(d, id, spec), `curve:${id}:${field}`);
  };
  const setDist = (id: string, dist: string) => {
    const old = rec(curves[id]);
    const spec: Record<string, unknown> = { dist, ...(old.label !== undefined ? { label: old.label } : {}) };
    for (const f of edits.CURVE_FIELDS[dist] ?? []) spec[f] = f === 'curve' ? (ids.find((c) => c !== id) ?? id) : (old[f] ?? 1);
    if (dist === 'table') {
      // Start from the curve as it is now, read yearly over five years, so the switch keeps its shape.
      const times = [0, 1, 2, 3, 4, 5];
      const now = values?.survival(curves as never, id, times) ?? null;
      spec.times = times;
      spec.survival = now ? now.map((x, i) => (i === 0 ? 1 : Math.min(1, Math.max(0, Number(x.toPrecision(4)))))) : [1, 0.8, 0.6, 0.45, 0.3, 0.2];
    }
    if (dist === 'join') {
      const others = ids.filter((c) => c !== id);
      spec.curves = [others[0] ?? id, others[1] ?? others[0] ?? id];
      spec.at = [1];
    }
    apply((d) => edits.setCurve(d, id, spec));
  };
  const armSelect = (label: string, value: string, onChange: (v: string) => void, testId: string) => (
    <label className="inline-field">
      <span>{label}</span>
      <select className="select" value={value} disabled={readOnly} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        {ids.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
    </label>
  );
  return (
    <Card title={t('nav.survival')} hint={t('structure.curvesHint')} testId="curves-card">
      <table className="table structure-table curves-table" data-testid="curves-table">
        <thead>
          <tr><th scope="col">{t('report.methods.curve')}</th><th scope="col">{t('structure.label')}</th><th scope="col">{t('structure.col.distribution')}</th><th scope="col">{t('param.title')}</th><th scope="col">{t('structure.col.median')}</th><th scope="col"><span className="visually-hidden">{t('models.col.actions')}</span></th></tr>
        </thead>
        <tbody>
          {ids.map((id) => {
            const spec = rec(curves[id]);
            const dist = String(spec.dist);
            const fields = edits.CURVE_FIELDS[dist] ?? [];
            const grid = Array.from({ length: 201 }, (_, k) => k * 0.25);
            const surv = values?.survival(curves as never, id, grid) ?? null;
            const medianAt = surv ? surv.findIndex((x) => x <= 0.5) : -1;
            return (
              <tr key={id} data-testid={`curve-row-${id}`}>
                <th scope="row" className="mono">{id}</th>
                <td><CommitInput value={exprText(spec.label)} label={t('structure.curveLabel', { id })} readOnly={readOnly} onCommit={(typed) => setField(id, 'label', typed)} testId={`curve-label-${id}`} /></td>
                <td>
                  {DISTRIBUTIONS.includes(dist) ? (
                    <select className="select" value={dist} disabled={readOnly} onChange={(e) => setDist(id, e.target.value)} aria-label={t('structure.curveDist', { id })} data-testid={`curve-dist-${id}`}>
                      {DISTRIBUTIONS.map((d) => <option key={d} value={d}>{d}</option>)}
                    </select>
                  ) : (
                    <span>{dist} <span className="subtle">{t('structure.editedInFile')}</span></span>
                  )}
                </td>
                <td>
                  {dist === 'table' && <SurvivalTableField id={id} spec={spec} readOnly={readOnly} onChange={(next) => apply((d) => edits.setCurve(d, id, next))} error={problemAt(issues, `model.curves.${id}`)} />}
                  {dist === 'join' && <JoinField id={id} spec={spec} others={ids.filter((c) => c !== id)} readOnly={readOnly} issues={issues} onChange={(next, key) => apply((d) => edits.setCurve(d, id, next), key)} />}
                  <div className="add-form compact">
                    {fields.map((f) =>
                      f === 'curve' ? (
                        <label key={f} className="inline-field">
                          <span>{t('structure.on')}</span>
                          <select className="select" value={exprText(spec.curve)} disabled={readOnly} onChange={(e) => setField(id, 'curve', e.target.value)} data-testid={`curve-${id}-curve`}>
                            {ids.filter((c) => c !== id).map((c) => <option key={c} value={c}>{c}</option>)}
                          </select>
                        </label>
                      ) : (
                        <label key={f} className="inline-field">
                          <span>{f}</span>
                          <CommitInput value={exprText(spec[f])} label={t('structure.curveField', { field: f, id })} readOnly={readOnly} width={120} onCommit={(typed) => setField(id, f, typed)} testId={`curve-${id}-${f}`} error={problemAt(issues, `model.curves.${id}.${f}`)} />
                        </label>
                      ),
                    )}
                  </div>
                </td>
                <td className="num" data-testid={`curve-median-${id}`}>{medianAt > 0 ? diagramNumber(grid[medianAt]!, fmt) : medianAt === 0 ? '0' : surv ? '> 50' : '—'}</td>
                <td>{!readOnly && ids.length > 2 && <button type="button" className="btn btn-ghost btn-sm" onClick={() => apply((d) => edits.setCurve(d, id, null))} aria-label={t('structure.removeCurve', { id })}>{t('structure.remove')}</button>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <AddForm readOnly={readOnly} testId="add-curve" submitLabel={t('structure.addCurve')} fields={[{ key: 'id', label: t('structure.id'), placeholder: t('structure.example', { example: 'os_new' }) }, { key: 'rate', label: t('structure.ratePerYear'), placeholder: '0.3' }]} onAdd={(v) => apply((d) => edits.setCurve(d, (v.id ?? '').trim(), { dist: 'exponential', rate: readExpressionInput(v.rate ?? '') ?? 0.3 }))} />
      <div className="section-stack curve-arms">
        <div className="add-form">
          <strong>{t('countries.modelTitle')}</strong>
          {armSelect(t('structure.pfs'), exprText(m.pfs), (v) => apply((d) => edits.setPsmArm(d, undefined, { pfs: v, os: String(m.os) })), 'arm-model-pfs')}
          {armSelect(t('structure.os'), exprText(m.os), (v) => apply((d) => edits.setPsmArm(d, undefined, { pfs: String(m.pfs), os: v })), 'arm-model-os')}
        </div>
        {strategies.map((st) => {
          const sid = String(st.id);
          const arm = rec(arms[sid]);
          const own = arms[sid] !== undefined;
          return (
            <div key={sid} className="add-form">
              <strong>{String(st.label ?? sid)}</strong>
              <label className="inline-field">
                <input type="checkbox" checked={own} disabled={readOnly} onChange={(e) => apply((d) => edits.setPsmArm(d, sid, e.target.checked ? { pfs: String(m.pfs), os: String(m.os) } : null))} data-testid={`arm-${sid}-own`} />
                <span>{t('structure.ownCurves')}</span>
              </label>
              {own && armSelect(t('structure.pfs'), exprText(arm.pfs), (v) => apply((d) => edits.setPsmArm(d, sid, { pfs: v, os: String(arm.os) })), `arm-${sid}-pfs`)}
              {own && armSelect(t('structure.os'), exprText(arm.os), (v) => apply((d) => edits.setPsmArm(d, sid, { pfs: String(arm.pfs), os: v })), `arm-${sid}-os`)}
            </div>
          );
        })}
      </div>
    </Card>
  );
}
