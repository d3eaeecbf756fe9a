import { type FormEvent, useId, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useSession } from '../auth/session';
import { danishMessage } from '../graphql/api-errors';
import { planPageQuery } from '../plan/plan-page.graphql';
import type { PlanData } from '../plan/plan-types';
import { DownloadLink } from './download-link';
import { httpErrorMessage } from './http-errors';
import { createdSummary, errorPlace, type ImportAnswer } from './import-result';

/**
 * "Import fra regneark", for the plan's editors: the template, then a workbook tried first ("Prøv
 * import", a dry run that writes nothing) and applied with "Importér" (all or nothing). Every error the
 * API finds is listed with its sheet, row and column.
 */
export function ImportSection({ plan, onSaved }: { plan: Pick<PlanData, 'id'>; onSaved(message: string): void }) {
  const { fetchWithToken } = useSession();
  const client = useClient();
  const fileId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const mode = useRef<'dry' | 'apply'>('dry');

  async function submit(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    setAnswer(null);
    if (!file) return setFileError('Vælg en .xlsx-fil.');
    setFileError(null);
    setBusy(true);
    const dryRun = mode.current === 'dry';
    try {
      const response = await fetchWithToken(`/imports/plans/${plan.id}?dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'content-type': file.type || 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
        body: file,
      });
      if (response.status === 200 || response.status === 422) {
        const body = (await response.json()) as ImportAnswer;
        setAnswer(body);
        if (body.ok && !body.dryRun) {
          // The plan page's query runs again, so the new goals and activities show at once.
          await client.query(planPageQuery, { id: plan.id }, { requestPolicy: 'network-only' }).toPromise();
          onSaved(`Importeret: ${createdSummary(body.created)}.`);
        }
      } else {
        setFileError(await httpErrorMessage(response));
      }
    } catch {
      setFileError('Planspor svarer ikke. Tjek forbindelsen, og prøv igen.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="import" className="section">
      <h2 id="import">Import fra regneark</h2>
      <p>
        Tilføj mål, indikatorer, aktiviteter og koblinger fra et regneark. Start med skabelonen:{' '}
        <DownloadLink href="/imports/plan-template.xlsx">Download skabelon</DownloadLink>
      </p>
      <form className="panel-form" onSubmit={submit} noValidate aria-label="Import fra regneark">
        <div className={fileError ? 'field field--invalid' : 'field'}>
          <label htmlFor={fileId}>Regneark (.xlsx)</label>
          <input
            id={fileId}
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-invalid={Boolean(fileError)}
            aria-describedby={fileError ? `${fileId}-error` : undefined}
            onChange={() => {
              setAnswer(null);
              setFileError(null);
            }}
          />
          {fileError && (
            <span className="field__error" id={`${fileId}-error`}>
              {fileError}
            </span>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy} onClick={() => (mode.current = 'dry')}>
            Prøv import
          </button>
          <button type="submit" className="button button--primary" disabled={busy} onClick={() => (mode.current = 'apply')}>
            Importér
          </button>
        </div>
      </form>
      {answer && <ImportAnswerView answer={answer} />}
    </section>
  );
}

function ImportAnswerView({ answer }: { answer: ImportAnswer }) {
  if (answer.ok) {
    return (
      <p className="ok-note" role="status">
        {answer.dryRun
          ? `Prøveimport uden fejl: filen vil tilføje ${createdSummary(answer.created)}. Intet er gemt endnu.`
          : `Importeret: ${createdSummary(answer.created)}.`}
      </p>
    );
  }
  return (
    <div className="form-alert" role="alert">
      <p>
        {answer.errors.length === 1 ? 'Filen har 1 fejl' : `Filen har ${answer.errors.length} fejl`}; intet er gemt. Ret dem i regnearket, og prøv igen:
      </p>
      <ul className="import-errors">
        {answer.errors.map((e, i) => (
          <li key={i}>
            <strong>{errorPlace(e)}:</strong> {danishMessage(e.message)}
          </li>
        ))}
      </ul>
    </div>
  );
}
