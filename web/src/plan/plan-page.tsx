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

/**
 * /planer/{id}: warnings first, then the goal tree and the activities. Editors (ADMIN and the plan's
 * project secretariat) get the forms; everyone else reads. The sections to come from the API
 * ("Årsrapporter", "Koordinering") go after "Aktiviteter", each a <section> with its own query.
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
    </div>
  );
}
