import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { canAddCoordinationNote } from '../auth/permissions';
import { useUser } from '../auth/session';
import { useAnnounce } from '../common/announcer';
import { IndicatorStatusBadge } from '../common/badges';
import { FormAlert, SelectField, TextField } from '../common/form-field';
import { formatDate, formatNumber, formatShare } from '../common/format';
import { submitParsed, useForm, FormParser } from '../common/use-form';
import type { AreaCoordinationQuery } from '../gql/graphql';
import { Loading } from '../layout/page-state';
import { LateReports } from '../reporting/late-reports';
import { addCoordinationNoteMutation, areaCoordinationQuery } from './coordination.graphql';
import { NotesList } from './notes-list';
import { ResponsiblePartiesTable } from './responsible-parties';

type Area = AreaCoordinationQuery['areaSecretariat'];

/** The area page's sections after "Planer": overlaps, shared indicators, who does what, late reports, notes. */
export function AreaCoordination({ areaId }: { areaId: string }) {
  const [{ data, error }] = useQuery({ query: areaCoordinationQuery, variables: { id: areaId } });
  const area = data?.areaSecretariat;
  if (!area) return error ? <p role="alert">Koordineringen kunne ikke hentes.</p> : <Loading what="koordineringen" />;
  return (
    <>
      <section aria-labelledby="forsinkede" className="section">
        <h2 id="forsinkede">Forsinkede årsrapporter</h2>
        <LateReports periods={area.rollup.lateReports} />
      </section>
      <Overlaps area={area} />
      <SharedIndicators area={area} />
      <section aria-labelledby="ansvarlige" className="section">
        <h2 id="ansvarlige">Ansvarlige parter</h2>
        <ResponsiblePartiesTable rows={area.rollup.byResponsibleParty} caption="Områdets fordeling på ansvarlige parter" />
      </section>
      <Notes area={area} />
    </>
  );
}

function Overlaps({ area }: { area: Area }) {
  return (
    <section aria-labelledby="overlap" className="section">
      <h2 id="overlap">Overlap</h2>
      <p className="muted">Aktiviteter i to af områdets planer af samme type, for samme målgruppe, på samme tid: de kan gentage hinanden eller arbejde sammen.</p>
      {area.overlaps.length === 0 ? (
        <p className="ok-note">Ingen overlap mellem planernes aktiviteter.</p>
      ) : (
        <ul className="overlaps">
          {area.overlaps.map((o, i) => (
            <li key={i} className="overlap">
              <strong>{o.activityType.name}</strong> for {o.targetGroups.map((t) => t.name).join(', ')}: {formatDate(o.overlapStart)} – {formatDate(o.overlapEnd)} ({o.overlapDays} dage)
              <ul>
                {o.activities.map((a) => (
                  <li key={a.id}>
                    <Link to={`/planer/${a.plan.id}#aktivitet-${a.id}`}>{a.title}</Link> <span className="muted">({a.plan.title})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SharedIndicators({ area }: { area: Area }) {
  return (
    <section aria-labelledby="faelles-indikatorer" className="section">
      <h2 id="faelles-indikatorer">Fælles indikatorer</h2>
      {area.sharedIndicators.length === 0 ? (
        <p className="muted">Ingen indikatorer måles i mere end én af områdets planer.</p>
      ) : (
        area.sharedIndicators.map((s) => (
          <div key={`${s.name}|${s.unit}`} className="table-scroll" role="region" aria-label={`${s.name}, tabel`} tabIndex={0}>
            <table className="table table--compact">
              <caption>
                {s.name} <span className="muted">({s.unit})</span>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Plan</th>
                  <th scope="col">Status</th>
                  <th scope="col">Seneste måling</th>
                  <th scope="col">Målopfyldelse</th>
                </tr>
              </thead>
              <tbody>
                {s.indicators.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link to={`/planer/${i.goal.plan.id}#indikator-${i.id}`}>{i.goal.plan.title}</Link>
                    </th>
                    <td>
                      <IndicatorStatusBadge status={i.status} />
                    </td>
                    <td>{i.latest ? `${formatNumber(i.latest.value)} (${formatDate(i.latest.measuredOn)})` : '–'}</td>
                    <td>{formatShare(i.attainment)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))
      )}
    </section>
  );
}

function Notes({ area }: { area: Area }) {
  const user = useUser();
  const mayWrite = canAddCoordinationNote(user, area.id);
  return (
    <section aria-labelledby="noter" className="section">
      <h2 id="noter">Koordineringsnoter</h2>
      {mayWrite && area.plans.length > 0 && <NoteForm plans={area.plans} />}
      {area.plans.map((p) => (
        <div key={p.id} className="subsection">
          <h3>{p.title}</h3>
          <NotesList notes={p.coordinationNotes} planTitle={p.title} />
        </div>
      ))}
    </section>
  );
}

function NoteForm({ plans }: { plans: Area['plans'] }) {
  const announce = useAnnounce();
  const [initial] = useState({ planId: plans[0]!.id, text: '' });
  const form = useForm(initial);
  const [{ fetching }, addNote] = useMutation(addCoordinationNoteMutation);
  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = new FormParser().result({ planId: form.values.planId, text: form.values.text });
    await submitParsed(form, parsed, (input) => addNote({ input }), () => {
      form.reset();
      announce('Noten er tilføjet.');
    });
  }
  return (
    <form className="panel-form" onSubmit={submit} noValidate aria-label="Ny koordineringsnote">
      <SelectField label="Plan" options={plans.map((p) => ({ value: p.id, label: p.title }))} {...form.field('planId')} />
      <TextField label="Ny note" multiline {...form.field('text')} />
      <FormAlert message={form.errors.form} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={fetching}>
          Tilføj note
        </button>
      </div>
    </form>
  );
}
