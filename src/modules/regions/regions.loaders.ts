import DataLoader from 'dataloader';
import type { Database } from '../../db/client.js';
import { Prisma } from '../../generated/prisma/client.js';
import type { Row } from '../../engine/connection.js';
import { asRows } from '../../engine/relayLoaders.js';
import { reportLoaderBatch } from '../../observability/telemetry.js';

/** Per-request loaders of region paths. */
export function createRegionLoaders(db: Database) {
  return {
    /** The ancestors of a region code, nearest first; one statement per batch of codes. */
    regionAncestors: new DataLoader<string, Row[]>(async (codes) => {
      reportLoaderBatch('regionAncestors', codes.length);
      // NBS codes nest by prefix: the ancestors of 410523 are 4105 and 41.
      const rows = await db.prisma.$queryRaw<Record<string, unknown>[]>(Prisma.sql`
        SELECT p.code AS "__child", r.* FROM unnest(CAST(${[...codes]} AS text[])) AS p(code)
        JOIN "Region" r ON starts_with(p.code, r.code) AND r.code <> p.code
        ORDER BY length(r.code) DESC`);
      const byChild = new Map<string, Row[]>(codes.map((code) => [code, []]));
      for (const { __child, ...row } of rows) byChild.get(__child as string)?.push(asRows('Region', [row])[0]!);
      return codes.map((code) => byChild.get(code) ?? []);
    }),
  };
}
