/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  mutation DisburseLoan($input: DisburseLoanInput!) {\n    disburseLoan(input: $input) {\n      loan { id status disbursedAmount outstandingBalance version }\n      userErrors { field code message currentVersion }\n      replayed\n    }\n  }\n": typeof types.DisburseLoanDocument,
    "\n  subscription LoanStatus($where: EnterpriseLoanWhere) {\n    loanChanged(where: $where) {\n      id\n      contractNo\n      status\n      outstandingBalance\n      version\n    }\n  }\n": typeof types.LoanStatusDocument,
    "\n  query LoansPage($first: Int = 20, $after: String, $where: EnterpriseLoanWhere) {\n    enterpriseLoans(first: $first, after: $after, where: $where, orderBy: [{ field: CONTRACT_DATE, direction: DESC }]) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          contractNo\n          contractAmount\n          outstandingBalance\n          riskClass\n          nonPerforming\n          enterprise { id name leadingEnterpriseLevel }\n          region { id code name }\n        }\n      }\n    }\n  }\n": typeof types.LoansPageDocument,
    "\n  query RefetchNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on EnterpriseLoan { contractNo status outstandingBalance version }\n      ... on Village { name aliases county { code name } }\n      ... on Initiative { code nameZh initiativeStatus: status }\n    }\n  }\n": typeof types.RefetchNodeDocument,
};
const documents: Documents = {
    "\n  mutation DisburseLoan($input: DisburseLoanInput!) {\n    disburseLoan(input: $input) {\n      loan { id status disbursedAmount outstandingBalance version }\n      userErrors { field code message currentVersion }\n      replayed\n    }\n  }\n": types.DisburseLoanDocument,
    "\n  subscription LoanStatus($where: EnterpriseLoanWhere) {\n    loanChanged(where: $where) {\n      id\n      contractNo\n      status\n      outstandingBalance\n      version\n    }\n  }\n": types.LoanStatusDocument,
    "\n  query LoansPage($first: Int = 20, $after: String, $where: EnterpriseLoanWhere) {\n    enterpriseLoans(first: $first, after: $after, where: $where, orderBy: [{ field: CONTRACT_DATE, direction: DESC }]) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          contractNo\n          contractAmount\n          outstandingBalance\n          riskClass\n          nonPerforming\n          enterprise { id name leadingEnterpriseLevel }\n          region { id code name }\n        }\n      }\n    }\n  }\n": types.LoansPageDocument,
    "\n  query RefetchNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on EnterpriseLoan { contractNo status outstandingBalance version }\n      ... on Village { name aliases county { code name } }\n      ... on Initiative { code nameZh initiativeStatus: status }\n    }\n  }\n": types.RefetchNodeDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisburseLoan($input: DisburseLoanInput!) {\n    disburseLoan(input: $input) {\n      loan { id status disbursedAmount outstandingBalance version }\n      userErrors { field code message currentVersion }\n      replayed\n    }\n  }\n"): (typeof documents)["\n  mutation DisburseLoan($input: DisburseLoanInput!) {\n    disburseLoan(input: $input) {\n      loan { id status disbursedAmount outstandingBalance version }\n      userErrors { field code message currentVersion }\n      replayed\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LoanStatus($where: EnterpriseLoanWhere) {\n    loanChanged(where: $where) {\n      id\n      contractNo\n      status\n      outstandingBalance\n      version\n    }\n  }\n"): (typeof documents)["\n  subscription LoanStatus($where: EnterpriseLoanWhere) {\n    loanChanged(where: $where) {\n      id\n      contractNo\n      status\n      outstandingBalance\n      version\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoansPage($first: Int = 20, $after: String, $where: EnterpriseLoanWhere) {\n    enterpriseLoans(first: $first, after: $after, where: $where, orderBy: [{ field: CONTRACT_DATE, direction: DESC }]) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          contractNo\n          contractAmount\n          outstandingBalance\n          riskClass\n          nonPerforming\n          enterprise { id name leadingEnterpriseLevel }\n          region { id code name }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query LoansPage($first: Int = 20, $after: String, $where: EnterpriseLoanWhere) {\n    enterpriseLoans(first: $first, after: $after, where: $where, orderBy: [{ field: CONTRACT_DATE, direction: DESC }]) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        cursor\n        node {\n          id\n          contractNo\n          contractAmount\n          outstandingBalance\n          riskClass\n          nonPerforming\n          enterprise { id name leadingEnterpriseLevel }\n          region { id code name }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RefetchNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on EnterpriseLoan { contractNo status outstandingBalance version }\n      ... on Village { name aliases county { code name } }\n      ... on Initiative { code nameZh initiativeStatus: status }\n    }\n  }\n"): (typeof documents)["\n  query RefetchNode($id: ID!) {\n    node(id: $id) {\n      id\n      ... on EnterpriseLoan { contractNo status outstandingBalance version }\n      ... on Village { name aliases county { code name } }\n      ... on Initiative { code nameZh initiativeStatus: status }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;