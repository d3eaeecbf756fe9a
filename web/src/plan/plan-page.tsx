import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { canEditPlanContent } from '../auth/permissions';
import { useUser } from '../auth/session';
import { useAnnounce } from '../common/announcer';
import { Loading, PageError } from '../layout/page-state';
import { usePageTitle } from '../layout/page-title';
import { ActivitiesSection } from './activities-section';
import { GoalsSection } from './goals-section';
import { planPageQuery } from './plan-page.graphql';
import { PlanHeader } from './plan-header';
import { WarningsSection } from './warnings-section';
import { ReportsSection } from '../reporting/reports-section';
import { CoordinationSection } from '../coordination/coordination-section';
import { ImportSection } from '../downloads/import-section';

/**
 * /planer/{id}: warnings first, then the goal tree and the activities. Editors (ADMIN and the plan's
 * project secretariat) get the forms; everyone else reads. "Årsrapporter" (with the milestones) and
 * "Koordinering" come after "Aktiviteter", each a <section> with its own query; editors also get the import.
 */
export function PlanPage() {
  const { planId = '' } = useParams();
  const user = useUser();
  const announce = useAnnounce();
  const [{ data, error }] = useQuery({ query: planPageQuery, variables: { id: planId } });
  usePageTitle(data?.plan.title);
  if (!data) return error ? <PageError error={error} /> : <Loading what="planen" />;
  const { plan } = data;
  const editable = canEditPlanContent(user, plan.id);
  return (
    <div className="plan-page" data-editable={editable}>
      <PlanHeader plan={plan} />
      <WarningsSection plan={plan} />
      <GoalsSection plan={plan} editable={editable} onSaved={announce} />
      <ActivitiesSection plan={plan} editable={editable} onSaved={announce} />
      <ReportsSection plan={plan} editable={editable} onSaved={announce} />
      <CoordinationSection plan={plan} />
      {editable && <ImportSection plan={plan} onSaved={announce} />}
    </div>
  );
}
