import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { dumpSchema } from '../../src/db/schemaDump.js';
import { createTestDatabase, testBackends } from '../support/database.js';

test('prisma/schema.sql is the structure the migrations build (regenerate with npm run schema:sql)', async (t) => {
  if (!(await testBackends()).includes('postgres')) return t.skip('needs PostgreSQL');
  const database = await createTestDatabase('postgres');
  try {
    const dumped = await dumpSchema(database.url!);
    const committed = fs.readFileSync('prisma/schema.sql', 'utf8');
    assert.ok(dumped.includes('CREATE TABLE public."EnterpriseLoan"'), 'the dump holds the tables');
    assert.ok(committed === dumped, 'prisma/schema.sql is stale: run `npm run schema:sql` and commit it');
  } finally {
    await database.dispose();
  }
});
