/**
 * Deterministic pseudo-random values as SQL expressions, so PostgreSQL and PGlite generate the
 * synthetic rows themselves. Each value is `hashint8extended(key, seed-and-stream)`: the same
 * (seed, key, stream) gives the same number on every run, and different streams of one key are
 * independent. Built-in on PostgreSQL 11+ and on PGlite, so no function has to be created.
 */
export class SqlRandom {
  /** @throws RangeError when `seed` is not an integer in 0..2^31-1. */
  constructor(readonly seed: number) {
    if (!Number.isSafeInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
      throw new RangeError(`seed must be an integer from 0 to ${2 ** 31 - 1}, got ${seed}`);
    }
  }

  /** SQL for a float8 uniform in [0, 1) drawn from `key` (any integer SQL expression). */
  uniform(key: string, stream: number): string {
    // The low 53 bits fill a double's mantissa exactly, so the division rounds nothing.
    const hashSeed = BigInt(this.seed) * 1000n + BigInt(stream);
    return `((hashint8extended((${key})::int8, ${hashSeed}) & 9007199254740991)::float8 / 9007199254740992.0)`;
  }

  /** SQL for an integer in [0, n) (n itself may be an SQL expression). */
  below(key: string, stream: number, n: number | string): string {
    return `floor(${this.uniform(key, stream)} * (${n}))::int`;
  }
}

/**
 * SQL CASE picking one of `choices` by their weights from a uniform value `u` (an SQL
 * expression, typically a column already holding a uniform), cast to `type` when given.
 */
export function weighted(
  u: string,
  choices: readonly (readonly [value: string | number, weight: number])[],
  type?: string,
): string {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const arms = choices.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${u} < ${cumulative / total} THEN ${literal(value)}`;
  });
  const last = literal(choices[choices.length - 1]![0]);
  const cast = type ? `::"${type}"` : '';
  return `(CASE ${arms.join(' ')} ELSE ${last} END)${cast}`;
}

/** An SQL literal for a string (quotes doubled) or a number. */
export function literal(value: string | number): string {
  return typeof value === 'number' ? String(value) : `'${value.replaceAll("'", "''")}'`;
}

/** SQL text[] literal of `values`, for picking by index (`(array)[1 + i]`). */
export function textArray(values: readonly string[]): string {
  return `(ARRAY[${values.map(literal).join(',')}]::text[])`;
}
