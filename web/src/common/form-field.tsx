import { type ReactNode, useId } from 'react';

interface FieldProps {
  label: string;
  /** The API's message for this field (extensions.field), shown beside it. */
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A visible label, the control, and its hint and error tied to it for screen readers. */
export function FormField({ label, error, hint, children }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {error && (
        <span className="field__error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string;
  hint?: string;
  type?: 'text' | 'date' | 'email' | 'password';
  inputMode?: 'numeric' | 'decimal' | 'text';
  autoComplete?: string;
  required?: boolean;
  multiline?: boolean;
}

export function TextField({ label, value, onChange, error, hint, type = 'text', inputMode, autoComplete, required, multiline }: TextFieldProps) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {(a11y) =>
        multiline ? (
          <textarea {...a11y} value={value} rows={3} required={required} onChange={(e) => onChange(e.target.value)} />
        ) : (
          <input
            {...a11y}
            type={type}
            inputMode={inputMode}
            autoComplete={autoComplete}
            required={required}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        )
      }
    </FormField>
  );
}

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | '';
  onChange(value: T | ''): void;
  options: Array<{ value: T; label: string }>;
  error?: string;
  hint?: string;
  /** Text of an empty first option; without it a value must be chosen. */
  emptyLabel?: string;
}

export function SelectField<T extends string>({ label, value, onChange, options, error, hint, emptyLabel }: SelectFieldProps<T>) {
  return (
    <FormField label={label} error={error} hint={hint}>
      {(a11y) => (
        <select {...a11y} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
          {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

/** A message for the whole form (not tied to one field): announced when it appears. */
export function FormAlert({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p className="form-alert" role="alert">
      {message}
    </p>
  );
}
