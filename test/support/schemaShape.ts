import type { DmmfDatamodel, DmmfField, DmmfModel } from './prismaSchema.js';

/**
 * The parts of a PostgreSQL schema that Prisma's schema describes, in catalog terms, so the
 * shape Prisma expects and the shape a database has can be compared key by key.
 */
export interface SchemaShape {
  /** Enum type name -> labels in declaration order (the order PostgreSQL sorts them by). */
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
}

/** One table: its columns, primary key, other indexes and foreign keys, each by name. */
export interface TableShape {
  columns: Record<string, ColumnShape>;
  primaryKey: { name: string; columns: string[] } | null;
  /** Indexes other than the primary key's, by name; columns carry " DESC" when descending. */
  indexes: Record<string, { columns: string[]; unique: boolean; method: string; partial: boolean }>;
  foreignKeys: Record<string, ForeignKeyShape>;
}

/** A column as `format_type` prints its type; default as {@link ColumnShape.default} says. */
export interface ColumnShape {
  type: string;
  nullable: boolean;
  /**
   * `autoincrement()` (a sequence the column owns), `now()`, `literal:<text>` (the default's value
   * as text in the column's type, e.g. `literal:0.00`, `literal:{}`), or null for none.
   */
  default: string | null;
}

/** A foreign key: referencing columns, referenced table and columns, Prisma's action names. */
export interface ForeignKeyShape {
  columns: string[];
  referencedTable: string;
  referencedColumns: string[];
  onDelete: ReferentialAction;
  onUpdate: ReferentialAction;
}

/** Prisma's names for the ON DELETE / ON UPDATE actions. */
export type ReferentialAction = 'Cascade' | 'Restrict' | 'NoAction' | 'SetNull' | 'SetDefault';

/** Thrown when the schema uses something this translation does not know, so drift is never missed silently. */
export class UnsupportedSchemaFeatureError extends Error {
  constructor(what: string) {
    super(`The drift check does not know how to translate ${what}; extend test/support/schemaShape.ts.`);
    this.name = 'UnsupportedSchemaFeatureError';
  }
}

/**
 * The shape Prisma's migration engine would give a PostgreSQL database for `datamodel`, following
 * its conventions: `<Table>_pkey`, `<Table>_<columns>_key`, `<Table>_<columns>_idx`,
 * `<Table>_<columns>_fkey`; SERIAL for autoincrement; nullable list columns; ON DELETE RESTRICT
 * (required relation) or SET NULL (optional) and ON UPDATE CASCADE unless the schema says otherwise.
 * @throws UnsupportedSchemaFeatureError for types, defaults or index kinds it does not translate.
 */
export function expectedShape(datamodel: DmmfDatamodel): SchemaShape {
  const enums: SchemaShape['enums'] = {};
  for (const enumType of datamodel.enums) {
    enums[enumType.dbName ?? enumType.name] = enumType.values.map((value) => value.dbName ?? value.name);
  }
  const tables: SchemaShape['tables'] = {};
  for (const model of datamodel.models) {
    const table = tableName(model);
    const shape: TableShape = { columns: {}, primaryKey: null, indexes: {}, foreignKeys: {} };
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) addForeignKey(shape, model, field, datamodel);
        continue;
      }
      shape.columns[columnName(field)] = expectedColumn(model, field, datamodel);
    }
    for (const index of datamodel.indexes.filter((candidate) => candidate.model === model.name)) {
      const columns = index.fields.map((part) => {
        const column = columnName(fieldOf(model, part.name));
        return part.sortOrder === 'desc' ? `${column} DESC` : column;
      });
      const plain = index.fields.map((part) => columnName(fieldOf(model, part.name)));
      if (index.type === 'id') {
        shape.primaryKey = { name: index.dbName ?? `${table}_pkey`, columns };
      } else if (index.type === 'unique' || index.type === 'normal') {
        const suffix = index.type === 'unique' ? 'key' : 'idx';
        shape.indexes[index.dbName ?? `${table}_${plain.join('_')}_${suffix}`] = {
          columns,
          unique: index.type === 'unique',
          method: 'btree',
          partial: false,
        };
      } else {
        throw new UnsupportedSchemaFeatureError(`a ${index.type} index on ${model.name}`);
      }
    }
    tables[table] = shape;
  }
  return { enums, tables };
}

function tableName(model: DmmfModel): string {
  return model.dbName ?? model.name;
}

function columnName(field: DmmfField): string {
  return field.dbName ?? field.name;
}

function fieldOf(model: DmmfModel, name: string): DmmfField {
  const field = model.fields.find((candidate) => candidate.name === name);
  if (!field) throw new UnsupportedSchemaFeatureError(`field ${model.name}.${name}, which the DMMF does not list`);
  return field;
}

function expectedColumn(model: DmmfModel, field: DmmfField, datamodel: DmmfDatamodel): ColumnShape {
  const where = `${model.name}.${field.name}`;
  const baseType = field.kind === 'enum' ? enumName(field, datamodel) : scalarType(field, where);
  return {
    type: field.isList ? `${baseType}[]` : baseType,
    // Prisma never marks a list column NOT NULL on PostgreSQL.
    nullable: field.isList || !field.isRequired,
    default: expectedDefault(field, where),
  };
}

function enumName(field: DmmfField, datamodel: DmmfDatamodel): string {
  const enumType = datamodel.enums.find((candidate) => candidate.name === field.type);
  return enumType?.dbName ?? field.type;
}

const scalarTypes: Record<string, string> = {
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  String: 'text',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Decimal: 'numeric(65,30)',
  Json: 'jsonb',
  Bytes: 'bytea',
};

function scalarType(field: DmmfField, where: string): string {
  if (!field.nativeType) {
    const type = scalarTypes[field.type];
    if (!type) throw new UnsupportedSchemaFeatureError(`the type ${field.type} of ${where}`);
    return type;
  }
  const [name, args] = field.nativeType;
  const list = args.join(',');
  const withArgs = (type: string) => (args.length ? `${type}(${list})` : type);
  switch (name) {
    case 'VarChar':
      return withArgs('character varying');
    case 'Char':
      return withArgs('character');
    case 'Decimal':
      return withArgs('numeric');
    case 'Date':
      return 'date';
    case 'Text':
      return 'text';
    case 'Integer':
      return 'integer';
    case 'SmallInt':
      return 'smallint';
    case 'Uuid':
      return 'uuid';
    case 'Timestamptz':
      return `timestamp(${args[0] ?? '6'}) with time zone`;
    case 'Timestamp':
      return `timestamp(${args[0] ?? '6'}) without time zone`;
    default:
      throw new UnsupportedSchemaFeatureError(`the native type @db.${name} of ${where}`);
  }
}

function expectedDefault(field: DmmfField, where: string): string | null {
  const value = field.default;
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    if (value.length === 0) return 'literal:{}';
    throw new UnsupportedSchemaFeatureError(`the non-empty list default of ${where}`);
  }
  if (typeof value === 'object' && value !== null) {
    if (value.name === 'autoincrement' || value.name === 'now') return `${value.name}()`;
    throw new UnsupportedSchemaFeatureError(`the default ${value.name}() of ${where}`);
  }
  if (field.type === 'Decimal') {
    const scale = Number(field.nativeType?.[1][1] ?? 30);
    return `literal:${Number(value).toFixed(scale)}`;
  }
  if (field.type === 'DateTime' || field.type === 'Json' || field.type === 'Bytes') {
    throw new UnsupportedSchemaFeatureError(`the literal default of ${where}`);
  }
  return `literal:${String(value)}`;
}

function addForeignKey(shape: TableShape, model: DmmfModel, field: DmmfField, datamodel: DmmfDatamodel): void {
  const target = datamodel.models.find((candidate) => candidate.name === field.type);
  if (!target) throw new UnsupportedSchemaFeatureError(`the relation ${model.name}.${field.name}`);
  const columns = (field.relationFromFields ?? []).map((name) => columnName(fieldOf(model, name)));
  shape.foreignKeys[`${tableName(model)}_${columns.join('_')}_fkey`] = {
    columns,
    referencedTable: tableName(target),
    referencedColumns: (field.relationToFields ?? []).map((name) => columnName(fieldOf(target, name))),
    onDelete: (field.relationOnDelete as ReferentialAction | undefined) ?? (field.isRequired ? 'Restrict' : 'SetNull'),
    onUpdate: (field.relationOnUpdate as ReferentialAction | undefined) ?? 'Cascade',
  };
}
