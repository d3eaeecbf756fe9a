export interface GraphQLErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; field?: string; [key: string]: unknown };
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data: T | null;
  errors?: GraphQLErrorBody[];
  /** SQL statements the request took (X-SQL-Statements; absent in production). */
  statements: number;
}

/** Sends real GraphQL operations over HTTP, as any client would. */
export class GraphQLClient {
  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, any>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: GraphQLErrorBody[] };
    return {
      status: response.status,
      data: body.data ?? null,
      errors: body.errors,
      statements: Number(response.headers.get('x-sql-statements') ?? NaN),
    };
  }

  /**
   * The request sent twice, the second answer returned: what a running replica answers once it has
   * read the registry rows the request names (each process keeps pools, focus areas and
   * municipalities, which never change: src/registry/immutable-rows.ts). Statement counts are
   * compared between warm requests; a cold one takes at most one more statement per such kind.
   */
  async warm<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLResponse<T>> {
    await this.request<T>(query, variables, token);
    return this.request<T>(query, variables, token);
  }

  /** The data of a request that must succeed; throws with the errors otherwise. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
    const result = await this.request<T>(query, variables, token);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL request failed: ${JSON.stringify(result.errors ?? result)}`);
    }
    return result.data;
  }

  /** The first error of a request that must fail. */
  async error(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLErrorBody> {
    const result = await this.request(query, variables, token);
    if (!result.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
    return result.errors[0];
  }

  async login(email: string, password: string): Promise<string> {
    const data = await this.ok<{ login: { accessToken: string } }>(
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email, password },
    );
    return data.login.accessToken;
  }
}
