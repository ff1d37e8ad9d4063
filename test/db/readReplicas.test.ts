import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openDatabase, type Database } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrator.js';
import { openReplicaSet, type ReplicaSet } from '../../src/db/replicas.js';
import { buildServer } from '../../src/server/buildServer.js';
import { insertWriteFixture } from '../modules/writes/writeFixture.js';
import { canRunClusters, createPgCluster, type PgCluster } from '../support/pgCluster.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';

const settings = {
  DATABASE_POOL_MAX: 3,
  DATABASE_POOL_IDLE_MS: 10_000,
  DATABASE_CONNECT_TIMEOUT_MS: 1_000,
  DISHUI_DATA_DIR: 'memory://',
};
const read = 'query Villages { villages(first: 3) { nodes { id name } } }';
const rename = (id: string, version: number, name: string) =>
  `mutation { updateVillage(input: { id: "${id}", expectedVersion: ${version}, name: "${name}" }) { village { id name version } userErrors { code message } } }`;

describe('read replicas', { skip: !canRunClusters() && 'needs PostgreSQL 15 binaries and root' }, () => {
  let primaryCluster: PgCluster;
  let replicaCluster: PgCluster;
  let primary: Database;
  let replicas: ReplicaSet;
  let app: FastifyInstance;

  before(async () => {
    primaryCluster = await createPgCluster();
    primary = await openDatabase({ ...settings, DATABASE_URL: primaryCluster.url() });
    await migrate(primary);
    await insertWriteFixture(primary);
    replicaCluster = await primaryCluster.replica();
    replicas = await openReplicaSet([replicaCluster.url()], primary, settings, 200);
    app = await buildServer({ config: testServerConfig, db: primary, reads: replicas });
  });
  after(async () => {
    await app?.close();
    await replicas?.close();
    await primary?.close();
    await replicaCluster?.dispose();
    await primaryCluster?.dispose();
  });

  const post = async (query: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: await adminHeaders(),
      payload: { query },
    });
    return { status: response.statusCode, body: response.json() as { data?: any; errors?: any[] } };
  };
  const replicaDb = () => replicas.state()[0]!.db!;
  const waitFor = async (what: string, condition: () => boolean | Promise<boolean>) => {
    for (let tries = 0; tries < 100; tries += 1) {
      if (await condition()) return;
      await sleep(100);
    }
    assert.fail(`timed out waiting until ${what}`);
  };

  test('queries and exports read from the replica, mutations write to the primary, and the change streams to the replica', async () => {
    assert.equal(replicas.state()[0]!.healthy, true);
    const [onPrimary, onReplica] = [primary.statements.count, replicaDb().statements.count];
    const answer = await post(read);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(primary.statements.count, onPrimary, 'the query sent nothing to the primary');
    assert.ok(replicaDb().statements.count > onReplica, 'the query ran on the replica');

    const [village] = answer.body.data.villages.nodes;
    const versionRow = await primary.sql.query<{ version: number }>('SELECT version FROM "Village" WHERE name = $1', [
      village.name,
    ]);
    const beforeWrite = replicaDb().statements.count;
    const written = await post(rename(village.id, versionRow[0]!.version, '复制村'));
    assert.deepEqual(written.body.data.updateVillage.userErrors, []);
    assert.equal(replicaDb().statements.count, beforeWrite, 'the mutation, its reads included, ran on the primary');
    await waitFor('the replica has the change', async () =>
      (await post(read)).body.data.villages.nodes.some((node: any) => node.name === '复制村'),
    );

    const exported = await app.inject({ method: 'GET', url: '/export/loan-facts.csv', headers: await adminHeaders() });
    assert.equal(exported.statusCode, 200);
    const refused = await replicaDb().sql.query('SELECT pg_is_in_recovery() AS standby');
    assert.deepEqual(refused, [{ standby: true }]);
  });

  test('with the replica down reads fall back to the primary, and go back when it returns', async () => {
    await replicaCluster.stop('fast');
    await waitFor('the replica is marked down', () => replicas.state()[0]!.healthy === false);
    const onPrimary = primary.statements.count;
    const answer = await post(read);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.ok(primary.statements.count > onPrimary, 'the query ran on the primary');

    await replicaCluster.start();
    await waitFor('the replica is healthy again', () => replicas.state()[0]!.healthy === true);
    const [primaryBefore, replicaBefore] = [primary.statements.count, replicaDb().statements.count];
    assert.equal((await post(read)).status, 200);
    assert.equal(primary.statements.count, primaryBefore);
    assert.ok(replicaDb().statements.count > replicaBefore);
  });
});
