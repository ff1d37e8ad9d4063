import { authorizationHeaders } from '../shared/credential.js';

/** One error of a GraphQL answer. */
export interface GraphQLErrorEntry {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string };
}

/** A GraphQL answer: data (possibly partial), errors, and the HTTP status (0 when none came). */
export interface GraphQLAnswer<T> {
  data: T | null;
  errors: GraphQLErrorEntry[];
  status: number;
}

/**
 * Posts one operation to the gateway's /graphql with the credential (a bearer token or an API key).
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
    if (!body) return { data: null, errors: [{ message: `HTTP ${response.status}` }], status: response.status };
    return { data: body.data ?? null, errors: body.errors ?? [], status: response.status };
  } catch (error) {
    return { data: null, errors: [{ message: (error as Error).message }], status: 0 };
  }
}

/** The errors that concern one root field (by its alias), plus those of the whole request. */
export function errorsFor(answer: GraphQLAnswer<unknown>, field: string): GraphQLErrorEntry[] {
  return answer.errors.filter((error) => !error.path || error.path[0] === field);
}

/** Whether the gateway refused the credential itself (401), as opposed to one field of the answer. */
export function credentialRefused(answer: GraphQLAnswer<unknown>): boolean {
  return (
    answer.status === 401 || answer.errors.some((error) => error.extensions?.code === 'UNAUTHENTICATED' && !error.path)
  );
}
