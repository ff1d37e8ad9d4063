/**
 * What a read may touch, as the engine sees it: the caller's roles (which entity types it may read
 * at all) and the org unit whose subtree limits its rows (null = the whole bank). The engine only
 * compares role names, so any richer scope (src/modules/auth/accessScope.ts) fits this shape.
 */
export type AccessScope = Readonly<{ roles: readonly string[]; orgUnitId: number | null }>;
