// The yardstick for bench/read-api.ts: one hand-written json_agg statement behind a bare
// node:http handler, answering the same nested query the gateway answers. No GraphQL, no
// validation, no loaders: the fastest this machine serves that data.
import http from 'node:http';
import pg from 'pg';

/** The nested query of bench/read-api.ts as one statement returning the response body. */
export const nestedLoansSql = `
SELECT json_build_object('data', json_build_object('enterpriseLoans', json_build_object('nodes',
  COALESCE(json_agg(page ORDER BY page."contractNo"), '[]'::json))))::text AS body
FROM (
  SELECT l.id, l."contractNo", l."outstandingBalance", l.status,
    json_build_object('id', e.id, 'name', e.name, 'size', e.size) AS enterprise,
    json_build_object('nodes', COALESCE((
      SELECT json_agg(json_build_object('id', s.id, 'seq', s.seq, 'dueDate', s."dueDate",
        'principalDue', s."principalDue", 'interestDue', s."interestDue", 'status', s.status) ORDER BY s.id)
      FROM (SELECT * FROM "RepaymentScheduleItem" s WHERE s."loanId" = l.id ORDER BY s.id LIMIT 12) s
    ), '[]'::json)) AS "scheduleItems"
  FROM "EnterpriseLoan" l JOIN "Enterprise" e ON e.id = l."enterpriseId"
  ORDER BY l."contractNo" LIMIT 10
) page`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  });
  const server = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      pool.query(nestedLoansSql).then(
        (result) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(result.rows[0].body);
        },
        (error: Error) => {
          response.writeHead(500);
          response.end(error.message);
        },
      );
    });
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('json_agg server ready'));
  process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
}
