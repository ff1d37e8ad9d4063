import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { generate } from '@graphql-codegen/cli';
import {
  buildClientSchema,
  buildSchema,
  getIntrospectionQuery,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  lexicographicSortSchema,
  printSchema,
} from 'graphql';
import { openDatabase } from '../../src/db/client.js';
import { typeDefs } from '../../src/schema/typeDefs.js';
import { graphqlClient } from '../modules/support/graphqlClient.js';

test('the served schema is exactly schema.graphql', async () => {
  const db = await openDatabase({
    DATABASE_URL: undefined,
    DISHUI_DATA_DIR: 'memory://',
    DATABASE_POOL_MAX: 1,
    DATABASE_POOL_IDLE_MS: 1000,
    DATABASE_CONNECT_TIMEOUT_MS: 1000,
  });
  try {
    const client = await graphqlClient(db);
    const response = await client.request(
      getIntrospectionQuery({
        descriptions: true,
        schemaDescription: true,
        inputValueDeprecation: true,
        specifiedByUrl: true,
      }),
    );
    const served = printSchema(lexicographicSortSchema(buildClientSchema(response.data as never)));
    assert.equal(served, printSchema(lexicographicSortSchema(buildSchema(typeDefs))));
  } finally {
    await db.close();
  }
});

test('every type, field, argument and enum value of schema.graphql has a description', () => {
  const schema = buildSchema(typeDefs);
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Boolean', 'ID', 'Float'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of 'args' in field ? field.args : [])
          if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  assert.deepEqual(missing, []);
});

test('src/graphql/resolvers-types.ts is what `npm run codegen` makes from schema.graphql', async () => {
  const { default: config } = await import('../../codegen.js');
  const [output] = await generate({ ...config, silent: true }, false);
  assert.ok(output, 'codegen produced no file');
  assert.equal(fs.readFileSync(output.filename, 'utf8'), output.content, 'stale: run `npm run codegen`');
});
