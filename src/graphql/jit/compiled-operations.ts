import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode } from 'graphql';

/**
 * When an operation is compiled: `off` never, `hot` from its second execution on (a document sent
 * once, e.g. a probe or a typo, costs no compilation), `always` from the first (tests use it to
 * run every query through the compiled path).
 */
export type JitMode = 'off' | 'hot' | 'always';

interface Entry {
  uses: number;
  /** null: tried and not compilable (graphql-js serves it). */
  compiled?: CompiledQuery | null;
}

/**
 * Compiled operations, by the hash of the query text Apollo already computes and the operation's
 * name, in a bounded most-recently-used order: a client that sends ever new documents makes old
 * entries fall out, never the memory grow.
 */
export class CompiledOperations {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly mode: JitMode,
    private readonly capacity = 500,
  ) {}

  /** The compiled operation, or undefined when graphql-js should execute this one. */
  get(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, queryHash: string): CompiledQuery | undefined {
    if (this.mode === 'off' || !compilable(operation)) return undefined;
    const key = `${queryHash}:${operation.name?.value ?? ''}`;
    let entry = this.entries.get(key);
    if (entry) this.entries.delete(key); // re-inserted below: most recently used last
    else entry = { uses: 0 };
    this.entries.set(key, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    entry.uses += 1;
    if (entry.compiled === undefined && (this.mode === 'always' || entry.uses >= 2)) {
      entry.compiled = compile(schema, document, operation);
    }
    return entry.compiled ?? undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}

function compile(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): CompiledQuery | null {
  try {
    const compiled = compileQuery(schema, document, operation.name?.value);
    return isCompiledQuery(compiled) ? compiled : null;
  } catch {
    return null;
  }
}

/**
 * Queries only: mutations run one root field after another and are few fields each, so graphql-js
 * keeps them (and their exact ordering of side effects). Introspection stays with graphql-js too,
 * so its answer is the reference implementation's, byte for byte.
 */
function compilable(operation: OperationDefinitionNode): boolean {
  if (operation.operation !== 'query') return false;
  return !operation.selectionSet.selections.some(
    (selection) => selection.kind !== 'Field' || selection.name.value === '__schema' || selection.name.value === '__type',
  );
}
