import { type FormEvent, useState } from 'react';
import { FormAlert, TextField } from '../common/form-field';
import { useForm } from '../common/use-form';
import { formErrorsOf } from '../graphql/api-errors';
import type { CombinedError } from 'urql';

interface Props {
  /** What is retracted, for the form's name: "statusregistreringen 12. mar. 2026". */
  what: string;
  send(reason: string): Promise<{ error?: CombinedError; data?: unknown }>;
  onDone(): void;
  onCancel(): void;
}

/**
 * "Tilbagekald": a wrong entry or measurement is never deleted; it is retracted with a reason and then
 * counts nowhere. The API refuses one inside a submitted or approved year (CONFLICT), shown as the form's alert.
 */
export function RetractForm({ what, send, onDone, onCancel }: Props) {
  const [initial] = useState({ reason: '' });
  const form = useForm(initial);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await send(form.values.reason);
    setBusy(false);
    if (result.error || !result.data) {
      const errors = formErrorsOf(result.error);
      const code = result.error?.graphQLErrors[0]?.extensions?.code;
      // A CONFLICT names the entry's id, not a field of this form: say why in words.
      if (code === 'CONFLICT') return form.setErrors({ fields: {}, form: conflictMessage(result.error!.graphQLErrors[0]!.message) });
      return form.setErrors(errors);
    }
    onDone();
  }
  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Tilbagekald ${what}`}>
      <TextField label="Begrundelse" hint="Hvorfor er registreringen forkert? Begrundelsen gemmes." {...form.field('reason')} />
      <FormAlert message={form.errors.form} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          Tilbagekald
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Annuller
        </button>
      </div>
    </form>
  );
}

export function conflictMessage(message: string): string {
  if (/already retracted/i.test(message)) return 'Registreringen er allerede tilbagekaldt.';
  const year = message.match(/\b(\d{4})\b/)?.[1];
  if (/submitted|approved/i.test(message)) {
    return `Registreringen ligger i et år, hvis årsrapport er indsendt eller godkendt${year ? ` (${year})` : ''}; den kan først tilbagekaldes, når LBF har sendt rapporten tilbage.`;
  }
  return 'En anden har ændret det samme imens. Hent siden igen og prøv en gang til.';
}
