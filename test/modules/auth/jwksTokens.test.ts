import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createTokenVerifier } from '../../../src/modules/auth/tokenVerifier.js';
import { loadConfig } from '../../../src/config.js';

interface SigningKey {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: CryptoKey;
}

function sign(key: SigningKey, claims: Record<string, unknown> = { roles: ['ADMIN'] }, audience = 'dishui') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setSubject('idp-user')
    .setIssuer('https://idp.example')
    .setAudience(audience)
    .setExpirationTime('10m')
    .sign(key.privateKey);
}

const settings = { issuer: 'https://idp.example', audience: 'dishui', clockSkewSeconds: 30 };

// Signature checks need no database: the verifier alone is tested; the org unit lookup is covered
// with the server in test/plugins/authentication.test.ts.
describe('RS256 and ES256 tokens are verified against a JWKS file or URL', () => {
  const keys: SigningKey[] = [];
  let stranger: SigningKey;
  let directory: string;
  let jwksFile: string;
  let server: http.Server;
  let jwksUrl: string;
  before(async () => {
    const jwks = { keys: [] as object[] };
    for (const [alg, kid] of [
      ['RS256', 'rsa-1'],
      ['ES256', 'ec-1'],
    ] as const) {
      const pair = await generateKeyPair(alg);
      keys.push({ alg, kid, privateKey: pair.privateKey });
      jwks.keys.push({ ...(await exportJWK(pair.publicKey)), kid, alg, use: 'sig' });
    }
    stranger = { alg: 'RS256', kid: 'rsa-1', privateKey: (await generateKeyPair('RS256')).privateKey };
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dishui-jwks-'));
    jwksFile = path.join(directory, 'jwks.json');
    fs.writeFileSync(jwksFile, JSON.stringify(jwks));
    server = http.createServer((_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(jwks)),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  after(() => {
    server?.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });

  for (const source of ['file', 'url'] as const) {
    test(`from a JWKS ${source}: RS256 and ES256 tokens pass; a foreign key, another audience and HS256 do not`, async () => {
      const verify = createTokenVerifier({ ...settings, jwks: source === 'file' ? jwksFile : jwksUrl });
      for (const key of keys) {
        assert.deepEqual(await verify(await sign(key)), { sub: 'idp-user', roles: ['ADMIN'], orgUnit: null }, key.alg);
      }
      await assert.rejects(verify(await sign(stranger)), { code: 'UNAUTHENTICATED', message: /signature/ });
      await assert.rejects(verify(await sign(keys[1]!, { roles: ['ADMIN'] }, 'another-api')), {
        code: 'UNAUTHENTICATED',
        message: /"aud"/,
      });
      const hs = await new SignJWT({ roles: ['ADMIN'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('x')
        .setIssuer(settings.issuer)
        .setAudience('dishui')
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('x'.repeat(40)));
      await assert.rejects(verify(hs), { code: 'UNAUTHENTICATED', message: /algorithm is not accepted/ });
    });
  }

  test('with both a secret and a JWKS, each algorithm is checked against its own key', async () => {
    const secret = 's'.repeat(40);
    const verify = createTokenVerifier({ ...settings, jwks: jwksFile, secret });
    const hs = await new SignJWT({ roles: ['VIEWER'], org_unit: 'BR' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('y')
      .setIssuer(settings.issuer)
      .setAudience('dishui')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(secret));
    assert.deepEqual(await verify(hs), { sub: 'y', roles: ['VIEWER'], orgUnit: 'BR' });
    assert.equal((await verify(await sign(keys[0]!))).sub, 'idp-user');
  });

  test('the configuration refuses a JWKS that is not a URL or a readable key set, and a short secret', () => {
    assert.throws(() => loadConfig({ DISHUI_JWKS: path.join(directory, 'missing.json') }), /DISHUI_JWKS/);
    assert.throws(() => loadConfig({ DISHUI_JWT_SECRET: 'short' }), /DISHUI_JWT_SECRET: must be at least 32/);
    assert.equal(loadConfig({ DISHUI_JWKS: jwksFile }).DISHUI_JWKS, jwksFile);
  });
});
