import { authorizationHeaders } from '../shared/token.js';

/** One error of a GraphQL answer. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string };
}

/** A GraphQL answer: data (possibly partial) and errors. */
export interface GraphQLAnswer<T> {
  data: T | null;
  errors: GraphQLErrorEntry[];
}

/**
 * Posts one operation to the gateway's /graphql with the token as `Authorization: Bearer`.
 * Never rejects for a GraphQL or HTTP error: those come back in `errors`.
 */
export async function requestGraphQL<T>(
  query: string,
  variables: Record<string, unknown>,
  token: string | null,
): Promise<GraphQLAnswer<T>> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authorizationHeaders(token) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: GraphQLErrorEntry[] } | null;
    if (!body) return { data: null, errors: [{ message: `HTTP ${response.status}` }] };
    return { data: body.data ?? null, errors: body.errors ?? [] };
  } catch (error) {
    return { data: null, errors: [{ message: (error as Error).message }] };
  }
}

/** The errors that concern one root field (by its alias), plus those of the whole request. */
export function errorsFor(answer: GraphQLAnswer<unknown>, field: string): GraphQLErrorEntry[] {
  return answer.errors.filter((error) => !error.path || error.path[0] === field);
}
