import { readFileSync } from 'node:fs';
import { buildSchema, parse, validate } from 'graphql';
import * as queries from '../scripts/bench/queries.js';

/**
 * Every operation `npm run bench` sends is valid against the committed schema (schema.gql), so a
 * change of the contract breaks here rather than twenty minutes into a benchmark run.
 */
describe('the benchmark\'s operations (scripts/bench/queries.ts)', () => {
  const schema = buildSchema(readFileSync(new URL('../schema.gql', import.meta.url), 'utf8'));
  const operations = Object.entries(queries).filter(([, text]) => typeof text === 'string');

  it('has the operations of every row', () => {
    expect(operations.map(([name]) => name)).toEqual(expect.arrayContaining(['W1_PLAN_PAGE', 'W2_NATIONAL', 'ANNUAL_REPORT', 'AREA_PAGE', 'SUBMIT_ANNUAL_REPORT']));
  });

  it.each(operations)('%s validates against schema.gql', (_name, text) => {
    expect(validate(schema, parse(text as string)).map((e) => e.message)).toEqual([]);
  });
});
