/**
 * Every error a client can see, in one table: its `extensions.code`, the HTTP status when the
 * error fails a whole request (applied by src/errorStatus.ts, the one place statuses are set),
 * and what it means. The README's error list is kept in step with
 * this table by test/errors.test.ts.
 */
export const errorTable = Object.freeze({
  BAD_USER_INPUT: { status: 400, meaning: 'An argument or input field breaks a rule; the message names it.' },
  UNAUTHENTICATED: {
    status: 401,
    meaning:
      'No credential where one is required (also an anonymous caller where a role beyond VIEWER is needed), or a token or API key that is not accepted (bad signature, expired, issued in the future, too long-lived, wrong issuer or audience, revoked, unknown org unit).',
  },
  NOT_FOUND: {
    status: 404,
    meaning:
      'REST doors: no export job (or import kind) has the given ID or name, or the caller may not see it. GraphQL lookups (`node`, `nodes`, natural keys) answer a plain null instead.',
  },
  FORBIDDEN: {
    status: 403,
    meaning:
      'The caller is known but lacks the role this field, filter, export or import needs (the message names the roles); a hidden field is null with this error at its path and the rest of the answer intact.',
  },
  GRAPHQL_PARSE_FAILED: { status: 400, meaning: 'The document is not valid GraphQL syntax.' },
  GRAPHQL_VALIDATION_FAILED: { status: 400, meaning: 'The document does not fit the schema.' },
  BAD_REQUEST: {
    status: 400,
    meaning:
      'The HTTP request is not one Dishui accepts: no query, a malformed body, or a GET without a preflight header.',
  },
  METHOD_NOT_ALLOWED: {
    status: 405,
    meaning: 'A mutation sent with GET (GET runs queries only): send it with POST. `Allow: POST` says so.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    meaning: 'The request body has a Content-Type Dishui does not read (GraphQL takes application/json).',
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    meaning: 'The document holds several operations and `operationName` does not pick one of them.',
  },
  QUERY_TOO_COMPLEX: {
    status: 400,
    meaning:
      'The document passes a limit: `extensions.limit` names it (depth, aliases, rootFields, directives, tokens, cost), with `maximum` and `actual`.',
  },
  TOO_MANY_SUBSCRIPTIONS: {
    status: 429,
    meaning:
      'The WebSocket connection already runs `DISHUI_WS_MAX_SUBSCRIPTIONS` subscriptions (docs/live.md); complete one first. Sent over the socket, never as an HTTP status.',
  },
  INTROSPECTION_DISABLED: {
    status: 400,
    meaning:
      'Introspection (`__schema`, `__type`) is off in production except for the roles in DISHUI_INTROSPECTION_ROLES.',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    status: 200,
    meaning:
      'The automatic persisted query hash is unknown: send the hash again with the full `query` (Apollo clients do this by themselves).',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    status: 200,
    meaning: 'Automatic persisted queries are off (DISHUI_PERSISTED_OPERATIONS=off): send the full `query`.',
  },
  PERSISTED_QUERY_HASH_MISMATCH: {
    status: 400,
    meaning: 'The automatic persisted query hash sent with a `query` is not the SHA-256 of that text.',
  },
  OPERATION_NOT_IN_SAFELIST: {
    status: 400,
    meaning: 'Safelist mode: the document, its hash or `documentId` is not in the persisted-operations manifest.',
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    meaning: 'The request body is larger than DISHUI_BODY_LIMIT_BYTES (`extensions.maximum`).',
  },
  RATE_LIMITED: {
    status: 429,
    meaning:
      'The caller spent its cost budget for this window; `Retry-After` and `extensions.retryAfterSeconds` say when to retry.',
  },
  EXECUTION_TIMEOUT: {
    status: 504,
    meaning:
      'The request ran longer than DISHUI_EXECUTION_TIMEOUT_MS and was abandoned; ask for less (smaller pages, fewer fields).',
  },
  SERVICE_UNAVAILABLE: {
    status: 503,
    meaning:
      'The database is down, restarting or gave no connection in time. A write that got it is all there or all absent, but may have committed just before its answer was lost: retry it with the same idempotency key, which returns the first result or runs it once.',
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    meaning: 'Something failed inside Dishui; details are logged with the request id, never sent.',
  },
  NOT_READY: {
    status: 409,
    meaning: 'An export job download asked for before the job SUCCEEDED: poll `node(id:)` until it does.',
  },
  GONE: {
    status: 410,
    meaning: "An export job's download after the job EXPIRED and its file was removed: start a new export.",
  },
} as const);

/** One of the codes in {@link errorTable}. */
export type ErrorCode = keyof typeof errorTable;
