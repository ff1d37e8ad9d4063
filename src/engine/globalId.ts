import { badInput } from './badInput.js';

/** The opaque global ID of a row: base64url of "TypeName:id". */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

/**
 * Splits a global ID into its type name and row id.
 * @throws GraphQLError BAD_USER_INPUT naming `argument` when the ID is not one Dishui made.
 */
export function fromGlobalId(globalId: string, argument: string): { typeName: string; id: number } {
  const decoded = /^[A-Za-z0-9_-]+$/.test(globalId) ? Buffer.from(globalId, 'base64url').toString('utf8') : '';
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(decoded);
  const id = match ? Number(match[2]) : NaN;
  if (!match || id > 2147483647) throw badInput(argument, `"${globalId}" is not a valid ID.`);
  return { typeName: match[1]!, id };
}

/**
 * The row id of a global ID that must be of type `typeName`.
 * @throws GraphQLError BAD_USER_INPUT naming `argument` when malformed or of another type.
 */
export function rowIdOf(globalId: string, typeName: string, argument: string): number {
  const decoded = fromGlobalId(globalId, argument);
  if (decoded.typeName !== typeName) throw badInput(argument, `"${globalId}" is not the ID of a ${typeName}.`);
  return decoded.id;
}
