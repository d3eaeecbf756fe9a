import { type FormEvent, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { FormAlert, TextField } from '../common/form-field';
import { useForm } from '../common/use-form';
import { formErrorsOf } from '../graphql/api-errors';
import type { AnnualReportData } from './annual-report-page';
import { approveAnnualReportMutation, returnAnnualReportMutation, submitAnnualReportMutation } from './reporting.graphql';

/** The secretariat's "Indsend": a comment on the report and, optionally, one per indicator. */
export function SubmitForm({ report, onSaved }: { report: AnnualReportData; onSaved(message: string): void }) {
  const { period } = report;
  const [initial] = useState<Record<string, string>>(() => {
    const values: Record<string, string> = { comment: report.comment ?? '' };
    for (const row of report.indicators) values[`indikator-${row.indicator.id}`] = row.comment ?? '';
    return values;
  });
  const form = useForm(initial);
  const [{ fetching }, submitReport] = useMutation(submitAnnualReportMutation);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const indicatorComments = report.indicators
      .map((row) => ({ indicatorId: row.indicator.id, comment: form.values[`indikator-${row.indicator.id}`]!.trim() }))
      .filter((c) => c.comment !== '');
    const comment = form.values.comment!.trim();
    const result = await submitReport({
      input: { planId: period.plan.id, year: period.year, comment: comment || null, indicatorComments },
    });
    if (result.error || !result.data) {
      const errors = formErrorsOf(result.error);
      // The API names `year` when the period has not ended, and `indicatorComments` for a foreign id: both concern the whole form.
      const { comment: commentError, ...others } = errors.fields;
      return form.setErrors({ fields: commentError ? { comment: commentError } : {}, form: errors.form ?? (Object.values(others).join(' ') || undefined) });
    }
    onSaved(`Årsrapporten for ${period.year} er indsendt.`);
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Indsend årsrapporten for ${period.year}`}>
      <TextField label="Kommentar" multiline hint="Sekretariatets kommentar til året, som LBF læser." {...form.field('comment')} />
      {report.indicators.length > 0 && (
        <fieldset className="fieldset">
          <legend>Kommentarer til indikatorerne (valgfrie)</legend>
          {report.indicators.map((row) => (
            <TextField key={row.indicator.id} label={`Kommentar til ${row.name}`} {...form.field(`indikator-${row.indicator.id}`)} />
          ))}
        </fieldset>
      )}
      <FormAlert message={form.errors.form} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          Indsend
        </button>
      </div>
    </form>
  );
}

/** LBF's "Godkend" (a submitted report) and "Send tilbage" (submitted or approved; the comment is required). */
export function ReviewForm({ report, onSaved }: { report: AnnualReportData; onSaved(message: string): void }) {
  const { period } = report;
  const [initial] = useState({ comment: '' });
  const form = useForm(initial);
  const [approveState, approve] = useMutation(approveAnnualReportMutation);
  const [returnState, sendBack] = useMutation(returnAnnualReportMutation);
  // Which button sent the form: read in submit, so a ref (a state update would not be seen yet).
  const action = useRef<'approve' | 'return'>('approve');
  const busy = approveState.fetching || returnState.fetching;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const comment = form.values.comment.trim();
    const input = { planId: period.plan.id, year: period.year, comment: comment || null };
    const which = action.current;
    const result = which === 'approve' ? await approve({ input }) : await sendBack({ input });
    if (result.error || !result.data) return form.setErrors(formErrorsOf(result.error));
    form.reset();
    onSaved(which === 'approve' ? `Årsrapporten for ${period.year} er godkendt.` : `Årsrapporten for ${period.year} er sendt tilbage til sekretariatet.`);
  }

  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label={`Behandl årsrapporten for ${period.year}`}>
      <TextField label="Kommentar" multiline hint="Skal udfyldes, når rapporten sendes tilbage." {...form.field('comment')} />
      <FormAlert message={form.errors.form} />
      <div className="form-actions">
        {period.status === 'SUBMITTED' && (
          <button type="submit" className="button button--primary" disabled={busy} onClick={() => (action.current = 'approve')}>
            Godkend
          </button>
        )}
        <button type="submit" className="button" disabled={busy} onClick={() => (action.current = 'return')}>
          Send tilbage
        </button>
      </div>
    </form>
  );
}
