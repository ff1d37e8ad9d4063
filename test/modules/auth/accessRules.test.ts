import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse, Kind, type ObjectTypeDefinitionNode } from 'graphql';
import { readAccessRules } from '../../../src/modules/auth/accessRules.js';
import { exportRoles } from '../../../src/modules/auth/policy.js';
import { typeDefs } from '../../../src/schema/typeDefs.js';

test('every Query and Mutation field of schema.graphql declares @access, and the server reads them all', () => {
  const rules = readAccessRules(typeDefs);
  const roots = parse(typeDefs).definitions.filter(
    (d): d is ObjectTypeDefinitionNode =>
      d.kind === Kind.OBJECT_TYPE_DEFINITION && (d.name.value === 'Query' || d.name.value === 'Mutation'),
  );
  const fields = roots.flatMap((type) => (type.fields ?? []).map((field) => `${type.name.value}.${field.name.value}`));
  assert.ok(fields.length > 40);
  assert.deepEqual(
    fields.filter((field) => !rules.has(field)),
    [],
  );
});

test('a root field without @access stops the server from starting, naming the field', () => {
  const sdl = `
    directive @access(roles: [Role!]!) on FIELD_DEFINITION
    enum Role { VIEWER ADMIN }
    type Query { guarded: Int @access(roles: [VIEWER]) forgotten: Int }
    type Mutation { alsoForgotten: Int }`;
  assert.throws(() => readAccessRules(sdl), /missing on Query\.forgotten, Mutation\.alsoForgotten/);
  assert.throws(() => readAccessRules('type Query { odd: Int @access(roles: [KING]) }'), /not roles: KING/);
});

test('field rules hide credit codes from VIEWERs and pricing and contract numbers from every role below ANALYST', () => {
  const rules = readAccessRules(typeDefs);
  assert.deepEqual(rules.get('Enterprise.creditCode'), ['ANALYST', 'LOAN_OFFICER', 'PROGRAMME_MANAGER', 'ADMIN']);
  for (const field of [
    'contractNo',
    'effectiveRate',
    'spreadBps',
    'lprAtPricing',
    'interestSubsidyRate',
    'spreadOverLpr',
  ]) {
    assert.deepEqual(rules.get(`EnterpriseLoan.${field}`), ['ANALYST', 'LOAN_OFFICER', 'ADMIN'], field);
  }
});

test('the export routes allow the roles createExport, loanFacts and impactFacts declare', () => {
  const rules = readAccessRules(typeDefs);
  const fields = [
    'Mutation.createExport',
    'Query.loanFacts',
    'Query.impactFacts',
    'Query.loanFactChanges',
    'Query.impactFactChanges',
    'Query.factDeletions',
    'Query.exportJob',
  ];
  for (const field of fields) {
    assert.deepEqual(rules.get(field), exportRoles, field);
  }
});
