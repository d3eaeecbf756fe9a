import type { FormattedExecutionResult } from 'graphql';

/**
 * A value of a response's `data` that is already JSON text: the plan page's statement returns its
 * answer as PostgreSQL's json text (src/plans/page/), which goes into the response as it came, not
 * parsed into objects and serialised again (bench/analysis.md: a sixth of the page's app CPU). The
 * text keeps PostgreSQL's spacing (`"id" : …`); what a client parses is the same value, in the same
 * order of keys. Only a root field's value is raw: nothing between the statement and the response
 * looks into it.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

/**
 * Apollo Server's `stringifyResult`: its default (JSON.stringify, then a newline), except that a root
 * field of `data` holding {@link RawJson} is written as its text.
 */
export function stringifyResult(result: FormattedExecutionResult): string {
  const { data, ...rest } = result;
  if (!data || !Object.values(data).some((value) => value instanceof RawJson)) return `${JSON.stringify(result)}\n`;
  const fields: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    const text = value instanceof RawJson ? value.text : JSON.stringify(value);
    if (text !== undefined) fields.push(`${JSON.stringify(key)}:${text}`);
  }
  const others = JSON.stringify(rest); // "{}" without errors and extensions
  return `{"data":{${fields.join(',')}}${others === '{}' ? '' : `,${others.slice(1, -1)}`}}\n`;
}
