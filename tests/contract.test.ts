import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  Kind,
  parse,
  print,
  type DefinitionNode,
  type GraphQLArgument,
} from 'graphql';

/**
 * docs/api.md is the client contract, kept true to schema.gql: every type, field, argument and enum
 * value the schema serves is named in one of its ```graphql blocks, with the same type (and the same
 * default), and the blocks name nothing the schema lacks. A failure lists each name to add or correct.
 */
const schema = buildSchema(readFileSync(new URL('../schema.gql', import.meta.url), 'utf8'));
const doc = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');

const argument = (type: string, field: string, a: { name: string; type: string; defaultValue?: string }) =>
  `${type}.${field}(${a.name}: ${a.type}${a.defaultValue === undefined ? '' : ` = ${a.defaultValue}`})`;

/** Every name schema.gql serves, with its type: `Plan`, `Plan.title: String!`, `Query.plans(first: Int = 50)`, `Role.ADMIN`. */
function served(): Set<string> {
  const names = new Set<string>();
  const defaultOf = (a: GraphQLArgument) => (a.defaultValue === undefined ? undefined : JSON.stringify(a.defaultValue));
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    names.add(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        names.add(`${type.name}.${field.name}: ${String(field.type)}`);
        for (const a of 'args' in field ? field.args : []) {
          names.add(argument(type.name, field.name, { name: a.name, type: String(a.type), defaultValue: defaultOf(a) }));
        }
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) names.add(`${type.name}.${value.name}`);
  }
  return names;
}

/** The same names as the ```graphql blocks of docs/api.md declare them (definitions and `extend`s). */
function documented(): Set<string> {
  const names = new Set<string>();
  const blocks = [...doc.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  const definitions: DefinitionNode[] = blocks.flatMap((b) => parse(b).definitions);
  for (const d of definitions) {
    if (!('name' in d) || !d.name) continue;
    const type = d.name.value;
    if (d.kind !== Kind.OBJECT_TYPE_EXTENSION && d.kind !== Kind.INPUT_OBJECT_TYPE_EXTENSION && d.kind !== Kind.ENUM_TYPE_EXTENSION) names.add(type);
    if ('fields' in d) {
      for (const field of d.fields ?? []) {
        names.add(`${type}.${field.name.value}: ${print(field.type)}`);
        for (const a of 'arguments' in field ? (field.arguments ?? []) : []) {
          const value = a.defaultValue ? JSON.stringify(JSON.parse(print(a.defaultValue))) : undefined;
          names.add(argument(type, field.name.value, { name: a.name.value, type: print(a.type), defaultValue: value }));
        }
      }
    }
    if ('values' in d) for (const value of d.values ?? []) names.add(`${type}.${value.name.value}`);
  }
  return names;
}

describe('docs/api.md, the client contract', () => {
  const inSchema = served();
  const inDoc = documented();

  it('names every type, field, argument and enum value of schema.gql, with its type', () => {
    const missing = [...inSchema].filter((name) => !inDoc.has(name)).sort();
    expect({ 'missing from docs/api.md (or with another type there)': missing }).toEqual({ 'missing from docs/api.md (or with another type there)': [] });
  });

  it('names nothing schema.gql does not serve', () => {
    const extra = [...inDoc].filter((name) => !inSchema.has(name)).sort();
    expect({ 'in docs/api.md but not in schema.gql': extra }).toEqual({ 'in docs/api.md but not in schema.gql': [] });
  });

  it('points to nothing outside the repository', () => {
    expect(doc).not.toMatch(/\.\.\/shared|\/work\//);
  });

  it('says how a client calls the HTTP endpoints beside /graphql', () => {
    for (const path of ['POST /graphql', 'GET /health', 'GET /metrics', 'GET /exports/plans/', 'GET /exports/national.xlsx', 'GET /imports/plan-template.xlsx', 'POST /imports/plans/']) {
      expect(doc).toContain(path);
    }
  });
});

describe('the repository points to nothing outside itself', () => {
  it('has no path to the shared contract folder in README, docs, src, tests, scripts or web', () => {
    const root = new URL('..', import.meta.url).pathname;
    // Written so that this file does not match itself.
    const pattern = ['\\.\\./shared', ['', 'work', 'shared'].join('/')].join('|');
    let found = '';
    try {
      found = execFileSync('git', ['grep', '--untracked', '-nE', pattern, '--', 'README.md', 'docs', 'src', 'tests', 'scripts', 'web'], { cwd: root, encoding: 'utf8' });
    } catch (error: any) {
      if (error.status !== 1) throw error; // 1: nothing found
    }
    expect(found.split('\n').filter(Boolean)).toEqual([]);
  });
});
