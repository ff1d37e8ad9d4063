// GraphiQL served by the gateway itself: bundled from the project's own dependencies, no CDN.
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { authorizationHeaders } from '../shared/credential.js';
import { loadToken, saveToken } from '../shared/token.js';
import { exampleOperations } from './examples.js';

type FetcherParams = { query: string; operationName?: string | null; variables?: unknown };
type FetcherOptions = { headers?: Record<string, unknown> };

const endpoint = new URL('/graphql', window.location.href).toString();

/** Posts the operation with the headers of the headers editor; the answer is shown as it comes. */
async function fetcher(params: FetcherParams, options?: FetcherOptions): Promise<unknown> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...stringValues(options?.headers) },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${response.status}: ${text.slice(0, 500)}` }] };
  }
}

function stringValues(headers: Record<string, unknown> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (typeof value === 'string') result[name] = value;
  }
  return result;
}

/** A token typed into the headers editor is remembered for the dashboard and the next visit. */
function rememberToken(headersText: string): void {
  try {
    const headers = JSON.parse(headersText || '{}') as Record<string, unknown>;
    const authorization = Object.entries(headers).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
    if (typeof authorization === 'string') saveToken(authorization);
    else if (authorization === undefined) saveToken('');
  } catch {
    // Half-typed JSON: wait for the next edit.
  }
}

const headers = JSON.stringify(authorizationHeaders(loadToken()), null, 2);
const container = document.getElementById('graphiql');
if (!container) throw new Error('GraphiQL: no #graphiql element');
createRoot(container).render(
  createElement(GraphiQL, {
    fetcher: fetcher as never,
    defaultTabs: exampleOperations.map((example) => ({
      query: example.query,
      variables: example.variables ?? '',
      headers,
    })),
    headers,
    defaultHeaders: headers,
    defaultEditorToolsVisibility: 'headers',
    isHeadersEditorEnabled: true,
    onEditHeaders: rememberToken,
  }),
);
