import type { ApolloClient } from '@apollo/client';
import { graphql } from '../gql/index.js';
import type { DisburseLoanInput } from '../gql/graphql.js';

/** Pays out (part of) an approved loan; refusals come back as `userErrors`, not exceptions. */
export const DisburseLoan = graphql(`
  mutation DisburseLoan($input: DisburseLoanInput!) {
    disburseLoan(input: $input) {
      loan { id status disbursedAmount outstandingBalance version }
      userErrors { field code message currentVersion }
      replayed
    }
  }
`);

/** What a form needs after submitting: the new version, or one message per input path. */
export type DisburseOutcome =
  | { ok: true; version: number; replayed: boolean }
  | { ok: false; errors: Record<string, string>; currentVersion: number | null };

/**
 * Disburses with an idempotency key, so a retry after a lost response cannot pay twice. The
 * normalized cache updates the loan (by its id) wherever it is shown.
 */
export async function disburse(client: ApolloClient, input: DisburseLoanInput): Promise<DisburseOutcome> {
  const { data } = await client.mutate({ mutation: DisburseLoan, variables: { input } });
  const payload = data!.disburseLoan;
  if (payload.loan) return { ok: true, version: payload.loan.version, replayed: payload.replayed };
  return {
    ok: false,
    errors: Object.fromEntries(
      payload.userErrors.map((error) => [error.field.join('.'), `${error.code}: ${error.message}`]),
    ),
    currentVersion: payload.userErrors.find((error) => error.code === 'CONFLICT')?.currentVersion ?? null,
  };
}
