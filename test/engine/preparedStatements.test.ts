import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PREPARED_PER_CONNECTION } from '../../src/db/client.js';
import { forEachBackend } from '../support/forEachBackend.js';

forEachBackend(
  'compiled reads run as named prepared statements, at most a bounded number per connection',
  async () => ({}),
  (fx, backend) => {
    test('each connection keeps at most PREPARED_PER_CONNECTION of them, and a name keeps answering', async () => {
      const { prepared } = fx.db.sql;
      if (backend === 'pglite') {
        assert.equal(prepared, undefined, 'PGlite runs compiled reads with its plain query API');
        return;
      }
      assert.ok(prepared);
      const text = 'SELECT CAST(count(*) AS int) AS "n" FROM pg_prepared_statements';
      let most = 0;
      for (let i = 0; i < PREPARED_PER_CONNECTION * 2 + 10; i += 1) {
        // Sequential: each call may land on any connection of the pool; each counts its own session's.
        const rows = await prepared<{ n: number }>(`bound_test_${i}`, text);
        most = Math.max(most, rows[0]!.n);
      }
      assert.ok(most <= PREPARED_PER_CONNECTION, `a connection kept ${most} prepared statements`);
      assert.ok(most > 1, 'the statements were prepared');
      // A name prepared before a DEALLOCATE ALL is prepared again where it is used next.
      const again = await prepared<{ n: number }>('bound_test_0', text);
      assert.equal(typeof again[0]!.n, 'number');
      const withValue = await prepared<{ v: string }>('bound_test_value', 'SELECT CAST($1 AS text) AS "v"', ['x']);
      assert.deepEqual(withValue, [{ v: 'x' }]);
    });
  },
);
