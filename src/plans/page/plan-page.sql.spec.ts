import { parse, type OperationDefinitionNode } from 'graphql';
import { compilePlanPage } from './plan-page.sql.js';

const operation = (query: string) => parse(query).definitions[0] as OperationDefinitionNode;

describe('compilePlanPage', () => {
  it('compiles plan(id) with fields it knows, reading the id from a variable or the document', () => {
    const byVariable = compilePlanPage(operation('query($id: ID!) { plan(id: $id) { id title goals { id rollup { budget } } } }'));
    expect(byVariable).toMatchObject({ responseKey: 'plan', planId: { variable: 'id' } });
    const byLiteral = compilePlanPage(operation('{ page: plan(id: "0f8a") { id } }'));
    expect(byLiteral).toMatchObject({ responseKey: 'page', planId: { literal: '0f8a' } });
  });

  it('builds one text per scope condition, with the scope and the session check in its WHERE', () => {
    const page = compilePlanPage(operation('query($id: ID!) { plan(id: $id) { id } }'))!;
    const text = page.statement('p.id = $5::uuid');
    expect(page.statement('p.id = $5::uuid')).toBe(text);
    expect(text).toContain('AND p.id = $5::uuid');
    expect(text).toContain('u.session_version = $4::int');
    expect(page.statement('TRUE')).not.toBe(text);
  });

  it('computes the attention reasons and the latest note only where a field shows them', () => {
    const lean = compilePlanPage(operation('query($id: ID!) { plan(id: $id) { rollup { budget } goals { indicators { latest { value } } } } }'))!;
    expect(lean.statement('TRUE')).toContain('NULL::text[] AS attention_reasons');
    expect(lean.statement('TRUE')).toContain('NULL::text AS latest_note');
    const full = compilePlanPage(operation('query($id: ID!) { plan(id: $id) { rollup { attentionReasons } goals { indicators { latest { note } } } } }'))!;
    expect(full.statement('TRUE')).toContain('pa.reasons AS attention_reasons');
    expect(full.statement('TRUE')).toContain('latest.note AS latest_note');
  });

  it.each([
    ['a field it has no SQL for', 'query($id: ID!) { plan(id: $id) { id housingOrganisations { id } } }'],
    ['a fragment', 'query($id: ID!) { plan(id: $id) { ...F } } fragment F on Plan { id }'],
    ['an inline fragment', 'query($id: ID!) { plan(id: $id) { ... on Plan { id } } }'],
    ['a directive', 'query($id: ID!) { plan(id: $id) { id @skip(if: false) } }'],
    ['a directive on the root field', 'query($id: ID!) { plan(id: $id) @include(if: true) { id } }'],
    ['an argument below the root', 'query($id: ID!) { plan(id: $id) { annualReport(year: 2025) { asOf } } }'],
    ['a response key given twice', 'query($id: ID!) { plan(id: $id) { goals { id } goals { title } } }'],
    ['a second root field', 'query($id: ID!) { plan(id: $id) { id } me { id } }'],
    ['another root field', '{ plans { totalCount } }'],
    ['a mutation', 'mutation { plan(id: "x") { id } }'],
    ['an id that is neither a variable nor a string', '{ plan(id: 5) { id } }'],
  ])('leaves %s to the resolvers', (_name, query) => {
    expect(compilePlanPage(operation(query))).toBeNull();
  });
});
