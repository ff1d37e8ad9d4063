// The yardstick of bench/read-api.ts: a bare node:http handler sending one json_agg statement
// per root field (the statement the read compiler makes for the query, given to it in
// STATEMENTS as JSON) and wrapping the JSON text PostgreSQL returns in {"data":…}. No GraphQL,
// no validation, no authentication: the fastest this machine serves that data.
import http from 'node:http';
import pg from 'pg';

/** One root field's statement: its response key, SQL text and parameters. */
export interface YardstickStatement {
  key: string;
  text: string;
  values: unknown[];
}

const statements = JSON.parse(process.env.STATEMENTS ?? '{}') as Record<string, YardstickStatement[]>;
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
});
const server = http.createServer((request, response) => {
  const query = statements[(request.url ?? '/').slice(1)] ?? [];
  request.resume();
  request.on('end', () => {
    Promise.all(query.map((s) => pool.query(s.text, s.values))).then(
      (results) => {
        const parts = results.map((result, i) => `${JSON.stringify(query[i]!.key)}:${result.rows[0].v ?? 'null'}`);
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end(`{"data":{${parts.join(',')}}}`);
      },
      (error: Error) => {
        response.writeHead(500);
        response.end(error.message);
      },
    );
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log('yardstick ready'));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
