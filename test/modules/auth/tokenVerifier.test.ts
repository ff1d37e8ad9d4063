import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { createTokenVerifier, type TokenSettings } from '../../../src/modules/auth/tokenVerifier.js';
import { testJwtSecret } from '../../support/auth.js';

const settings: TokenSettings = { secret: testJwtSecret, issuer: 'dishui', audience: 'dishui', clockSkewSeconds: 30 };
const epoch = () => Math.floor(Date.now() / 1000);

/** An HS256 token of the test secret issued at `iat` and expiring at `exp` (epoch seconds). */
function token(iat: number | undefined, exp: number, secret = testJwtSecret): Promise<string> {
  const jwt = new SignJWT({ roles: ['ANALYST'], org_unit: 'BR-01' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('analyst')
    .setIssuer('dishui')
    .setAudience('dishui')
    .setExpirationTime(exp);
  if (iat !== undefined) jwt.setIssuedAt(iat);
  return jwt.sign(new TextEncoder().encode(secret));
}

const refusal = async (verify: (token: string) => Promise<unknown>, jwt: string) => {
  try {
    await verify(jwt);
  } catch (error) {
    return (error as Error).message;
  }
  return 'accepted';
};

describe('bearer token checks: iat, lifetime, and the cache of verified tokens', () => {
  test('an iat in the future is refused beyond the clock skew and accepted within it', async () => {
    const verify = createTokenVerifier(settings);
    assert.match(await refusal(verify, await token(epoch() + 120, epoch() + 3600)), /"iat" claim is in the future/);
    assert.equal(await refusal(verify, await token(epoch() + 20, epoch() + 3600)), 'accepted');
    assert.equal(await refusal(verify, await token(undefined, epoch() + 3600)), 'accepted');
  });

  test('with a maximum lifetime, exp − iat above it is refused and iat is required', async () => {
    const verify = createTokenVerifier({ ...settings, maxLifetimeSeconds: 3600 });
    assert.equal(await refusal(verify, await token(epoch(), epoch() + 3600)), 'accepted');
    assert.match(await refusal(verify, await token(epoch(), epoch() + 3601)), /lifetime .* over the 3600 s/);
    assert.match(await refusal(verify, await token(undefined, epoch() + 60)), /"iat" claim/);
  });

  test('a remembered token is refused once it expires, and answers the same claims while it lives', async () => {
    let now = Date.now();
    const verify = createTokenVerifier({ ...settings, now: () => now });
    const jwt = await token(epoch(), epoch() + 60);
    const first = await verify(jwt);
    assert.deepEqual(await verify(jwt), first);
    assert.deepEqual(first, { sub: 'analyst', roles: ['ANALYST'], orgUnit: 'BR-01' });
    now += 89_000; // exp + 29 s: within the skew
    assert.deepEqual(await verify(jwt), first);
    now += 2_000;
    assert.match(await refusal(verify, jwt), /expired/);
    assert.match(await refusal(verify, jwt), /expired/);
  });

  test('a token that fails is never remembered: a bad signature stays refused however often it comes', async () => {
    const verify = createTokenVerifier(settings);
    const forged = await token(epoch(), epoch() + 3600, 'another-secret-0123456789abcdef-0123456789');
    for (let i = 0; i < 3; i++) assert.match(await refusal(verify, forged), /signature/);
  });

  test('the cache is bounded: the least recently used token is dropped and verified again, still correct', async () => {
    let now = Date.now();
    const verify = createTokenVerifier({ ...settings, cacheSize: 2, now: () => now });
    const [a, b, c] = (await Promise.all([60, 61, 62].map((ttl) => token(epoch(), epoch() + ttl)))) as [
      string,
      string,
      string,
    ];
    for (const jwt of [a, b, a, c]) await verify(jwt);
    // b was dropped (a was used after it). All three expire; each, remembered or not, is refused.
    now += 120_000;
    for (const jwt of [a, b, c]) assert.match(await refusal(verify, jwt), /expired/);
  });
});
