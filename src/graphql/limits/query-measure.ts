import {
  getNamedType,
  GraphQLError,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

export interface OperationSize {
  /** Fields on the longest nested path: `{ me { id } }` has depth 2. */
  depth: number;
  /**
   * The most fields the answer could hold: every field counts 1, times the length of each list
   * around it. A list's length is its `first` argument, or that of the connection field above it
   * (`plans(first: 50) { edges … }`), or `defaultListSize`.
   */
  cost: number;
}

export interface MeasureOptions {
  defaultListSize: number;
  /** Leave `__schema` and `__type` out of depth and cost (docs/api.md: outside production). */
  exemptIntrospection: boolean;
  variables?: Record<string, unknown>;
}

const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Depth and cost of one operation, fragments included. Each fragment is measured once per page
 * size it is used under, so the work is linear in the document however often fragments repeat.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  options: MeasureOptions,
): OperationSize {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measured = new Map<string, OperationSize>();

  const selectionSet = (set: SelectionSetNode, parentType: GraphQLCompositeType, pageSize?: number): OperationSize => {
    let depth = 0;
    let cost = 0;
    for (const selection of set.selections) {
      let size: OperationSize;
      if (selection.kind === Kind.FIELD) {
        size = field(selection, parentType, pageSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parentType;
        if (!type || !isCompositeType(type)) continue;
        size = selectionSet(selection.selectionSet, type, pageSize);
      } else {
        const key = `${selection.name.value}:${pageSize ?? ''}`;
        let fragmentSize = measured.get(key);
        if (!fragmentSize) {
          const fragment = fragments.get(selection.name.value);
          const type = fragment && schema.getType(fragment.typeCondition.name.value);
          // Validation has refused unknown fragments and fragment cycles before this runs.
          fragmentSize =
            fragment && type && isCompositeType(type) ? selectionSet(fragment.selectionSet, type, pageSize) : { depth: 0, cost: 0 };
          measured.set(key, fragmentSize);
        }
        size = fragmentSize;
      }
      depth = Math.max(depth, size.depth);
      cost += size.cost;
    }
    return { depth, cost };
  };

  const field = (node: FieldNode, parentType: GraphQLCompositeType, pageSize?: number): OperationSize => {
    if (options.exemptIntrospection && INTROSPECTION_ROOTS.has(node.name.value)) return { depth: 0, cost: 0 };
    const definition = fieldDefinition(schema, parentType, node.name.value);
    if (!definition) return { depth: 1, cost: 1 };
    const first = firstArgument(node, definition, operation, options.variables);
    const isList = isListType(getNullableType(definition.type));
    const length = isList ? (first ?? pageSize ?? options.defaultListSize) : 1;
    const type = getNamedType(definition.type);
    if (!node.selectionSet || !isCompositeType(type)) return { depth: 1, cost: 1 };
    // A connection field's `first` is the length of the lists directly inside it (`edges`).
    const inner = selectionSet(node.selectionSet, type, isList ? undefined : first);
    return { depth: 1 + inner.depth, cost: 1 + length * inner.cost };
  };

  return selectionSet(operation.selectionSet, rootType(schema, operation));
}

/** Aliases and directives as written in the document (fragments counted once, where they are defined). */
export function countAliasesAndDirectives(document: DocumentNode): { aliases: number; directives: number } {
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
    },
    Directive() {
      directives += 1;
    },
  });
  return { aliases, directives };
}

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLCompositeType {
  const type =
    operation.operation === 'query'
      ? schema.getQueryType()
      : operation.operation === 'mutation'
        ? schema.getMutationType()
        : schema.getSubscriptionType();
  if (!type) {
    throw new GraphQLError(`This API has no ${operation.operation} operations`, {
      extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
    });
  }
  return type;
}

function fieldDefinition(
  schema: GraphQLSchema,
  parentType: GraphQLCompositeType,
  name: string,
): GraphQLField<unknown, unknown> | undefined {
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  if (parentType === schema.getQueryType()) {
    if (name === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
    if (name === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  }
  return isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[name] : undefined;
}

/** The page size a field asks for: its `first` argument, from the literal, the variable or a default. */
function firstArgument(
  node: FieldNode,
  definition: GraphQLField<unknown, unknown>,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> = {},
): number | undefined {
  const argument = definition.args.find((a) => a.name === 'first');
  if (!argument) return undefined;
  const given = node.arguments?.find((a) => a.name.value === 'first')?.value;
  const value = given ? valueOf(given, operation, variables) : argument.defaultValue;
  const fallback = typeof argument.defaultValue === 'number' ? argument.defaultValue : undefined;
  return pageSize(value) ?? fallback;
}

function valueOf(node: ValueNode, operation: OperationDefinitionNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind !== Kind.VARIABLE) return undefined;
  const name = node.name.value;
  if (name in variables) return variables[name];
  const declared = operation.variableDefinitions?.find((d) => d.variable.name.value === name)?.defaultValue;
  return declared?.kind === Kind.INT ? Number(declared.value) : undefined;
}

function pageSize(value: unknown): number | undefined {
  // A wrong value is refused later by variable coercion or the service; only its size matters here.
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined;
}
