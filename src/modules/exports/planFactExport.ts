import { type FactQuery, type FactSource, compileFactQuery, factSources } from '../analytics/index.js';
import { badInput } from '../../engine/badInput.js';
import type { AccessScope } from '../auth/index.js';
import { parseWhereParameter } from './parseWhereParameter.js';

/** The file formats of an export. */
export type ExportFormat = 'csv' | 'jsonl';

/** What an export writes: the rows of a compiled fact query, in one format. */
export interface FactExportPlan {
  source: FactSource;
  format: ExportFormat;
  bom: boolean;
  query: FactQuery;
}

/** The request of an export, as the route and the export jobs receive it. */
export interface FactExportRequest {
  kind: string | undefined;
  format: string | undefined;
  /** JSON text (the route's query parameter) or an already parsed object (GraphQL's JSON scalar). */
  where?: unknown;
  updatedSince?: unknown;
  bom?: boolean;
}

/**
 * Checks an export request and compiles its query over the rows within `scope`; nothing is read,
 * so bad input costs nothing.
 * @throws GraphQLError BAD_USER_INPUT naming `kind`, `format`, `where…` or `updatedSince`.
 */
export function planFactExport(request: FactExportRequest, scope: AccessScope): FactExportPlan {
  const kind = request.kind ?? '';
  const source = Object.hasOwn(factSources, kind) ? factSources[kind as FactSource['kind']] : undefined;
  if (!source) throw badInput('kind', `unknown export "${kind}"; use ${Object.keys(factSources).join(' or ')}.`);
  const format = request.format;
  if (format !== 'csv' && format !== 'jsonl')
    throw badInput('format', `unknown format "${format ?? ''}"; use csv or jsonl.`);
  // An object goes through the same text parser, so both ways in accept exactly the same filters.
  const whereText =
    request.where === undefined || request.where === null || typeof request.where === 'string'
      ? (request.where ?? undefined)
      : JSON.stringify(request.where);
  const where = parseWhereParameter(whereText as string | undefined, source.whereType);
  return {
    source,
    format,
    bom: request.bom ?? false,
    query: compileFactQuery(source, { where, updatedSince: request.updatedSince }, scope),
  };
}
