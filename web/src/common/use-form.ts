import { useCallback, useState } from 'react';
import type { CombinedError } from 'urql';
import { type FormErrors, formErrorsOf } from '../graphql/api-errors';

/**
 * A form's text values keyed by the API's input field names, so an error naming
 * `extensions.field` lands beside the control of that name. Errors for fields the form does not
 * show become the form's own message. Values stay as typed until the form is reset.
 */
export function useForm<V extends Record<string, string>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrorsState] = useState<FormErrors>({ fields: {} });

  const setErrors = useCallback(
    (next: FormErrors) => {
      const fields: Record<string, string> = {};
      const stray: string[] = [];
      for (const [name, message] of Object.entries(next.fields)) {
        if (name in initial) fields[name] = message;
        else stray.push(message);
      }
      setErrorsState({ fields, form: next.form ?? (stray.length ? stray.join(' ') : undefined) });
    },
    [initial],
  );

  const field = (name: keyof V & string) => ({
    value: values[name],
    onChange: (value: string) => setValues((v) => ({ ...v, [name]: value })),
    error: errors.fields[name],
  });

  const reset = useCallback(() => {
    setValues(initial);
    setErrorsState({ fields: {} });
  }, [initial]);

  return { values, field, errors, setErrors, reset, hasErrors: Boolean(errors.form) || Object.keys(errors.fields).length > 0 };
}

/** Parsed form values for a mutation, or the fields that could not be read as what the API expects. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

export class FormParser {
  readonly errors: Record<string, string> = {};

  /** A required whole number; "" is refused here because the API's type would refuse it without naming the field. */
  integer(name: string, text: string): number {
    const trimmed = text.trim();
    if (!trimmed) this.errors[name] = 'Skal udfyldes.';
    else if (!/^-?\d+$/.test(trimmed)) this.errors[name] = 'Skal være et helt tal.';
    return Number(trimmed);
  }

  optionalInteger(name: string, text: string): number | null {
    return text.trim() === '' ? null : this.integer(name, text);
  }

  /** Kroner, with "." or spaces as thousands separators ("180.000"); sent as a string, exact. */
  money(name: string, text: string): string {
    const digits = text.trim().replace(/[\s.]/g, '').replace(/kr$/i, '');
    if (!digits) this.errors[name] = 'Skal udfyldes.';
    else if (!/^-?\d+$/.test(digits)) this.errors[name] = 'Skal være et beløb i hele kroner.';
    return digits;
  }

  optionalMoney(name: string, text: string): string | null {
    return text.trim() === '' ? null : this.money(name, text);
  }

  /** A decimal number with "," or "." as the decimal mark. */
  decimal(name: string, text: string): number {
    const trimmed = text.trim().replace(',', '.');
    if (!trimmed) this.errors[name] = 'Skal udfyldes.';
    else if (!/^-?\d+(\.\d+)?$/.test(trimmed)) this.errors[name] = 'Skal være et tal.';
    return Number(trimmed);
  }

  optionalDecimal(name: string, text: string): number | null {
    return text.trim() === '' ? null : this.decimal(name, text);
  }

  date(name: string, text: string): string {
    if (!/^\d{4}-\d\d-\d\d$/.test(text.trim())) this.errors[name] = 'Skal være en dato (åååå-mm-dd).';
    return text.trim();
  }

  optionalDate(name: string, text: string): string | null {
    return text.trim() === '' ? null : this.date(name, text);
  }

  optionalText(text: string): string | null {
    return text.trim() === '' ? null : text;
  }

  result<T>(value: T): Parsed<T> {
    return Object.keys(this.errors).length ? { ok: false, errors: this.errors } : { ok: true, value };
  }
}

/**
 * Sends a form's parsed values with `send` (a mutation): values that could not be read, and the API's
 * errors, go beside their fields; on success `done` gets the answer.
 */
export async function submitParsed<T, R>(
  form: { setErrors(errors: FormErrors): void },
  parsed: Parsed<T>,
  send: (value: T) => Promise<{ data?: R; error?: CombinedError }>,
  done: (data: R) => void,
): Promise<void> {
  if (!parsed.ok) return form.setErrors({ fields: parsed.errors });
  const result = await send(parsed.value);
  if (result.error || !result.data) return form.setErrors(formErrorsOf(result.error));
  done(result.data);
}
