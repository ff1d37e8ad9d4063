import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildASTSchema, getNamedType, isObjectType, parse } from 'graphql';
import { buildServer } from '../../src/server/buildServer.js';
import { atScale, decimalScales } from '../../src/schema/decimalScales.js';
import { typeDefs } from '../../src/schema/typeDefs.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { adminHeaders, testServerConfig } from '../support/auth.js';
import { forEachBackend } from '../support/forEachBackend.js';
import { type DmmfField, getDatamodel } from '../support/prismaSchema.js';
import { insertReadScenario } from '../modules/support/readScenario.js';

const datamodel = getDatamodel();
const schema = buildASTSchema(parse(typeDefs), { assumeValidSDL: true });

test('every listed Decimal field is returned at its column scale', () => {
  for (const [typeName, fields] of Object.entries(decimalScales)) {
    const model = datamodel.models.find((m) => m.name === typeName);
    if (!model) assert.fail(`${typeName} is not a Prisma model`);
    for (const [fieldName, scale] of Object.entries(fields)) {
      const column: DmmfField | undefined = model.fields.find((f) => f.name === fieldName);
      // A computed field (spreadOverLpr) takes the scale of the rates it is computed from.
      const expected: number = column ? Number(column.nativeType?.[1][1]) : 6;
      assert.equal(scale, expected, `${typeName}.${fieldName}`);
    }
  }
});

test('every Decimal field of a Prisma-backed GraphQL type has a scale', () => {
  for (const model of datamodel.models) {
    const type = schema.getType(model.name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name !== 'Decimal') continue;
      assert.ok(decimalScales[model.name]?.[field.name] !== undefined, `${model.name}.${field.name} has a scale`);
    }
  }
});

test('atScale pads and rounds Decimals, numbers and text, and leaves null alone', () => {
  assert.equal(atScale(new Prisma.Decimal('500000.00'), 2), '500000.00');
  assert.equal(atScale(new Prisma.Decimal('0.0385'), 6), '0.038500');
  assert.equal(atScale(new Prisma.Decimal('1e-7'), 6), '0.000000');
  assert.equal(atScale('0.1', 2), '0.10');
  assert.equal(atScale('12.345', 2), '12.35');
  assert.equal(atScale(3, 2), '3.00');
  assert.equal(atScale(null, 2), null);
});

forEachBackend(
  'Decimal fields over GraphQL',
  async ({ db }) => {
    await insertReadScenario(db, { villages: 2, initiatives: 1, loans: 2 });
    const app = await buildServer({ config: testServerConfig, db });
    return { app, close: () => app.close() };
  },
  (fx) => {
    test('money keeps two places and rates six, as stored', async () => {
      const query = `{ enterpriseLoans(first: 1) { nodes { contractAmount outstandingBalance effectiveRate
        scheduleItems(first: 1) { nodes { principalDue principalPaid } } repayments(first: 1) { nodes { principal } } } }
        lprRates(first: 1) { nodes { rate } } }`;
      const response = await fx.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: await adminHeaders(),
        payload: { query },
      });
      const { data, errors } = response.json();
      assert.equal(errors, undefined);
      const loan = data.enterpriseLoans.nodes[0];
      assert.deepEqual(
        [loan.contractAmount, loan.outstandingBalance, loan.effectiveRate],
        ['500000.00', '100000.00', '0.043500'],
      );
      assert.deepEqual(loan.scheduleItems.nodes[0], { principalDue: '100000.00', principalPaid: '0.00' });
      assert.deepEqual(loan.repayments.nodes[0], { principal: '0.00' });
      assert.equal(data.lprRates.nodes[0].rate, '0.041500');
    });
  },
);
