import { buildSchema, getOperationAST, parse } from 'graphql';
import { CompiledOperations } from './compiled-operations.js';

const schema = buildSchema(`
  type Query { plan(id: ID!): Plan! }
  type Mutation { rename(title: String!): Plan! }
  type Plan { id: ID! title: String! }
`);

function lookUp(operations: CompiledOperations, query: string, hash = query) {
  const document = parse(query);
  return operations.get(schema, document, getOperationAST(document)!, hash);
}

describe('compiled operations', () => {
  it('hot: graphql-js on first use, compiled from the second, compiled once', () => {
    const operations = new CompiledOperations('hot');
    const query = 'query($id: ID!) { plan(id: $id) { id title } }';
    expect(lookUp(operations, query)).toBeUndefined();
    const compiled = lookUp(operations, query);
    expect(compiled?.query).toBeInstanceOf(Function);
    expect(lookUp(operations, query)).toBe(compiled);
  });

  it('always compiles on first use; off never', () => {
    expect(lookUp(new CompiledOperations('always'), '{ plan(id: "1") { id } }')).toBeDefined();
    const off = new CompiledOperations('off');
    lookUp(off, '{ plan(id: "1") { id } }');
    expect(lookUp(off, '{ plan(id: "1") { id } }')).toBeUndefined();
  });

  it('leaves mutations, introspection and root fragments to graphql-js', () => {
    const operations = new CompiledOperations('always');
    expect(lookUp(operations, 'mutation { rename(title: "x") { id } }')).toBeUndefined();
    expect(lookUp(operations, '{ __schema { types { name } } }')).toBeUndefined();
    expect(lookUp(operations, '{ __type(name: "Plan") { name } }')).toBeUndefined();
    expect(lookUp(operations, '{ ... on Query { plan(id: "1") { id } } }')).toBeUndefined();
    expect(lookUp(operations, '{ __typename plan(id: "1") { id } }')).toBeDefined();
  });

  it('keeps at most its capacity, dropping the least recently used', () => {
    const operations = new CompiledOperations('hot', 2);
    const query = '{ plan(id: "1") { id } }';
    lookUp(operations, query, 'a');
    lookUp(operations, query, 'b');
    lookUp(operations, query, 'a'); // a is used again: b is now the oldest
    lookUp(operations, query, 'c');
    expect(operations.size).toBe(2);
    expect(lookUp(operations, query, 'a')).toBeDefined(); // third use, still kept
    expect(lookUp(operations, query, 'b')).toBeUndefined(); // dropped, so a first use again
  });
});
