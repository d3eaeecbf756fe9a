import { Injectable } from '@nestjs/common';
import { type ExecutionResult, locatedError, type OperationDefinitionNode } from 'graphql';
import { DataSource } from 'typeorm';
import { AccessService } from '../../auth/access.service.js';
import { todayUtc } from '../../common/clock.js';
import { isUuid } from '../../common/validate.js';
import { preparedVariant } from '../../database/prepared-statements.js';
import { readRows } from '../../database/read-rows.js';
import type { DirectRead, DirectReadRequest } from '../../graphql/jit/direct-reads.js';
import { RawJson } from '../../graphql/raw-json.js';
import { type CompiledPlanPage, compilePlanPage } from './plan-page.sql.js';

/** Compiled pages kept, most recently used last; and at most this many statement shapes prepared. */
const CAPACITY = 500;
const PREPARED_SHAPES = 60;

/**
 * The plan page in one statement (plan-page.sql.ts): `plan(id)` with a selection that file knows,
 * for a caller whose session is current and whose scope holds the plan. The scope is AccessService's
 * rule, as SQL in the statement's WHERE, and the session check is the statement's too, so a page is
 * one round trip. Anything else (no token, a plan out of scope or absent, an ended session, a
 * selection it does not compile) comes back undefined, and the resolvers answer it with their
 * own errors. A statement that fails (an outage, a timeout) is answered as the plan resolver's
 * failure would be: `data` null and the driver's error at the root field.
 */
@Injectable()
export class PlanPageReader implements DirectRead {
  private readonly pages = new Map<string, CompiledPlanPage | null>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async execute({ operation, queryHash, variables, context }: DirectReadRequest): Promise<ExecutionResult | undefined> {
    const { auth, badToken } = context;
    if (!auth || badToken || operation.operation !== 'query') return undefined;
    const page = this.compiled(operation, queryHash);
    if (!page) return undefined;
    const planId = 'variable' in page.planId ? variables[page.planId.variable] : page.planId.literal;
    if (typeof planId !== 'string' || !isUuid(planId)) return undefined;
    const scope = this.access.planScopeCondition(auth, 'p', '$5');
    const statement = preparedVariant('plan_page', page.statement(scope.where), PREPARED_SHAPES);
    let rows: { page: string }[];
    try {
      rows = await readRows<{ page: string }>(this.dataSource, statement, [planId, todayUtc(), auth.id, auth.sessionVersion ?? 0, ...scope.values]);
    } catch (error) {
      // An outage or a timeout: the error the plan resolver would have thrown, located at the root field
      // (non-null, so `data` is null), and formatted by format-error.ts as every resolver error is.
      return { data: null, errors: [locatedError(error, [page.root], [page.responseKey])] };
    }
    if (rows.length === 0) return undefined;
    // The statement's json text, passed through as it is (src/graphql/raw-json.ts).
    return { data: { [page.responseKey]: new RawJson(rows[0].page) } };
  }

  private compiled(operation: OperationDefinitionNode, queryHash: string): CompiledPlanPage | null {
    const key = `${queryHash}:${operation.name?.value ?? ''}`;
    let page = this.pages.get(key);
    if (page !== undefined) {
      this.pages.delete(key); // re-inserted below: most recently used last
    } else {
      page = compilePlanPage(operation);
    }
    this.pages.set(key, page);
    if (this.pages.size > CAPACITY) this.pages.delete(this.pages.keys().next().value!);
    return page;
  }
}
