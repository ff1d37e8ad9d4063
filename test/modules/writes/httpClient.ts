import assert from 'node:assert/strict';
import { buildSchema, getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../src/db/client.js';
import { Prisma } from '../../../src/generated/prisma/client.js';
import { fromGlobalId } from '../../../src/engine/globalId.js';
import { typeDefs } from '../../../src/schema/typeDefs.js';
import { adminHeaders } from '../../support/auth.js';
import { graphqlClient, type GraphQLResponse } from '../support/graphqlClient.js';
import { fingerprint, insertWriteFixture } from './writeFixture.js';

/**
 * Who the audit trail names for a request over HTTP: the viewer of {@link adminHeaders}, a
 * whole-bank ADMIN, whom the mutation resolver records as the actor (mutationResolver.ts).
 */
export const httpActor = Object.freeze({ id: 'user:test-admin', role: 'ADMIN', orgUnitId: null });

/** A user error as the API returns it. */
export interface UserErrorView {
  field: string[];
  code: string;
  message: string;
  currentVersion: number | null;
}

/** A mutation payload as the API returns it: the changed object under its own field name. */
export interface PayloadView {
  userErrors: UserErrorView[];
  replayed: boolean;
  [objectField: string]: any;
}

/** An audit event as the `auditEvents` query returns it. */
export interface AuditEventView {
  id: string;
  actorId: string;
  actorRole: string;
  actorOrgUnitId: number | null;
  operation: string;
  entityType: string;
  entityId: string;
  before: Record<string, any> | null;
  after: Record<string, any> | null;
  requestId: string | null;
  createdAt: string;
}

/** The HTTP answer to one GraphQL request. */
export interface HttpAnswer {
  status: number;
  body: GraphQLResponse;
}

/** What calling one mutation over HTTP gave: the payload, the field holding its object, the request id sent. */
export interface MutationCall {
  payload: PayloadView;
  objectField: string;
  requestId: string;
}

/** The calls the HTTP write tests make against an in-process app. */
export interface HttpWriteClient {
  app: FastifyInstance;
  /** Posts one GraphQL request with an `x-request-id` header when given; returns status and body. */
  post(query: string, variables?: Record<string, unknown>, requestId?: string): Promise<HttpAnswer>;
  /** Runs a query that must succeed (HTTP 200, no errors) and returns its data. */
  read(query: string, variables?: Record<string, unknown>): Promise<Record<string, any>>;
  /**
   * Calls mutation `name` with `input` (passed as the `$input` variable of the mutation's own
   * input type), selecting `selection` on the payload's object; sends `requestId` (a fresh one
   * when not given) as `x-request-id`. Asserts HTTP 200 and no GraphQL errors.
   */
  mutate(name: string, input: Record<string, unknown>, selection?: string, requestId?: string): Promise<MutationCall>;
  /** The audit events recorded for `requestId`, oldest first, read through the `auditEvents` query. */
  auditEventsOf(requestId: string): Promise<AuditEventView[]>;
}

const schema = buildSchema(typeDefs);
const mutationType = schema.getMutationType()!;
let requestCounter = 0;

/** Builds the app over `db` (with the shared {@link graphqlClient}) and returns the write tests' client. */
export async function httpWriteClient(db: Database): Promise<HttpWriteClient> {
  const { app } = await graphqlClient(db);
  const post = async (query: string, variables?: Record<string, unknown>, requestId?: string): Promise<HttpAnswer> => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, variables },
      headers: { ...(await adminHeaders()), ...(requestId ? { 'x-request-id': requestId } : {}) },
    });
    return { status: response.statusCode, body: response.json() as GraphQLResponse };
  };
  const read = async (query: string, variables?: Record<string, unknown>) => {
    const answer = await post(query, variables);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
    return answer.body.data!;
  };
  return {
    app,
    post,
    read,
    mutate: async (name, input, selection = 'id', requestId) => {
      const field = mutationType.getFields()[name];
      assert.ok(field, `schema.graphql has no mutation ${name}`);
      const objectField = payloadObjectField(getNamedType(field.type) as GraphQLObjectType);
      requestCounter += 1;
      const id = requestId ?? `http-write-${process.pid}-${requestCounter}`;
      const query = `mutation Call($input: ${String(field.args[0]!.type)}) {
        ${name}(input: $input) { ${objectField} { ${selection} } userErrors { field code message currentVersion } replayed }
      }`;
      const answer = await post(query, { input }, id);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.errors, undefined, JSON.stringify(answer.body.errors));
      return { payload: answer.body.data![name] as PayloadView, objectField, requestId: id };
    },
    auditEventsOf: async (requestId) => {
      const data = await read(
        `query Trail($requestId: String!) { auditEvents(where: { requestId: $requestId }, first: 100) {
          nodes { id actorId actorRole actorOrgUnitId operation entityType entityId before after requestId createdAt }
        } }`,
        { requestId },
      );
      return data.auditEvents.nodes as AuditEventView[];
    },
  };
}

function payloadObjectField(payload: GraphQLObjectType): string {
  const fields = Object.values(payload.getFields()).filter(
    (field) => isObjectType(getNamedType(field.type)) && field.name !== 'userErrors',
  );
  assert.equal(fields.length, 1, `${payload.name} should have one object field`);
  return fields[0]!.name;
}

/**
 * Asserts a mutation succeeded: no user errors, not replayed, its object returned.
 * Returns the object.
 */
export function succeeded(call: MutationCall): Record<string, any> {
  assert.deepEqual(call.payload.userErrors, [], `${call.objectField}: ${JSON.stringify(call.payload.userErrors)}`);
  assert.equal(call.payload.replayed, false);
  assert.ok(call.payload[call.objectField], `the payload carries the ${call.objectField}`);
  return call.payload[call.objectField];
}

/**
 * Asserts the audit trail of one request: every event names the HTTP actor and the request id,
 * and the events' [operation, entityType, entityId] are `expected`, in order. Returns the events.
 */
export async function assertAudited(
  client: HttpWriteClient,
  requestId: string,
  expected: Array<[string, string, string | number]>,
): Promise<AuditEventView[]> {
  const events = await client.auditEventsOf(requestId);
  assert.deepEqual(
    events.map((event) => [event.operation, event.entityType, event.entityId]),
    expected.map(([operation, entityType, entityId]) => [operation, entityType, String(entityId)]),
  );
  for (const event of events) {
    assert.deepEqual(
      [event.actorId, event.actorRole, event.actorOrgUnitId, event.requestId],
      [httpActor.id, httpActor.role, httpActor.orgUnitId, requestId],
    );
    assert.ok(!Number.isNaN(Date.parse(event.createdAt)));
  }
  return events;
}

/** What a refused call must report: the code, the whole input path, and what the message says. */
export interface ExpectedRefusal {
  code: string;
  field: Array<string | number>;
  message: RegExp;
}

/**
 * Calls mutation `name` over HTTP and asserts it was refused: HTTP 200, a null object, not
 * replayed, a user error with `expected`'s code, field path and message (every message
 * non-empty), and no row of any table a mutation writes changed (audit trail and keys included).
 * Returns all the user errors.
 */
export async function assertRefused(
  client: HttpWriteClient,
  db: Database,
  name: string,
  input: Record<string, unknown>,
  expected: ExpectedRefusal,
): Promise<UserErrorView[]> {
  const before = await fingerprint(db);
  const { payload, objectField } = await client.mutate(name, input);
  assert.equal(payload[objectField], null);
  assert.equal(payload.replayed, false);
  const field = expected.field.map(String);
  const match = payload.userErrors.find(
    (error) => error.code === expected.code && error.field.join('.') === field.join('.'),
  );
  assert.ok(match, `expected ${expected.code} on ${field.join('.')}, got ${JSON.stringify(payload.userErrors)}`);
  assert.match(match.message, expected.message);
  assert.ok(payload.userErrors.every((error) => error.message.length > 0));
  assert.deepEqual(await fingerprint(db), before, 'nothing was written');
  return payload.userErrors;
}

/** The row id inside a global ID, to find the row in the database. */
export function rowId(globalId: string): number {
  return fromGlobalId(globalId, 'id').id;
}

/** A decimal as exact cents, so "1000000" and "1000000.00" compare equal and 0.1 + 0.2 is not a float. */
export function cents(value: string | number | Prisma.Decimal | null | undefined): string | null {
  return value === null || value === undefined ? null : new Prisma.Decimal(value).toFixed(2);
}

/** Global IDs of the write fixture's rows, read through the API's natural-key lookups and filters. */
export interface FixtureGlobalIds {
  loan: string;
  enterprise: string;
  otherEnterprise: string;
  site: string;
  branch: string;
  initiative: string;
  campaign: string;
  village: string;
  henan: string;
  zhengzhou: string;
  dengfeng: string;
  daye: string;
  yeCounty: string;
}

/** Reads the global IDs of the rows insertWriteFixture wrote, the way a client would. */
export async function fixtureGlobalIds(client: HttpWriteClient): Promise<FixtureGlobalIds> {
  const data = await client.read(`{
    loan: enterpriseLoan(contractNo: "FIX-LOAN") { id enterprise { id sites { nodes { id } } } }
    others: enterprises(where: { name: { eq: "A bio company" } }) { nodes { id } }
    branch: orgUnit(code: "FIX-ZZ") { id }
    initiative(code: "FIX-PAIRED") { id }
    campaign(code: "FIX-PUHUI") { id }
    villages(where: { name: { eq: "冶上村" } }) { nodes { id } }
    henan: region(code: "41") { id }
    zhengzhou: region(code: "4101") { id }
    dengfeng: region(code: "410185") { id }
    daye: region(code: "410185105") { id }
    yeCounty: region(code: "410422") { id }
  }`);
  return {
    loan: data.loan.id,
    enterprise: data.loan.enterprise.id,
    otherEnterprise: data.others.nodes[0].id,
    site: data.loan.enterprise.sites.nodes[0].id,
    branch: data.branch.id,
    initiative: data.initiative.id,
    campaign: data.campaign.id,
    village: data.villages.nodes[0].id,
    henan: data.henan.id,
    zhengzhou: data.zhengzhou.id,
    dengfeng: data.dengfeng.id,
    daye: data.daye.id,
    yeCounty: data.yeCounty.id,
  };
}

/** The global ID of a loan found by its contract number through the API. */
export async function loanGlobalId(client: HttpWriteClient, contractNo: string): Promise<string> {
  const data = await client.read(
    'query Loan($contractNo: String!) { enterpriseLoan(contractNo: $contractNo) { id } }',
    { contractNo },
  );
  assert.ok(data.enterpriseLoan, `no loan ${contractNo}`);
  return data.enterpriseLoan.id;
}

/**
 * An `applyForLoan` input for the fixture's enterprise and branch: a 1,000,000 working-capital
 * loan over 12 months, with an idempotency key when one is given.
 */
export function loanApplication(
  ids: FixtureGlobalIds,
  contractNo: string,
  idempotencyKey?: string,
): Record<string, unknown> {
  return {
    contractNo,
    enterpriseId: ids.enterprise,
    orgUnitId: ids.branch,
    product: 'WORKING_CAPITAL',
    regulatoryClass: 'INDUSTRY',
    policyRegime: 'TARGETED_2016_2020',
    repaymentMethod: 'EQUAL_INSTALMENT',
    effectiveRate: '0.0435',
    contractAmount: '1000000.00',
    contractDate: '2020-01-10',
    termMonths: 12,
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
}

/** The HTTP write tests' fixture: the write fixture's rows, a client over HTTP, and their global IDs. */
export interface WriteHttpFixture {
  client: HttpWriteClient;
  ids: FixtureGlobalIds;
  close: () => Promise<void>;
}

/**
 * Inserts the write fixture into `db` and opens an HTTP client on it; `close` stops the client's
 * server. For {@link forEachBackend}'s fixture argument.
 */
export async function writeHttpFixture({ db }: { db: Database }): Promise<WriteHttpFixture> {
  await insertWriteFixture(db);
  const client = await httpWriteClient(db);
  return { client, ids: await fixtureGlobalIds(client), close: () => client.app.close() };
}
