// Bearer token verification: verifications per second of one token repeated (a client's usual
// traffic), with the cache of verified tokens and without it, for HS256 and ES256. Prints the rate
// and the microseconds per verification of each, and the speed-up.
//
//   node --import tsx bench/tokens.ts [--count 20000]
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createTokenVerifier, type TokenSettings } from '../src/modules/auth/tokenVerifier.js';

const { values } = parseArgs({ options: { count: { type: 'string', default: '20000' } } });
const count = Number(values.count);
const secret = 'bench-secret-0123456789abcdef-0123456789abcdef';
const base = { issuer: 'dishui', audience: 'dishui', clockSkewSeconds: 30 };

const claims = () =>
  new SignJWT({ roles: ['ANALYST'], org_unit: 'BR-01' })
    .setSubject('bench')
    .setIssuer('dishui')
    .setAudience('dishui')
    .setIssuedAt()
    .setExpirationTime('1h');

const { privateKey, publicKey } = await generateKeyPair('ES256');
const jwk = { ...(await exportJWK(publicKey)), kid: 'bench', alg: 'ES256', use: 'sig' };
const jwksFile = `${process.env.TMPDIR ?? '/tmp'}/dishui-bench-jwks-${process.pid}.json`;
fs.writeFileSync(jwksFile, JSON.stringify({ keys: [jwk] }));

const cases: [string, Omit<TokenSettings, 'cacheSize'>, string][] = [
  [
    'HS256',
    { ...base, secret },
    await claims().setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret)),
  ],
  [
    'ES256',
    { ...base, jwks: jwksFile },
    await claims().setProtectedHeader({ alg: 'ES256', kid: 'bench' }).sign(privateKey),
  ],
];

async function rate(settings: TokenSettings, token: string): Promise<number> {
  const verify = createTokenVerifier(settings);
  for (let i = 0; i < 200; i++) await verify(token);
  const started = performance.now();
  for (let i = 0; i < count; i++) await verify(token);
  return count / ((performance.now() - started) / 1000);
}

console.log(`${count} verifications of one token each`);
for (const [name, settings, token] of cases) {
  const uncached = await rate({ ...settings, cacheSize: 0 }, token);
  const cached = await rate(settings, token);
  const line = (label: string, perSecond: number) =>
    `${name} ${label}: ${Math.round(perSecond).toLocaleString('en')} /s, ${(1e6 / perSecond).toFixed(1)} µs each`;
  console.log(line('without cache', uncached));
  console.log(line('with cache   ', cached));
  console.log(`${name} speed-up: ×${(cached / uncached).toFixed(1)}`);
}
fs.rmSync(jwksFile, { force: true });
