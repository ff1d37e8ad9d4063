import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '../../db/client.js';
import { AuthenticationError } from './authenticationError.js';
import { isRole, type Role, type Viewer } from './viewer.js';

/** A wrong argument to {@link createApiKey} or {@link revokeApiKey}; the message names it. */
export class ApiKeyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiKeyInputError';
  }
}

/** What a new key is for. */
export interface NewApiKey {
  label: string;
  roles: string[];
  /** An OrgUnit code; null = the whole bank, allowed only for ADMIN keys. */
  orgUnitCode: string | null;
  expiresAt?: Date | null;
}

/** An API key as listed: never the key itself, which is shown only once. */
export interface ApiKeyView {
  id: number;
  label: string;
  roles: Role[];
  orgUnitCode: string | null;
  prefix: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}

const keyPattern = /^dsh_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

function hashOf(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Creates a key and returns it with its row. The key ("dsh_<prefix>_<secret>", 256 random bits)
 * is returned only here; the database keeps its SHA-256 hash and the prefix to find it by.
 * @throws ApiKeyInputError for an empty label, unknown roles or org unit, a non-admin key without
 * an org unit, or an expiry in the past.
 */
export async function createApiKey(
  db: Database,
  input: NewApiKey,
  now = new Date(),
): Promise<{ key: string; apiKey: ApiKeyView }> {
  const label = input.label.trim();
  if (label === '' || label.length > 128) throw new ApiKeyInputError('--label must be 1 to 128 characters.');
  const roles = [...new Set(input.roles)];
  const unknown = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || unknown.length > 0) {
    throw new ApiKeyInputError(
      `--role takes VIEWER, ANALYST, LOAN_OFFICER, PROGRAMME_MANAGER or ADMIN${unknown.length ? `; got "${unknown.join('", "')}"` : ''}.`,
    );
  }
  let orgUnitId: number | null = null;
  if (input.orgUnitCode === null) {
    if (!roles.includes('ADMIN'))
      throw new ApiKeyInputError('a key without --org-unit covers the whole bank and must have the ADMIN role.');
  } else {
    const unit = await db.prisma.orgUnit.findUnique({ where: { code: input.orgUnitCode }, select: { id: true } });
    if (!unit) throw new ApiKeyInputError(`no org unit has the code "${input.orgUnitCode}".`);
    orgUnitId = unit.id;
  }
  if (input.expiresAt && input.expiresAt <= now) throw new ApiKeyInputError('--expires must be in the future.');
  const prefix = randomBytes(6).toString('hex');
  const key = `dsh_${prefix}_${randomBytes(32).toString('base64url')}`;
  const row = await db.prisma.apiKey.create({
    data: { label, roles, orgUnitId, prefix, keyHash: hashOf(key), expiresAt: input.expiresAt ?? null },
    include: { orgUnit: { select: { code: true } } },
  });
  return { key, apiKey: view(row) };
}

/** Every key, newest first, with its org unit code; revoked and expired ones included. */
export async function listApiKeys(db: Database): Promise<ApiKeyView[]> {
  const rows = await db.prisma.apiKey.findMany({
    orderBy: { id: 'desc' },
    include: { orgUnit: { select: { code: true } } },
  });
  return rows.map(view);
}

/**
 * Revokes key `id` from now on (a second revoke keeps the first time) and returns it.
 * @throws ApiKeyInputError when no key has that id.
 */
export async function revokeApiKey(db: Database, id: number, now = new Date()): Promise<ApiKeyView> {
  await db.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  const row = await db.prisma.apiKey.findUnique({ where: { id }, include: { orgUnit: { select: { code: true } } } });
  if (!row) throw new ApiKeyInputError(`no API key has the id ${id}; "dishui apikey list" shows them.`);
  return view(row);
}

/** Options of {@link createApiKeyAuthenticator}. */
export interface ApiKeyAuthenticatorOptions {
  /** Least time between two recordings of a key's last use; default one minute. */
  lastUseIntervalMs?: number;
  now?: () => Date;
}

/**
 * Returns a function resolving a presented key to its viewer ('apikey:<id>'), recording its last
 * use at most once per interval so a busy dashboard does not write on every request.
 * @throws AuthenticationError for an unknown, revoked or expired key.
 */
export function createApiKeyAuthenticator(
  db: Database,
  options: ApiKeyAuthenticatorOptions = {},
): (key: string) => Promise<Viewer> {
  const interval = options.lastUseIntervalMs ?? 60_000;
  const now = options.now ?? (() => new Date());
  return async (key) => {
    const match = keyPattern.exec(key);
    const row = match ? await db.prisma.apiKey.findUnique({ where: { prefix: match[1]! } }) : null;
    // Compare hashes in constant time so response times do not leak how much of a key was right.
    if (!row || !timingSafeEqual(Buffer.from(row.keyHash, 'hex'), Buffer.from(hashOf(key), 'hex'))) {
      throw new AuthenticationError('the API key is not known.');
    }
    const at = now();
    if (row.revokedAt && row.revokedAt <= at) throw new AuthenticationError('the API key has been revoked.');
    if (row.expiresAt && row.expiresAt <= at) throw new AuthenticationError('the API key has expired.');
    if (!row.lastUsedAt || at.getTime() - row.lastUsedAt.getTime() >= interval) {
      await db.prisma.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: at } });
    }
    const roles = row.roles.filter(isRole);
    // A caller always holds a role: rules naming every role are not checked (guardResolvers.ts).
    if (roles.length === 0) throw new AuthenticationError('the API key grants no role this server knows.');
    return Object.freeze({
      kind: 'apiKey',
      id: `apikey:${row.id}`,
      roles: Object.freeze(roles),
      orgUnitId: row.orgUnitId,
    });
  };
}

function view(row: {
  id: number;
  label: string;
  roles: string[];
  orgUnit: { code: string } | null;
  prefix: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  createdAt: Date;
}): ApiKeyView {
  return {
    id: row.id,
    label: row.label,
    roles: row.roles.filter(isRole),
    orgUnitCode: row.orgUnit?.code ?? null,
    prefix: row.prefix,
    expiresAt: row.expiresAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
    createdAt: row.createdAt,
  };
}
