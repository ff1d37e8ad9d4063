import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Answers 403 when a request was refused as a whole: every error is FORBIDDEN and no root field
 * got data. A partly refused answer (a hidden field nulled) keeps 200, since the rest is valid.
 */
export function forbiddenStatus<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          if (!errors || errors.length === 0 || !errors.every((error) => error.extensions?.code === 'FORBIDDEN')) return;
          const answered = data ? Object.values(data).some((value) => value !== null) : false;
          if (!answered) response.http.status = 403;
        },
      };
    },
  };
}
