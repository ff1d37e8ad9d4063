import { badInput } from './badInput.js';

/** An opaque cursor: base64url JSON of the connection's sort signature and the row's sort values. */
export function encodeCursor(signature: string, values: unknown[]): string {
  return Buffer.from(JSON.stringify({ s: signature, v: values }), 'utf8').toString('base64url');
}

/**
 * The sort values stored in a cursor.
 * @throws GraphQLError BAD_USER_INPUT naming `argument` when the cursor is malformed or came from
 * another connection or ordering.
 */
export function decodeCursor(cursor: string, signature: string, length: number, argument: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(argument, 'is not a cursor returned by this API.');
  }
  const { s, v } = (parsed ?? {}) as { s?: unknown; v?: unknown };
  if (typeof s !== 'string' || !Array.isArray(v) || v.length !== length) {
    throw badInput(argument, 'is not a cursor returned by this API.');
  }
  if (s !== signature) throw badInput(argument, 'is a cursor from another connection or ordering.');
  return v;
}
