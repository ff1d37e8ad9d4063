import { GraphQLError } from 'graphql';
import type { GraphQLContext } from '../../context.js';
import type { Database } from '../../db/client.js';
import { parseGlobalId } from '../../engine/globalId.js';
import { actorOf, type Actor, type MutationOptions } from './actor.js';
import type { MutationResult } from './mutationResult.js';
import type { UserError } from './userError.js';
import { idsOutOfScope, type NamedId } from './idsInScope.js';
import type { Tx } from './transaction.js';

/** Input fields that carry global IDs, by name, with the type each must be of. */
export type IdFields = Readonly<Record<string, string>>;

type Service<Input, T> = (
  db: Database,
  actor: Actor,
  input: Input,
  options: MutationOptions,
) => Promise<MutationResult<T>>;

/**
 * Returns a thin resolver for one mutation: it refuses anonymous callers (UNAUTHENTICATED), turns
 * the input's global IDs into row ids (a bad ID is a user error on its path, and the service is
 * not called), calls the service with the context's viewer as actor and the request id, and
 * shapes its result as the payload `{ [field], userErrors, replayed }`. IDs inside lists of
 * objects are named "list.field" (e.g. "links.villageId"). Every ID must name a row within the
 * caller's scope (idsInScope.ts): a hidden one is NOT_FOUND on its path and the service is not
 * called; the same statement runs again first inside the service's transaction (runMutation), so a
 * row or branch moved out of scope in between is refused the same way with nothing written. This
 * is where every mutation's scope is enforced.
 */
export function mutationResolver<Input, T>(service: Service<Input, T>, payloadField: string, idFields: IdFields) {
  return async (_parent: unknown, args: { input: Record<string, unknown> }, context: GraphQLContext) => {
    // Every write names a person or key in the audit trail; role checks come on top of this.
    if (context.viewer.kind === 'anonymous') {
      throw new GraphQLError('Not authenticated: sign in to write; anonymous callers may only read.', {
        extensions: { code: 'UNAUTHENTICATED' },
      });
    }
    const userErrors: UserError[] = [];
    const named: NamedId[] = [];
    const input = decodeIds(args.input, idFields, userErrors, named);
    if (userErrors.length === 0) userErrors.push(...(await idsOutOfScope(context.db.prisma, context.scope, named)));
    if (userErrors.length > 0) return { [payloadField]: null, userErrors, replayed: false };
    // Checked again inside the write's transaction: the tree or the row may change in between.
    const recheck = (tx: Tx) => idsOutOfScope(tx, context.scope, named);
    const result = await service(context.db, actorOf(context.viewer), input as Input, {
      requestId: context.requestId,
      recheck,
    });
    return { [payloadField]: result.record, userErrors: result.userErrors, replayed: result.replayed };
  };
}

function decodeIds(
  input: Record<string, unknown>,
  idFields: IdFields,
  errors: UserError[],
  named: NamedId[],
): Record<string, unknown> {
  const output: Record<string, unknown> = { ...input };
  for (const [path, typeName] of Object.entries(idFields)) {
    const [head, nested] = path.split('.') as [string, string | undefined];
    const value = output[head];
    if (value === undefined || value === null) continue;
    if (nested && Array.isArray(value)) {
      output[head] = value.map((item: Record<string, unknown>, index) => ({
        ...item,
        [nested]: rowId(item[nested], typeName, [head, String(index), nested], errors, named),
      }));
    } else if (Array.isArray(value)) {
      output[head] = value.map((item, index) => rowId(item, typeName, [head, String(index)], errors, named));
    } else {
      output[head] = rowId(value, typeName, [head], errors, named);
    }
  }
  return output;
}

function rowId(
  globalId: unknown,
  typeName: string,
  path: string[],
  errors: UserError[],
  named: NamedId[],
): number | undefined {
  const parsed = parseGlobalId(globalId);
  if (parsed && parsed.typeName === typeName) {
    named.push({ typeName, id: parsed.id, path });
    return parsed.id;
  }
  errors.push({
    field: ['input', ...path],
    code: 'INVALID_FORMAT',
    message: `"${String(globalId)}" is not the ID of a ${typeName}.`,
  });
  return undefined;
}
