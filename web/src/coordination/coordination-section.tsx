import { useQuery } from 'urql';
import { Loading } from '../layout/page-state';
import type { PlanData } from '../plan/plan-types';
import { planCoordinationQuery } from './coordination.graphql';
import { NotesList } from './notes-list';
import { ResponsiblePartiesTable } from './responsible-parties';

/** "Koordinering" on the plan page: the area secretariat's notes about the plan, and who does what. */
export function CoordinationSection({ plan }: { plan: Pick<PlanData, 'id'> }) {
  const [{ data, error }] = useQuery({ query: planCoordinationQuery, variables: { id: plan.id } });
  const coordination = data?.plan;
  return (
    <section aria-labelledby="koordinering" className="section">
      <h2 id="koordinering">Koordinering</h2>
      {!coordination ? (
        error ? (
          <p role="alert">Koordineringen kunne ikke hentes.</p>
        ) : (
          <Loading what="koordineringen" />
        )
      ) : (
        <>
          <h3>Noter fra områdesekretariatet</h3>
          {coordination.areaSecretariat ? (
            <NotesList notes={coordination.coordinationNotes} />
          ) : (
            <p className="muted">Planen hører ikke til et områdesekretariat.</p>
          )}
          <h3>Ansvarlige parter</h3>
          <ResponsiblePartiesTable rows={coordination.rollup.byResponsibleParty} caption="Fordeling på ansvarlige parter" />
        </>
      )}
    </section>
  );
}
