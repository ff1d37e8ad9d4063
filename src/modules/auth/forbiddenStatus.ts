import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Answers 403 (401) when a request was refused as a whole: every error is FORBIDDEN
 * (UNAUTHENTICATED) and no root field got data. A partly refused answer (a hidden field nulled)
 * keeps 200, since the rest is valid.
 */
export function forbiddenStatus<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          const code = errors?.[0]?.extensions?.code;
          if (
            !errors ||
            !(code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') ||
            !errors.every((error) => error.extensions?.code === code)
          )
            return;
          const answered = data ? Object.values(data).some((value) => value !== null) : false;
          if (!answered) response.http.status = code === 'FORBIDDEN' ? 403 : 401;
        },
      };
    },
  };
}
