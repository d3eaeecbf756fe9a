import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The GraphQL operations of the web app (web/src/**\/*.graphql.ts), read from its source as the
 * client sends them: each operation with the fragments it spreads. Tests run them against the real
 * API, so the browser's own queries are held to the API's scope, limits and statement counts.
 */
export function webOperations(root = join(process.cwd(), 'web', 'src')): Map<string, string> {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'gql') walk(join(dir, entry.name));
      else if (entry.name.endsWith('.graphql.ts')) {
        for (const match of readFileSync(join(dir, entry.name), 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)) texts.push(match[1]!);
      }
    }
  };
  walk(root);
  const fragments = new Map<string, string>();
  for (const text of texts) {
    const name = text.match(/^\s*fragment (\w+)/)?.[1];
    if (name) fragments.set(name, text);
  }
  const withFragments = (text: string, seen = new Set<string>()): string => {
    let result = text;
    for (const [, name] of text.matchAll(/\.\.\.(\w+)/g)) {
      if (seen.has(name!)) continue;
      seen.add(name!);
      const fragment = fragments.get(name!);
      if (!fragment) throw new Error(`web operation spreads an unknown fragment ${name}`);
      result += `\n${withFragments(fragment, seen)}`;
    }
    return result;
  };
  const operations = new Map<string, string>();
  for (const text of texts) {
    const name = text.match(/^\s*(?:query|mutation) (\w+)/)?.[1];
    if (name) operations.set(name, withFragments(text));
  }
  return operations;
}
