import { badInput } from './badInput.js';

/** The opaque global ID of a row: base64url of "TypeName:id". */
export function toGlobalId(typeName: string, id: number): string {
  return Buffer.from(`${typeName}:${id}`, 'utf8').toString('base64url');
}

/**
 * The type name and row id of a global ID, or null when `globalId` is not one Dishui made (not a
 * string, not base64url, not "TypeName:id", or an id beyond PostgreSQL's int). The one decoder:
 * reads throw on null, mutations report it as a userError.
 */
export function parseGlobalId(globalId: unknown): { typeName: string; id: number } | null {
  if (typeof globalId !== 'string' || !/^[A-Za-z0-9_-]+$/.test(globalId)) return null;
  const match = /^([A-Za-z]+):([1-9]\d{0,9})$/.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  const id = match ? Number(match[2]) : Number.NaN;
  return match && id <= 2147483647 ? { typeName: match[1]!, id } : null;
}

/**
 * Splits a global ID into its type name and row id.
 * @throws GraphQLError BAD_USER_INPUT naming `argument` when the ID is not one Dishui made.
 */
export function fromGlobalId(globalId: string, argument: string): { typeName: string; id: number } {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw badInput(argument, `"${globalId}" is not a valid ID.`);
  return parsed;
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
