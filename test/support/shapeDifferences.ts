import { isDeepStrictEqual } from 'node:util';
import type { SchemaShape } from './schemaShape.js';

/**
 * Every way `actual` (the database) differs from `expected` (the Prisma schema), one line each,
 * e.g. `table EnterpriseLoan: column note: missing from the database` or
 * `table Region: column aliases: default: schema "literal:{}", database null`. Empty when they match.
 */
export function shapeDifferences(expected: SchemaShape, actual: SchemaShape): string[] {
  const differences: string[] = [];
  compareKeyed('enum', expected.enums, actual.enums, differences, (name, want, have) => {
    if (!isDeepStrictEqual(want, have)) {
      differences.push(`enum ${name}: values: schema ${JSON.stringify(want)}, database ${JSON.stringify(have)}`);
    }
  });
  compareKeyed('table', expected.tables, actual.tables, differences, (table, want, have) => {
    const prefix = `table ${table}: `;
    const local: string[] = [];
    compareKeyed('column', want.columns, have.columns, local, (column, wantColumn, haveColumn) => {
      for (const key of ['type', 'nullable', 'default'] as const) {
        if (wantColumn[key] !== haveColumn[key]) {
          local.push(
            `column ${column}: ${key}: schema ${JSON.stringify(wantColumn[key])}, database ${JSON.stringify(haveColumn[key])}`,
          );
        }
      }
    });
    if (!isDeepStrictEqual(want.primaryKey, have.primaryKey)) {
      local.push(`primary key: schema ${JSON.stringify(want.primaryKey)}, database ${JSON.stringify(have.primaryKey)}`);
    }
    compareKeyed('index', want.indexes, have.indexes, local, (name, wantIndex, haveIndex) => {
      if (!isDeepStrictEqual(wantIndex, haveIndex)) {
        local.push(`index ${name}: schema ${JSON.stringify(wantIndex)}, database ${JSON.stringify(haveIndex)}`);
      }
    });
    compareKeyed('foreign key', want.foreignKeys, have.foreignKeys, local, (name, wantKey, haveKey) => {
      if (!isDeepStrictEqual(wantKey, haveKey)) {
        local.push(`foreign key ${name}: schema ${JSON.stringify(wantKey)}, database ${JSON.stringify(haveKey)}`);
      }
    });
    differences.push(...local.map((line) => prefix + line));
  });
  return differences;
}

function compareKeyed<T>(
  kind: string,
  expected: Record<string, T>,
  actual: Record<string, T>,
  differences: string[],
  compare: (name: string, expected: T, actual: T) => void,
): void {
  for (const name of Object.keys(expected).sort()) {
    const have = actual[name];
    if (have === undefined) differences.push(`${kind} ${name}: missing from the database`);
    else compare(name, expected[name]!, have);
  }
  for (const name of Object.keys(actual).sort()) {
    if (!(name in expected)) differences.push(`${kind} ${name}: in the database but not in the schema`);
  }
}
