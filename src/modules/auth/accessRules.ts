import { Kind, parse, type DocumentNode, type ListValueNode } from 'graphql';
import { isRole, type Role } from './viewer.js';

/** Who may use each field that declares `@access(roles:)`, by "Type.field". */
export type AccessRules = ReadonlyMap<string, readonly Role[]>;

/** The root types whose every field must declare `@access`. */
export const rootTypes = ['Query', 'Mutation', 'Subscription'] as const;

/**
 * Reads every `@access(roles: [...])` of the object types of `typeDefs`.
 * @throws Error naming the field when a root field (Query, Mutation) declares no `@access`, or
 * when a role is not a Role: secure by default, a server with an unguarded root field never starts.
 */
export function readAccessRules(typeDefs: string | DocumentNode): AccessRules {
  const document = typeof typeDefs === 'string' ? parse(typeDefs) : typeDefs;
  const rules = new Map<string, readonly Role[]>();
  const unguarded: string[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    for (const field of definition.fields ?? []) {
      const name = `${typeName}.${field.name.value}`;
      const directive = field.directives?.find((d) => d.name.value === 'access');
      if (!directive) {
        if ((rootTypes as readonly string[]).includes(typeName)) unguarded.push(name);
        continue;
      }
      const argument = directive.arguments?.find((a) => a.name.value === 'roles')?.value;
      const values = argument?.kind === Kind.LIST ? (argument as ListValueNode).values : argument ? [argument] : [];
      const roles = values.map((value) => (value.kind === Kind.ENUM ? value.value : ''));
      const bad = roles.filter((role) => !isRole(role));
      if (roles.length === 0 || bad.length > 0)
        throw new Error(`@access on ${name} must list roles; not roles: ${bad.join(', ') || '(none)'}`);
      rules.set(name, Object.freeze(roles as Role[]));
    }
  }
  if (unguarded.length > 0) {
    throw new Error(
      `Every root field must declare who may call it with @access(roles: [...]); missing on ${unguarded.join(', ')}`,
    );
  }
  return rules;
}
