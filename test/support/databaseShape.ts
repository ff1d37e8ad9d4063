import type { SqlConnection } from '../../src/db/client.js';
import type { ReferentialAction, SchemaShape, TableShape } from './schemaShape.js';

/** Tables that belong to the tooling, not to the data model. */
export const toolingTables: readonly string[] = ['_dishui_migrations'];

const actions: Record<string, ReferentialAction> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

/**
 * Reads the shape of the database's current schema from the PostgreSQL catalog (works the same on
 * PGlite): every enum, table, column, primary key, index and foreign key, except the tooling tables.
 * Literal defaults are evaluated in their column's type so `0` and `0.00` compare equal.
 */
export async function readDatabaseShape(sql: SqlConnection): Promise<SchemaShape> {
  const shape: SchemaShape = { enums: {}, tables: {} };
  const enums = await sql.query<{ name: string; labels: string[] }>(`
    SELECT t.typname AS name, json_agg(e.enumlabel ORDER BY e.enumsortorder) AS labels
    FROM pg_type t
    JOIN pg_namespace n ON n.oid = t.typnamespace
    JOIN pg_enum e ON e.enumtypid = t.oid
    WHERE n.nspname = current_schema()
    GROUP BY t.typname`);
  for (const row of enums) shape.enums[row.name] = row.labels;

  const tables = await sql.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT (c.relname = ANY($1::text[]))`,
    [toolingTables],
  );
  for (const row of tables) shape.tables[row.name] = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
  const table = (name: string): TableShape => shape.tables[name]!;

  const columns = await sql.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
    owned_sequence: string | null;
  }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default,
            pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) AS owned_sequence
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
     LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
     WHERE c.relname = ANY($1::text[]) AND n.nspname = current_schema()
     ORDER BY c.relname, a.attnum`,
    [Object.keys(shape.tables)],
  );
  for (const row of columns) {
    table(row.table).columns[row.column] = {
      type: row.type.replaceAll('"', ''),
      nullable: row.nullable,
      default: await canonicalDefault(sql, row.default, row.type, row.owned_sequence),
    };
  }

  const indexes = await sql.query<{
    table: string;
    name: string;
    unique: boolean;
    primary: boolean;
    method: string;
    partial: boolean;
    columns: string[];
  }>(
    `SELECT t.relname AS table, ic.relname AS name, i.indisunique AS unique, i.indisprimary AS primary,
            am.amname AS method, i.indpred IS NOT NULL AS partial,
            (SELECT json_agg(
                      coalesce(a.attname, pg_get_indexdef(i.indexrelid, k + 1, true))
                      || CASE WHEN i.indoption[k] & 1 = 1 THEN ' DESC' ELSE '' END
                      ORDER BY k)
             FROM generate_series(0, i.indnkeyatts - 1) AS k
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[k]) AS columns
     FROM pg_index i
     JOIN pg_class t ON t.oid = i.indrelid
     JOIN pg_class ic ON ic.oid = i.indexrelid
     JOIN pg_am am ON am.oid = ic.relam
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE t.relname = ANY($1::text[]) AND n.nspname = current_schema()`,
    [Object.keys(shape.tables)],
  );
  for (const row of indexes) {
    if (row.primary) table(row.table).primaryKey = { name: row.name, columns: row.columns };
    else {
      table(row.table).indexes[row.name] = {
        columns: row.columns,
        unique: row.unique,
        method: row.method,
        partial: row.partial,
      };
    }
  }

  const foreignKeys = await sql.query<{
    table: string;
    name: string;
    columns: string[];
    referenced_table: string;
    referenced_columns: string[];
    on_delete: string;
    on_update: string;
  }>(
    `SELECT t.relname AS table, con.conname AS name, rt.relname AS referenced_table,
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum) AS columns,
            (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum) AS referenced_columns,
            con.confdeltype AS on_delete, con.confupdtype AS on_update
     FROM pg_constraint con
     JOIN pg_class t ON t.oid = con.conrelid
     JOIN pg_class rt ON rt.oid = con.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE con.contype = 'f' AND t.relname = ANY($1::text[]) AND n.nspname = current_schema()`,
    [Object.keys(shape.tables)],
  );
  for (const row of foreignKeys) {
    table(row.table).foreignKeys[row.name] = {
      columns: row.columns,
      referencedTable: row.referenced_table,
      referencedColumns: row.referenced_columns,
      onDelete: actions[row.on_delete] ?? (row.on_delete as ReferentialAction),
      onUpdate: actions[row.on_update] ?? (row.on_update as ReferentialAction),
    };
  }
  return shape;
}

/** The default in {@link ColumnShape.default}'s terms; literals are evaluated, never functions. */
async function canonicalDefault(
  sql: SqlConnection,
  expression: string | null,
  type: string,
  ownedSequence: string | null,
): Promise<string | null> {
  if (expression === null) return null;
  const sequence = /^nextval\('(.+)'::regclass\)$/.exec(expression)?.[1];
  if (sequence !== undefined) {
    // SERIAL: the column owns the sequence its default draws from.
    const owned = ownedSequence !== null && (await sameRelation(sql, sequence, ownedSequence));
    return owned ? 'autoincrement()' : `expression:${expression}`;
  }
  if (expression === 'CURRENT_TIMESTAMP' || expression === 'now()') return 'now()';
  if (/\b(nextval|now|random|gen_random_uuid|clock_timestamp|statement_timestamp)\s*\(/i.test(expression)) {
    return `expression:${expression}`;
  }
  const [row] = await sql.query<{ value: string | null }>(`SELECT ((${expression})::${type})::text AS value`);
  return `literal:${row?.value ?? 'NULL'}`;
}

async function sameRelation(sql: SqlConnection, first: string, second: string): Promise<boolean> {
  const [row] = await sql.query<{ same: boolean }>('SELECT $1::regclass = $2::regclass AS same', [first, second]);
  return row?.same === true;
}
