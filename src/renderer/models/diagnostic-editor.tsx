import * as edits from '../../engine/model/structure-edits';
import type { NodePath, TestField, TestResultStatus } from '../../engine/model/structure-edits';
import type { StructureEditorProps } from './structure-editor';
import type { MessageKey } from '../../report/i18n/translate';
import { useLanguage } from '../i18n/language';
import { AddForm, CommitInput, arr, exprText, problemAt, readExpressionInput, rec, timeUnitWord } from './structure-fields';
import { ScrollRegion } from '../ui/scroll-region';

// The diagnostic tests of a tree model (model.tests: accuracy, no-result rate, turnaround, costs, rule-out) and a
// diagnostic construct's test sequence (which tests at each step, on which results a step runs, its uptake), edited
// as forms instead of JSON. Both go through the model page's edit path like every structure edit.

const RESULTS: { id: TestResultStatus; label: MessageKey }[] = [
  { id: 'positive', label: 'structure.result.positive' },
  { id: 'negative', label: 'structure.result.negative' },
  { id: 'no-result', label: 'structure.result.no-result' },
];

const FIELDS: { field: Exclude<TestField, 'label' | 'ruleOut'>; label: MessageKey; placeholder?: string }[] = [
  { field: 'sensitivity', label: 'structure.sensitivity' },
  { field: 'specificity', label: 'structure.specificity' },
  { field: 'noResult', label: 'structure.noResultRate', placeholder: '0' },
  { field: 'turnaround', label: 'structure.turnaround', placeholder: '0' },
];

export function TestsCard({ document, issues, readOnly, apply }: Omit<StructureEditorProps, 'onRenameParameter'>) {
  const m = rec(document.model);
  const tests = arr(m.tests);
  const categories = arr(document.costCategories).map((c) => String(c.id));
  const unit = String(m.timeUnit ?? 'day');
  const { t } = useLanguage();
  return (
    <section className="card" aria-labelledby="tests-title" data-testid="tests-card">
      <div className="card-header">
        <h2 id="tests-title">{t('structure.tests')}</h2>
        <span className="subtle">{t('structure.testsHint', { unit: timeUnitWord(unit, t) })}</span>
      </div>
      <div className="card-body">
        <ScrollRegion label={t('structure.testsTable')}>
          <table className="table structure-table" data-testid="tests-table">
            <thead>
              <tr>
                <th scope="col">{t('structure.col.test')}</th>
                <th scope="col">{t('structure.label')}</th>
                {FIELDS.map((f) => <th key={f.field} scope="col">{t(f.label)}</th>)}
                {categories.map((c) => <th key={c} scope="col">{t('structure.costColumn', { category: c })}</th>)}
                <th scope="col">{t('structure.col.ruleOut')}</th>
                <th scope="col"><span className="visually-hidden">{t('models.col.actions')}</span></th>
              </tr>
            </thead>
            <tbody>
              {tests.map((test, i) => {
                const id = String(test.id);
                return (
                  <tr key={id} data-testid={`test-row-${id}`}>
                    <th scope="row" className="mono">{id}</th>
                    <td><CommitInput value={exprText(test.label)} label={t('structure.testLabel', { id })} readOnly={readOnly} onCommit={(v) => apply((d) => edits.setTestField(d, id, 'label', v.trim() === '' ? null : v.trim()), `test-label:${id}`)} testId={`test-${id}-label`} width={160} /></td>
                    {FIELDS.map((f) => (
                      <td key={f.field}>
                        <CommitInput
                          value={exprText(test[f.field])}
                          label={t('structure.testField', { field: t(f.label), id })}
                          placeholder={f.placeholder}
                          readOnly={readOnly}
                          width={110}
                          onCommit={(v) => apply((d) => edits.setTestField(d, id, f.field, readExpressionInput(v)), `test:${id}:${f.field}`)}
                          testId={`test-${id}-${f.field}`}
                          error={problemAt(issues, `model.tests[${i}].${f.field}`)}
                        />
                      </td>
                    ))}
                    {categories.map((c) => (
                      <td key={c}>
                        <CommitInput value={exprText(rec(test.costs)[c])} label={t('structure.testCost', { category: c, id })} placeholder="0" readOnly={readOnly} width={110} onCommit={(v) => apply((d) => edits.setTestCost(d, id, c, readExpressionInput(v)), `test-cost:${id}:${c}`)} testId={`test-${id}-cost-${c}`} error={problemAt(issues, `model.tests[${i}].costs.${c}`)} />
                      </td>
                    ))}
                    <td>
                      <input type="checkbox" aria-label={t('structure.ruleOut', { id })} checked={test.ruleOut !== false} disabled={readOnly} onChange={(e) => apply((d) => edits.setTestField(d, id, 'ruleOut', e.target.checked))} data-testid={`test-${id}-ruleOut`} />
                    </td>
                    <td>{!readOnly && <button type="button" className="btn btn-ghost btn-sm danger-text" onClick={() => apply((d) => edits.removeTest(d, id))} data-testid={`test-remove-${id}`} aria-label={t('structure.removeTestLabel', { id })}>{t('structure.remove')}</button>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
        {problemAt(issues, 'model.tests', true) && <p className="field-error" role="note">{problemAt(issues, 'model.tests', true)}</p>}
        <AddForm readOnly={readOnly} testId="add-test" submitLabel={t('structure.addTest')} fields={[{ key: 'id', label: t('structure.id'), placeholder: t('structure.example', { example: 'plasma_ngs' }) }, { key: 'label', label: t('structure.label') }]} onAdd={(v) => apply((d) => edits.addTest(d, (v.id ?? '').trim(), v.label?.trim() || undefined))} />
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
export function DiagnosticSteps({ document, issues, readOnly, apply, path, steps, problemPrefix }: Omit<StructureEditorProps, 'onRenameParameter'> & { path: NodePath; steps: readonly Step[]; problemPrefix: string }) {
  const { t } = useLanguage();
  const testIds = arr(rec(document.model).tests).map((test) => String(test.id));
  const setStep = (i: number, fields: edits.DiagnosticStepFields) => apply((d) => edits.setDiagnosticStep(d, path, i, fields));
  return (
    <div className="diagnostic-steps" data-testid="node-steps">
      <h4>{t('structure.sequence')}</h4>
      <p className="subtle">{t('structure.sequenceIntro')}</p>
      <ol className="step-list">
        {steps.map((step, i) => {
          const chosen = step.tests ?? [];
          const when = step.when ?? (i === 0 ? [] : ['no-result']);
          const problem = problemAt(issues, `${problemPrefix}.steps[${i}]`);
          return (
            <li key={i} className="step-row" data-testid={`step-${i}`}>
              <fieldset className="step-fieldset">
                <legend>{step.label ? t('structure.stepTitleLabel', { n: i + 1, label: step.label }) : t('structure.stepTitle', { n: i + 1 })}</legend>
                <div className="step-fields">
                  <div role="group" aria-label={t('structure.testsAt', { n: i + 1 })} className="check-group">
                    <span className="subtle">{t('structure.testsWord')}</span>
                    {testIds.map((testId) => (
                      <label key={testId} className="check">
                        <input
                          type="checkbox"
                          checked={chosen.includes(testId)}
                          disabled={readOnly || (chosen.length === 1 && chosen[0] === testId)}
                          onChange={(e) => setStep(i, { tests: e.target.checked ? [...chosen, testId] : chosen.filter((x) => x !== testId) })}
                          data-testid={`step-${i}-test-${testId}`}
                        />
                        {testId}
                      </label>
                    ))}
                  </div>
                  {i === 0 ? (
                    <span className="subtle">{t('structure.runsForEveryone')}</span>
                  ) : (
                    <div role="group" aria-label={t('structure.stepRunsWhen', { n: i + 1 })} className="check-group">
                      <span className="subtle">{t('structure.runsWhen')}</span>
                      {RESULTS.map((r) => (
                        <label key={r.id} className="check">
                          <input
                            type="checkbox"
                            checked={when.includes(r.id)}
                            disabled={readOnly || (when.length === 1 && when[0] === r.id)}
                            onChange={(e) => setStep(i, { when: e.target.checked ? [...when, r.id] as TestResultStatus[] : when.filter((x) => x !== r.id) as TestResultStatus[] })}
                            data-testid={`step-${i}-when-${r.id}`}
                          />
                          {t(r.label)}
                        </label>
                      ))}
                    </div>
                  )}
                  <label className="inline-field">
                    <span>{t('structure.uptake')}</span>
                    <CommitInput value={exprText(step.uptake)} label={t('structure.uptakeOf', { n: i + 1 })} placeholder="1" readOnly={readOnly} width={110} onCommit={(v) => setStep(i, { uptake: readExpressionInput(v) })} testId={`step-${i}-uptake`} error={problemAt(issues, `${problemPrefix}.steps[${i}].uptake`)} />
                  </label>
                  {!readOnly && (
                    <span className="btn-group">
                      <button type="button" className="btn btn-ghost btn-sm" aria-label={t('structure.stepUp', { n: i + 1 })} disabled={i === 0} onClick={() => apply((d) => edits.moveDiagnosticStep(d, path, i, -1))}>↑</button>
                      <button type="button" className="btn btn-ghost btn-sm" aria-label={t('structure.stepDown', { n: i + 1 })} disabled={i === steps.length - 1} onClick={() => apply((d) => edits.moveDiagnosticStep(d, path, i, 1))}>↓</button>
                      <button type="button" className="btn btn-ghost btn-sm danger-text" disabled={steps.length === 1} onClick={() => apply((d) => edits.removeDiagnosticStep(d, path, i))} data-testid={`step-${i}-remove`}>{t('structure.removeStep')}</button>
                    </span>
                  )}
                </div>
                {problem && <p className="field-error" role="note">{problem}</p>}
              </fieldset>
            </li>
          );
        })}
      </ol>
      {!readOnly && <button type="button" className="btn btn-sm" disabled={testIds.length === 0} onClick={() => apply((d) => edits.addDiagnosticStep(d, path))} data-testid="step-add">{t('structure.addStep')}</button>}
    </div>
  );
}
