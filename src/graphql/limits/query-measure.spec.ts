import { buildSchema, getOperationAST, parse } from 'graphql';
import { countAliasesAndDirectives, measureOperation, type MeasureOptions } from './query-measure.js';

const schema = buildSchema(`
  type Query { plans(first: Int! = 50): PlanConnection! plan: Plan! pools: [Pool!]! }
  type PlanConnection { totalCount: Int! edges: [PlanEdge!]! }
  type PlanEdge { cursor: String! node: Plan! }
  type Plan { id: ID! title: String! goals: [Goal!]! housingAreas: [String!]! }
  type Goal { id: ID! children: [Goal!]! plan: Plan! }
  type Pool { id: ID! }
`);

function measure(query: string, options: Partial<MeasureOptions> = {}) {
  const document = parse(query);
  return measureOperation(schema, document, getOperationAST(document)!, { defaultListSize: 20, exemptIntrospection: true, ...options });
}

describe('measuring an operation', () => {
  it('counts depth as the fields on the longest path', () => {
    expect(measure('{ plan { id } }').depth).toBe(2);
    expect(measure('{ plan { id goals { children { id } } } pools { id } }').depth).toBe(4);
  });

  it('counts every field once, times the length of each list around it', () => {
    // plan 1 + id 1 + goals (1 + 20 × id 1)
    expect(measure('{ plan { id goals { id } } }').cost).toBe(1 + 1 + (1 + 20));
    // nested lists multiply: goals (1 + 20 × (children (1 + 20 × id)))
    expect(measure('{ plan { goals { children { id } } } }').cost).toBe(1 + (1 + 20 * (1 + 20)));
    // a list of scalars is one field
    expect(measure('{ plan { housingAreas } }').cost).toBe(2);
  });

  it("takes a connection's page size from first, its default, or a variable", () => {
    // plans + totalCount + edges (1 + n × (cursor + node (1 + id)))
    const page = (n: number) => 1 + 1 + (1 + n * (1 + (1 + 1)));
    expect(measure('{ plans(first: 5) { totalCount edges { cursor node { id } } } }').cost).toBe(page(5));
    expect(measure('{ plans { totalCount edges { cursor node { id } } } }').cost).toBe(page(50));
    const query = 'query($n: Int!) { plans(first: $n) { totalCount edges { cursor node { id } } } }';
    expect(measure(query, { variables: { n: 7 } }).cost).toBe(page(7));
    expect(measure('query($n: Int! = 3) { plans(first: $n) { totalCount edges { cursor node { id } } } }').cost).toBe(page(3));
  });

  it('follows fragments, and measures a fragment used many times only once', () => {
    const viaFragment = measure('{ plan { ...P } } fragment P on Plan { goals { ... on Goal { id } } }');
    expect(viaFragment).toEqual(measure('{ plan { goals { id } } }'));
    // 40 levels of fragments that each use the next twice: 2^40 paths, measured in 40 steps.
    const levels = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Goal { children { ...F${i + 1} ...F${i + 1} } }`);
    const huge = measure(`{ plan { goals { ...F0 } } } ${levels.join(' ')} fragment F40 on Goal { id }`);
    expect(huge.depth).toBe(43);
    expect(huge.cost).toBeGreaterThan(1e50);
  });

  it('leaves introspection out when asked to', () => {
    const query = '{ __schema { types { fields { type { fields { name } } } } } plan { id } }';
    expect(measure(query)).toEqual({ depth: 2, cost: 2 });
    expect(measure(query, { exemptIntrospection: false }).depth).toBe(6);
  });
});

describe('counting aliases and directives', () => {
  it('counts them as written, fragments included once', () => {
    const document = parse(`query($x: Boolean!) { a: plan { id @include(if: $x) ...P } b: plan { ...P } }
      fragment P on Plan { t: title @skip(if: $x) }`);
    expect(countAliasesAndDirectives(document)).toEqual({ aliases: 3, directives: 2 });
  });
});
