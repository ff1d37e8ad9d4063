import { Prisma } from '../generated/prisma/client.js';
import type { FieldSpec } from './entitySpec.js';

/** The id and bookkeeping columns every table has. */
export const common = (): Record<string, FieldSpec> => ({
  id: { column: 'id', kind: 'id', description: 'Global ID.' },
  dataSource: { column: 'dataSource', kind: { enum: 'DataSource' }, description: 'Where the row came from.' },
  createdAt: { column: 'createdAt', kind: 'datetime', description: 'When the row was written.' },
  updatedAt: { column: 'updatedAt', kind: 'datetime', description: 'When the row last changed.' },
});
/** A text field; `aliasesColumn` names a column a name filter matches too. */
export const text = (column: string, description: string, aliasesColumn?: string): FieldSpec => ({
  column,
  kind: 'string',
  description,
  ...(aliasesColumn ? { aliasesColumn } : {}),
});
/** A field of the given kind. */
export const of = (kind: FieldSpec['kind'], column: string, description: string): FieldSpec => ({
  column,
  kind,
  description,
});
/** An enum field. */
export const en = (name: string, column: string, description: string): FieldSpec =>
  of({ enum: name }, column, description);
/** A quoted column of a table alias. */
export const col = (alias: string, column: string) => Prisma.raw(`"${alias}"."${column}"`);
