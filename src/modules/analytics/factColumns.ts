/** How a flat fact column is typed on the wire: Int, String, Decimal (text), Date, DateTime, Boolean. */
export type FactType = 'int' | 'text' | 'decimal' | 'date' | 'datetime' | 'boolean';

/** One scalar column of a flat fact row: its stable name, fixed SQL, type and meaning. */
export interface FactColumn {
  name: string;
  sql: string;
  type: FactType;
  description: string;
  /** Set on text that never holds a comma, quote or line break (codes, enum values): never quoted. */
  plain?: boolean;
}

/**
 * The SELECT item of a column, cast so both drivers return the same JS value: ints as numbers,
 * decimals and dates as exact text, instants as ISO 8601 UTC text.
 */
export function factSelect(column: FactColumn): string {
  const cast = {
    int: `(${column.sql})::int`,
    text: `(${column.sql})::text`,
    decimal: `(${column.sql})::text`,
    date: `to_char(${column.sql}, 'YYYY-MM-DD')`,
    datetime: `to_char(${column.sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    boolean: `(${column.sql})::boolean`,
  }[column.type];
  return `${cast} AS "${column.name}"`;
}

/**
 * SQL rendering the column, already selected into alias `f` by {@link factSelect}, as one RFC 4180
 * field: empty for null, quoted (quotes doubled) when free text holds a comma, quote or line break.
 * Free text starting with `=`, `+`, `-`, `@`, tab or CR (a spreadsheet formula: CSV injection) gets
 * OWASP's `'` prefix first, unless it is a plain number such as `-12.50`; numeric, date and plain
 * columns never start a formula and are written as they are. Same rule as {@link neutraliseFormula}.
 */
export function csvFieldSql(column: FactColumn): string {
  const value = `f."${column.name}"`;
  if (column.type !== 'text' || column.plain) return `COALESCE(${value}::text, '')`;
  const safe = `CASE WHEN ${value} ~ E'${formulaStart.source.replace(/\\/g, '\\\\')}' AND ${value} !~ E'${plainNumber.source.replace(/\\/g, '\\\\')}' THEN '''' || ${value} ELSE ${value} END`;
  return `CASE WHEN ${value} IS NULL THEN '' WHEN ${value} ~ '[",\r\n]' THEN '"' || replace(${safe}, '"', '""') || '"' ELSE ${safe} END`;
}

// One pattern for PostgreSQL's regex and JavaScript's, so SQL- and JS-rendered cells agree.
const formulaStart = /^[=+@\t\r-]/;
const plainNumber = /^[-+]?[0-9]+(\.[0-9]+)?$/;

/**
 * `text` made safe to open in a spreadsheet: OWASP's `'` prefix when it would start a formula
 * (`=`, `+`, `-`, `@`, tab, CR) and is not a plain number such as `-12.50`; else unchanged.
 */
export function neutraliseFormula(text: string): string {
  return formulaStart.test(text) && !plainNumber.test(text) ? `'${text}` : text;
}

/** Columns of the region hierarchy over the derived region table `r` of the fact sources. */
export const regionFactColumns = (what: string): FactColumn[] => [
  { name: 'regionCode', plain: true, sql: 'r."code"', type: 'text', description: `NBS code of the region ${what}.` },
  { name: 'regionName', sql: 'r."name"', type: 'text', description: `Official name of the region ${what}.` },
  {
    name: 'regionLevel',
    plain: true,
    sql: 'r."level"',
    type: 'text',
    description: `Level of the region ${what} (PROVINCE … TOWNSHIP).`,
  },
  {
    name: 'countyCode',
    plain: true,
    sql: `CASE WHEN length(r."code") >= 6 THEN left(r."code", 6) END`,
    type: 'text',
    description: 'County code (6 digits), null above county level.',
  },
  { name: 'countyName', sql: 'r."countyName"', type: 'text', description: 'County name.' },
  {
    name: 'countyPovertyTier',
    plain: true,
    sql: 'r."countyPovertyTier"',
    type: 'text',
    description: 'Poverty tier of the county (國家級/省級貧困縣): NATIONAL, PROVINCIAL or NONE.',
  },
  {
    name: 'prefectureCode',
    plain: true,
    sql: `CASE WHEN length(r."code") >= 4 THEN left(r."code", 4) END`,
    type: 'text',
    description: 'Prefecture code (4 digits).',
  },
  { name: 'prefectureName', sql: 'r."prefectureName"', type: 'text', description: 'Prefecture name.' },
  {
    name: 'provinceCode',
    plain: true,
    sql: 'left(r."code", 2)',
    type: 'text',
    description: 'Province code (2 digits).',
  },
  { name: 'provinceName', sql: 'r."provinceName"', type: 'text', description: 'Province name.' },
];

/** The bookkeeping columns every fact row ends with. */
export const bookkeepingColumns = (alias: string): FactColumn[] => [
  {
    name: 'dataSource',
    plain: true,
    sql: `${alias}."dataSource"`,
    type: 'text',
    description: 'Where the row came from: ARTICLE, SYNTHETIC, IMPORT or API.',
  },
  { name: 'createdAt', sql: `${alias}."createdAt"`, type: 'datetime', description: 'When the row was written.' },
  {
    name: 'updatedAt',
    sql: `${alias}."updatedAt"`,
    type: 'datetime',
    description: 'When the row last changed: refresh incrementally with `updatedSince`.',
  },
];
