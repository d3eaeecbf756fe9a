import type { GraphQLClient } from '../helpers/graphql-client.js';

/** The national catalogues by name, for building activities with a type and target groups. */
export interface Catalogues {
  type(name: string): string;
  group(name: string): string;
}

export async function catalogues(client: GraphQLClient, token: string): Promise<Catalogues> {
  const data = await client.ok<{ activityTypes: { id: string; name: string }[]; targetGroups: { id: string; name: string }[] }>(
    `query { activityTypes { id name } targetGroups { id name } }`,
    {},
    token,
  );
  const lookup = (rows: { id: string; name: string }[], what: string) => {
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    return (name: string) => {
      const id = byName.get(name);
      if (!id) throw new Error(`no ${what} named ${name}`);
      return id;
    };
  };
  return { type: lookup(data.activityTypes, 'activity type'), group: lookup(data.targetGroups, 'target group') };
}
