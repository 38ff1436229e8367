import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Issue } from './structure-editor';
import { translator } from '../../report/i18n/translate';
import type { MessageKey, Translate } from '../../report/i18n/translate';
import { displayFormats } from '../settings/display-format';
import { describeProblem } from '../../report/engine-problems';
import { parseExpressionInput } from '../../engine/model/structure-edits';
import type { NumberFormats, ReportLocale } from '../../report/format';

type Json = Record<string, unknown>;

// Small pieces shared by the structure editors: a field that commits on Enter or leaving it (Escape cancels), an
// inline add form, and how a validation problem is found for a path of the model file.

export const rec = (v: unknown): Json => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
export const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
export const exprText = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * What a structure field's text is for the model: a number or an expression, as structure-edits reads it; and, in a
 * display language that writes decimals with a comma, a plain decimal such as "0,15" is that number (expressions
 * write it "0.15", so a comma there could only be an error). Other text is read as typed: "1.250" stays 1.25.
 */
export function readExpressionInput(text: string, locale: ReportLocale = displayFormats().locale): string | number | null {
  const trimmed = text.trim();
  if (locale !== 'en' && /^[+\-\u2212]?\d+,\d+$/.test(trimmed)) return Number(trimmed.replace('\u2212', '-').replace(',', '.'));
  return parseExpressionInput(text);
}

/** The first problem whose path is `path` or lies under it (a warning says so in the display language). */
export function problemAt(issues: readonly Issue[], path: string, exact = false, fmt: NumberFormats = displayFormats(), t: Translate = translator(fmt.locale)): string | undefined {
  const hit = issues.find((i) => i.path === path || (!exact && (i.path.startsWith(`${path}.`) || i.path.startsWith(`${path}[`))));
  return hit ? (hit.severity === 'warning' ? t('structure.warning', { message: describeProblem(hit, t, fmt) }) : describeProblem(hit, t, fmt)) : undefined;
}

/** "days", "months"… for a tree's time unit. */
export function timeUnitWord(unit: string, t: Translate): string {
  const messageKey = `structure.unit.${unit}` as MessageKey;
  const word = t(messageKey);
  return word === messageKey ? `${unit}s` : word;
}

/**
 * Marks a text field that edits the model document, and whether it holds text the model does not have yet (a draft
 * before Enter or leaving the field). The model page's Ctrl+Z undoes model edits from such a field when it has no
 * draft; in any other text field (a draft, an add form, an analysis setting) it undoes the typing there instead of
 * an earlier, unrelated model edit.
 */
export function modelField(pending: boolean): { 'data-model-field': true; 'data-uncommitted'?: true } {
  return pending ? { 'data-model-field': true, 'data-uncommitted': true } : { 'data-model-field': true };
}

/** True when Ctrl+Z / Ctrl+Y pressed in `target` belong to the text being typed there rather than to the model's history. */
export function keepsTextUndo(target: Element | null): boolean {
  if (!target) return false;
  const textEntry =
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)) ||
    (target instanceof HTMLElement && target.isContentEditable);
  if (!textEntry) return false;
  return !target.hasAttribute('data-model-field') || target.hasAttribute('data-uncommitted');
}

export function CommitInput({ value, onCommit, label, testId, readOnly, error, width, placeholder }: { value: string; onCommit: (text: string) => void; label: string; testId: string; readOnly: boolean; error?: string | undefined; width?: number; placeholder?: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <span className="commit-field">
      <input
        className="input"
        aria-label={label}
        value={draft ?? value}
        readOnly={readOnly}
        placeholder={placeholder}
        style={width ? { width } : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        {...modelField(draft !== null && draft !== value)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            setDraft(null);
          }
        }}
        data-testid={testId}
      />
      {error && <span id={errorId} className="field-error" role="note">{error}</span>}
    </span>
  );
}

export function AddForm({ fields, onAdd, submitLabel, testId, readOnly }: { fields: { key: string; label: string; placeholder?: string }[]; onAdd: (values: Record<string, string>) => void; submitLabel: string; testId: string; readOnly: boolean }) {
  const [values, setValues] = useState<Record<string, string>>({});
  if (readOnly) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd(values);
    setValues({});
  };
  return (
    <form className="add-form" onSubmit={submit} data-testid={testId}>
      {fields.map((f) => (
        <label key={f.key} className="inline-field">
          <span>{f.label}</span>
          <input className="input" value={values[f.key] ?? ''} placeholder={f.placeholder} onChange={(e) => setValues({ ...values, [f.key]: e.target.value })} data-testid={`${testId}-${f.key}`} />
        </label>
      ))}
      <button type="submit" className="btn btn-sm" data-testid={`${testId}-submit`}>{submitLabel}</button>
    </form>
  );
}
