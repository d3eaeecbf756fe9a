import { useEffect, useState } from 'react';
import { type CombinedError, useClient } from 'urql';
import type { PlansPageQuery } from '../gql/graphql';
import type { PlanRow } from '../plans-table/plans-table-model';
import { plansPageQuery } from './national-page.graphql';

export const PAGE_SIZE = 200;

/**
 * All plans for the national table, following the connection's cursor. Each page is one request of
 * a fixed number of SQL statements; the national dataset (700 plans) takes four.
 */
export function useAllPlans(): { rows: PlanRow[] | null; totalCount: number | null; error: CombinedError | null } {
  const client = useClient();
  const [state, setState] = useState<{ rows: PlanRow[] | null; totalCount: number | null; error: CombinedError | null }>({
    rows: null,
    totalCount: null,
    error: null,
  });
  useEffect(() => {
    let live = true;
    (async () => {
      const rows: PlanRow[] = [];
      let after: string | null = null;
      for (;;) {
        const result: { data?: PlansPageQuery; error?: CombinedError } = await client.query(plansPageQuery, { first: PAGE_SIZE, after }, { requestPolicy: 'network-only' }).toPromise();
        if (!live) return;
        if (!result.data) return setState({ rows: null, totalCount: null, error: result.error ?? null });
        const page: PlansPageQuery['plans'] = result.data.plans;
        rows.push(...page.edges.map((e) => e.node));
        if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return setState({ rows, totalCount: page.totalCount, error: null });
        after = page.pageInfo.endCursor;
      }
    })();
    return () => {
      live = false;
    };
  }, [client]);
  return state;
}
