import * as edits from '../../engine/model/structure-edits';
import type { NodePath, TestField, TestResultStatus } from '../../engine/model/structure-edits';
import type { StructureEditorProps } from './structure-editor';
import { AddForm, CommitInput, arr, exprText, problemAt, rec } from './structure-fields';

// The diagnostic tests of a tree model (model.tests: accuracy, no-result rate, turnaround, costs, rule-out) and a
// diagnostic construct's test sequence (which tests at each step, on which results a step runs, its uptake), edited
// as forms instead of JSON. Both go through the model page's edit path like every structure edit.

const RESULTS: { id: TestResultStatus; label: string }[] = [
  { id: 'positive', label: 'positive' },
  { id: 'negative', label: 'negative' },
  { id: 'no-result', label: 'no result' },
];

const FIELDS: { field: Exclude<TestField, 'label' | 'ruleOut'>; label: string; placeholder?: string }[] = [
  { field: 'sensitivity', label: 'Sensitivity' },
  { field: 'specificity', label: 'Specificity' },
  { field: 'noResult', label: 'No result', placeholder: '0' },
  { field: 'turnaround', label: 'Turnaround', placeholder: '0' },
];

export function TestsCard({ document, issues, readOnly, apply }: StructureEditorProps) {
  const m = rec(document.model);
  const tests = arr(m.tests);
  const categories = arr(document.costCategories).map((c) => String(c.id));
  const unit = String(m.timeUnit ?? 'day');
  return (
    <section className="card" aria-labelledby="tests-title" data-testid="tests-card">
      <div className="card-header">
        <h2 id="tests-title">Diagnostic tests</h2>
        <span className="subtle">Used by the test sequences of diagnostic nodes; turnaround in {unit}s; costs per test done.</span>
      </div>
      <div className="card-body">
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Diagnostic tests table">
          <table className="table structure-table" data-testid="tests-table">
            <thead>
              <tr>
                <th scope="col">Test</th>
                <th scope="col">Label</th>
                {FIELDS.map((f) => <th key={f.field} scope="col">{f.label}</th>)}
                {categories.map((c) => <th key={c} scope="col">Cost: {c}</th>)}
                <th scope="col">Negative rules out</th>
                <th scope="col"><span className="visually-hidden">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {tests.map((t, i) => {
                const id = String(t.id);
                return (
                  <tr key={id} data-testid={`test-row-${id}`}>
                    <th scope="row" className="mono">{id}</th>
                    <td><CommitInput value={exprText(t.label)} label={`Label of test ${id}`} readOnly={readOnly} onCommit={(v) => apply((d) => edits.setTestField(d, id, 'label', v.trim() === '' ? null : v.trim()), `test-label:${id}`)} testId={`test-${id}-label`} width={160} /></td>
                    {FIELDS.map((f) => (
                      <td key={f.field}>
                        <CommitInput
                          value={exprText(t[f.field])}
                          label={`${f.label} of test ${id}`}
                          placeholder={f.placeholder}
                          readOnly={readOnly}
                          width={110}
                          onCommit={(v) => apply((d) => edits.setTestField(d, id, f.field, edits.parseExpressionInput(v)), `test:${id}:${f.field}`)}
                          testId={`test-${id}-${f.field}`}
                          error={problemAt(issues, `model.tests[${i}].${f.field}`)}
                        />
                      </td>
                    ))}
                    {categories.map((c) => (
                      <td key={c}>
                        <CommitInput value={exprText(rec(t.costs)[c])} label={`Cost ${c} of test ${id}`} placeholder="0" readOnly={readOnly} width={110} onCommit={(v) => apply((d) => edits.setTestCost(d, id, c, edits.parseExpressionInput(v)), `test-cost:${id}:${c}`)} testId={`test-${id}-cost-${c}`} error={problemAt(issues, `model.tests[${i}].costs.${c}`)} />
                      </td>
                    ))}
                    <td>
                      <input type="checkbox" aria-label={`A negative result of ${id} rules the condition out`} checked={t.ruleOut !== false} disabled={readOnly} onChange={(e) => apply((d) => edits.setTestField(d, id, 'ruleOut', e.target.checked))} data-testid={`test-${id}-ruleOut`} />
                    </td>
                    <td>{!readOnly && <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => apply((d) => edits.removeTest(d, id))} data-testid={`test-remove-${id}`}>Remove</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {problemAt(issues, 'model.tests', true) && <p className="field-error" role="note">{problemAt(issues, 'model.tests', true)}</p>}
        <AddForm readOnly={readOnly} testId="add-test" submitLabel="Add test" fields={[{ key: 'id', label: 'Id', placeholder: 'e.g. plasma_ngs' }, { key: 'label', label: 'Label' }]} onAdd={(v) => apply((d) => edits.addTest(d, (v.id ?? '').trim(), v.label?.trim() || undefined))} />
      </div>
    </section>
  );
}

interface Step {
  tests?: string[];
  when?: string[];
  uptake?: string | number;
  label?: string;
}

/** A diagnostic node's steps: tests done, when the step runs (not for the first: it always runs), uptake. */
export function DiagnosticSteps({ document, issues, readOnly, apply, path, steps, problemPrefix }: StructureEditorProps & { path: NodePath; steps: readonly Step[]; problemPrefix: string }) {
  const testIds = arr(rec(document.model).tests).map((t) => String(t.id));
  const setStep = (i: number, fields: edits.DiagnosticStepFields) => apply((d) => edits.setDiagnosticStep(d, path, i, fields));
  return (
    <div className="diagnostic-steps" data-testid="node-steps">
      <h4>Test sequence</h4>
      <p className="subtle">A positive result stands; a later step can turn a no result, or a negative, into a positive. A negative counts only from a test whose negative rules the condition out.</p>
      <ol className="step-list">
        {steps.map((step, i) => {
          const chosen = step.tests ?? [];
          const when = step.when ?? (i === 0 ? [] : ['no-result']);
          const problem = problemAt(issues, `${problemPrefix}.steps[${i}]`);
          return (
            <li key={i} className="step-row" data-testid={`step-${i}`}>
              <fieldset className="step-fieldset">
                <legend>Step {i + 1}{step.label ? `: ${step.label}` : ''}</legend>
                <div className="step-fields">
                  <div role="group" aria-label={`Tests at step ${i + 1}`} className="check-group">
                    <span className="subtle">Tests</span>
                    {testIds.map((t) => (
                      <label key={t} className="check">
                        <input
                          type="checkbox"
                          checked={chosen.includes(t)}
                          disabled={readOnly || (chosen.length === 1 && chosen[0] === t)}
                          onChange={(e) => setStep(i, { tests: e.target.checked ? [...chosen, t] : chosen.filter((x) => x !== t) })}
                          data-testid={`step-${i}-test-${t}`}
                        />
                        {t}
                      </label>
                    ))}
                  </div>
                  {i === 0 ? (
                    <span className="subtle">Runs for everyone</span>
                  ) : (
                    <div role="group" aria-label={`Step ${i + 1} runs when the result so far is`} className="check-group">
                      <span className="subtle">Runs when the result so far is</span>
                      {RESULTS.map((r) => (
                        <label key={r.id} className="check">
                          <input
                            type="checkbox"
                            checked={when.includes(r.id)}
                            disabled={readOnly || (when.length === 1 && when[0] === r.id)}
                            onChange={(e) => setStep(i, { when: e.target.checked ? [...when, r.id] as TestResultStatus[] : when.filter((x) => x !== r.id) as TestResultStatus[] })}
                            data-testid={`step-${i}-when-${r.id}`}
                          />
                          {r.label}
                        </label>
                      ))}
                    </div>
                  )}
                  <label className="inline-field">
                    <span>Uptake</span>
                    <CommitInput value={exprText(step.uptake)} label={`Uptake of step ${i + 1}`} placeholder="1" readOnly={readOnly} width={110} onCommit={(v) => setStep(i, { uptake: edits.parseExpressionInput(v) })} testId={`step-${i}-uptake`} error={problemAt(issues, `${problemPrefix}.steps[${i}].uptake`)} />
                  </label>
                  {!readOnly && (
                    <span className="btn-group">
                      <button type="button" className="btn btn-ghost btn-sm" aria-label={`Move step ${i + 1} up`} disabled={i === 0} onClick={() => apply((d) => edits.moveDiagnosticStep(d, path, i, -1))}>↑</button>
                      <button type="button" className="btn btn-ghost btn-sm" aria-label={`Move step ${i + 1} down`} disabled={i === steps.length - 1} onClick={() => apply((d) => edits.moveDiagnosticStep(d, path, i, 1))}>↓</button>
                      <button type="button" className="btn btn-ghost btn-sm danger-text" disabled={steps.length === 1} onClick={() => apply((d) => edits.removeDiagnosticStep(d, path, i))} data-testid={`step-${i}-remove`}>Remove step</button>
                    </span>
                  )}
                </div>
                {problem && <p className="field-error" role="note">{problem}</p>}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!readOnly && <button type="button" className="btn btn-sm" disabled={testIds.length === 0} onClick={() => apply((d) => edits.addDiagnosticStep(d, path))} data-testid="step-add">Add step (re-test on no result)</button>}
    </div>
  );
}
