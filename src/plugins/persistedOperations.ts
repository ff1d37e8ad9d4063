import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { sendGraphQLRequestError } from '../errorStatus.js';

/** A persisted-operations manifest: GraphQL Code Generator's `persisted-documents.json`. */
export interface PersistedOperationManifest {
  /** Document text by hash (the manifest's keys). */
  byHash: ReadonlyMap<string, string>;
  /** Every document's exact text. */
  documents: ReadonlySet<string>;
}

/**
 * Reads a manifest of the form `{ "<hash>": "<document>" }`.
 * @throws Error naming the file and what is wrong with it, so a bad manifest stops startup.
 */
export function loadPersistedOperationManifest(file: string): PersistedOperationManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the persisted-operations manifest ${file}: ${(error as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`The persisted-operations manifest ${file} must be a JSON object of hash to document.`);
  }
  const byHash = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || document.trim() === '') {
      throw new Error(`The persisted-operations manifest ${file} holds a non-document under "${hash}".`);
    }
    byHash.set(hash, document);
  }
  return { byHash, documents: new Set(byHash.values()) };
}

type Params = Record<string, unknown>;

/**
 * A GraphQL request's parameters (GET query string or POST body) with its `extensions` parsed,
 * or undefined when it has none Apollo would read (a batch, bad JSON: Apollo refuses those itself).
 */
function requestParams(request: FastifyRequest): { url: URL; params: Params; extensions: unknown } | undefined {
  if (request.method !== 'GET' && request.method !== 'POST') return undefined;
  const url = new URL(request.url, 'http://localhost');
  const params: Params | undefined =
    request.method === 'GET' ? Object.fromEntries(url.searchParams) : (request.body as Params | undefined);
  if (!params || typeof params !== 'object' || Array.isArray(params)) return undefined;
  let extensions = params.extensions;
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return undefined;
    }
  }
  return { url, params, extensions };
}

/**
 * A preHandler for the GraphQL route in APQ mode: a request carrying both `query` and an APQ
 * `sha256Hash` that is not the text's SHA-256 gets 400 PERSISTED_QUERY_HASH_MISMATCH before
 * Apollo sees it (Apollo's own refusal has no code and would be masked and logged as internal).
 */
export function apqHashHook(): preHandlerAsyncHookHandler {
  return async function apqHash(request: FastifyRequest, reply: FastifyReply) {
    const read = requestParams(request);
    if (!read || typeof read.params.query !== 'string') return;
    const hash = (read.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery
      ?.sha256Hash;
    if (typeof hash !== 'string') return;
    if (createHash('sha256').update(read.params.query).digest('hex') === hash) return;
    return sendGraphQLRequestError(
      reply,
      'PERSISTED_QUERY_HASH_MISMATCH',
      'The persisted query hash is not the SHA-256 of the query sent with it.',
    );
  };
}

/**
 * A preHandler for the GraphQL route that lets through only operations of the manifest, chosen by
 * `documentId` (bare or `sha256:`-prefixed), by the APQ extension's `sha256Hash`, or by their exact text; the request is
 * rewritten to carry the manifest's text, so Apollo sees an ordinary query. Anything else gets
 * 400 OPERATION_NOT_IN_SAFELIST before it is parsed.
 */
export function safelistHook(manifest: PersistedOperationManifest): preHandlerAsyncHookHandler {
  return async function safelist(request: FastifyRequest, reply: FastifyReply) {
    const read = requestParams(request);
    if (!read) return;
    const { url, params, extensions } = read;
    const hash = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
    let document: string | undefined;
    if (typeof params.documentId === 'string') {
      // The GraphQL-over-HTTP persisted documents appendix writes ids as "sha256:<hex>".
      document =
        manifest.byHash.get(params.documentId) ?? manifest.byHash.get(params.documentId.replace(/^sha256:/, ''));
    } else if (typeof params.query === 'string')
      document = manifest.documents.has(params.query) ? params.query : undefined;
    else if (typeof hash === 'string') document = manifest.byHash.get(hash);
    if (document === undefined) {
      return sendGraphQLRequestError(
        reply,
        'OPERATION_NOT_IN_SAFELIST',
        'This server runs only the operations of its persisted-operations manifest; this one is not in it.',
      );
    }
    const rest = { ...(extensions as Params | undefined) };
    delete rest.persistedQuery;
    if (request.method === 'POST') {
      params.query = document;
      delete params.documentId;
      params.extensions = rest;
    } else {
      url.searchParams.set('query', document);
      url.searchParams.delete('documentId');
      url.searchParams.set('extensions', JSON.stringify(rest));
      // Apollo's Fastify integration reads a GET's parameters from the URL itself.
      request.raw.url = `${url.pathname}${url.search}`;
    }
  };
}
