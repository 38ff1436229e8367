import { useId } from 'react';
import type { ReactNode } from 'react';

// Labelled form controls: every input has a visible label tied to it.

interface BaseProps {
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  testId?: string;
}

export function TextField({
  label, hint, error, className, testId, value, onChange, placeholder, type = 'text', readOnly,
}: BaseProps & { value: string; onChange: (value: string) => void; placeholder?: string; type?: string; readOnly?: boolean }) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type={type}
        value={value}
        placeholder={placeholder}
        readOnly={readOnly}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
      {(hint || error) && <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>{error ?? hint}</span>}
    </div>
  );
}

export function TextArea({
  label, hint, error, className, testId, value, onChange, rows = 4, placeholder,
}: BaseProps & { value: string; onChange: (value: string) => void; rows?: number; placeholder?: string }) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="textarea"
        rows={rows}
        value={value}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={hint || error ? `${id}-hint` : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
      {(hint || error) && <span id={`${id}-hint`} className={error ? 'field-error' : 'field-hint'}>{error ?? hint}</span>}
    </div>
  );
}

export function SelectField<T extends string>({
  label, hint, className, testId, value, onChange, options,
}: BaseProps & { value: T; onChange: (value: T) => void; options: ReadonlyArray<{ value: T; label: string; disabled?: boolean }> }) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>{label}</label>
      <select id={id} className="select" value={value} data-testid={testId} onChange={(event) => onChange(event.target.value as T)}>
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>{option.label}</option>
        ))}
      </select>
      {hint && <span className="field-hint">{hint}</span>}
    </div>
  );
}

export function Card({ title, actions, children, testId, flush = false }: { title: ReactNode; actions?: ReactNode; children: ReactNode; testId?: string; flush?: boolean }) {
  return (
    <section className="card" data-testid={testId}>
      <div className="card-header">
        <h2>{title}</h2>
        {actions}
      </div>
      <div className={flush ? 'card-body flush' : 'card-body'}>{children}</div>
    </section>
  );
}
