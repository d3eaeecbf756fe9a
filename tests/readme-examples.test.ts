import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { todayUtc } from '../src/common/clock.js';
import { startDemoApp, type DemoApp } from './helpers/demo-app.js';

/**
 * Every ```graphql block of the README, run as written against the demo data, in the README's order,
 * as the demo login its first line names (`# As lbf@planspor.demo`). Variables come from the ```json
 * block right after it: `"<from Op: path>"` is that path in the answer of the earlier operation `Op`,
 * `"<today>"` today's date. The README states the same convention above its first example.
 */
const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const PASSWORDS = new Map([...README.matchAll(/^\| (\S+@planspor\.demo) \| (\S+) \|/gm)].map((m) => [m[1], m[2]]));

interface Example {
  line: number;
  graphql: string;
  as: string | undefined;
  name: string | undefined;
  variables: Record<string, unknown>;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const match of README.matchAll(/```graphql\n([\s\S]*?)```(\s*```json\n([\s\S]*?)```)?/g)) {
    const graphql = match[1];
    const operations = parse(graphql).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    found.push({
      line: README.slice(0, match.index).split('\n').length,
      graphql,
      as: /^# As (\S+)\s*$/m.exec(graphql.split('\n')[0])?.[1],
      name: operations.length === 1 ? operations[0].name?.value : undefined,
      variables: match[3] ? JSON.parse(match[3]) : {},
    });
  }
  return found;
}

/** `a.b[2].c` in `value`; undefined where the path leads nowhere. */
function at(value: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter(Boolean)
    .reduce<any>((v, key) => (v == null ? undefined : v[key]), value);
}

function isEmpty(value: unknown): boolean {
  return value == null || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && Object.keys(value as object).length === 0);
}

let app: DemoApp;
beforeAll(async () => {
  app = await startDemoApp();
}, 120_000);
afterAll(() => app?.stop());

describe('the README’s GraphQL examples', () => {
  const all = examples();

  it('are many, each one named operation with the login to send it as', () => {
    expect(all.length).toBeGreaterThan(20);
    const malformed = all.filter((e) => !e.name || !e.as || !PASSWORDS.has(e.as)).map((e) => `README.md:${e.line}`);
    expect(malformed).toEqual([]);
    const names = all.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('run as written, in order, against the demo data, each without errors and with data', async () => {
    const answers = new Map<string, unknown>();
    const tokens = new Map<string, string>();
    const today = todayUtc();
    for (const example of all) {
      const where = `README.md:${example.line} (${example.name})`;
      const variables = Object.fromEntries(
        Object.entries(example.variables).map(([key, value]) => {
          if (value === '<today>') return [key, today];
          const ref = typeof value === 'string' ? /^<from (\w+): (.+)>$/.exec(value) : null;
          if (!ref) return [key, value];
          if (!answers.has(ref[1])) throw new Error(`${where}: ${key} refers to ${ref[1]}, which no earlier block runs`);
          const resolved = at(answers.get(ref[1]), ref[2]);
          if (resolved === undefined) throw new Error(`${where}: ${key}: ${ref[2]} is not in the answer of ${ref[1]}`);
          return [key, resolved];
        }),
      );
      if (!tokens.has(example.as!)) tokens.set(example.as!, await app.client.login(example.as!, PASSWORDS.get(example.as!)!));
      const result = await app.client.request(example.graphql, variables, tokens.get(example.as!));
      expect({ where, errors: result.errors }).toEqual({ where, errors: undefined });
      const emptyFields = Object.entries(result.data ?? {}).filter(([, v]) => isEmpty(v)).map(([k]) => k);
      expect({ where, data: result.data !== null, emptyFields }).toEqual({ where, data: true, emptyFields: [] });
      answers.set(example.name!, result.data);
    }
    // What the README's text says the examples show.
    expect(at(answers.get('LinkActivity'), 'linkActivityToGoal.share')).toBe(1);
    expect(at(answers.get('PlanPage'), 'plan.title')).toMatch(/^Helhedsplan Lærkehaven/);
    expect(at(answers.get('MyWarnings'), 'me.plan.rollup.staleActivities[0].title')).toBe('Gadeplansmedarbejdere aften og weekend');
    expect(at(answers.get('LogProgress'), 'logProgress.activity')).toMatchObject({ isStale: false, progress: 35, spent: 820_000 });
    expect(at(answers.get('AddNote'), 'addCoordinationNote.author.name')).toBe('Sara Nielsen (Områdesekretariat Aarhus Vest)');
    expect(at(answers.get('ApproveReport'), 'approveAnnualReport.status')).toBe('APPROVED');
    expect(at(answers.get('RetractEntry'), 'retractProgressEntry.retraction.reason')).toBe('Registreret på den forkerte aktivitet');
  });
});
