// `npm run schema:sql`: migrates a throwaway PostgreSQL database and writes its structure to
// prisma/schema.sql (see src/db/schemaDump.ts). test/db/schemaSql.test.ts fails when the file is stale.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrator.js';
import { dumpSchema } from '../src/db/schemaDump.js';

const adminUrl = process.env.DISHUI_TEST_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const name = `dishui_schema_sql_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
try {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({
    DATABASE_URL: url.toString(),
    DATABASE_POOL_MAX: 2,
    DATABASE_POOL_IDLE_MS: 1000,
    DATABASE_CONNECT_TIMEOUT_MS: 5000,
    DISHUI_DATA_DIR: 'memory://',
  });
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
  fs.writeFileSync('prisma/schema.sql', await dumpSchema(url.toString()));
  console.log('wrote prisma/schema.sql');
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}
