import type { FastifyRequest } from 'fastify';

/** What the limits need to know about one GraphQL request, carried in the GraphQL context. */
export interface RequestLimits {
  /** Whose budget the request spends: the viewer's id, or `ip:<address>` for anonymous callers. */
  callerKey: string;
  /** Whether introspection and "did you mean" suggestions are allowed to this caller. */
  mayInspectSchema: boolean;
  /** Aborted when the execution timeout fires or the client goes away. */
  signal: AbortSignal;
}

/** The part of issue 6's `Viewer` the limits read; anything else on it is ignored. */
interface ViewerShape {
  kind: string;
  id: string;
  roles: readonly string[];
}

/**
 * The limits of `request`: keyed on `request.viewer.id` when authentication set a viewer that is
 * not anonymous, else on the client IP; schema details allowed outside production, or to a
 * viewer holding one of `inspectingRoles`.
 */
export function requestLimits(
  request: FastifyRequest,
  settings: { production: boolean; inspectingRoles: readonly string[] },
): RequestLimits {
  const viewer = (request as FastifyRequest & { viewer?: ViewerShape | null }).viewer ?? null;
  const known = viewer !== null && viewer.kind !== 'anonymous';
  return {
    callerKey: known ? viewer.id : `ip:${request.ip}`,
    mayInspectSchema:
      !settings.production || (viewer?.roles ?? []).some((role) => settings.inspectingRoles.includes(role)),
    signal: request.signal,
  };
}
