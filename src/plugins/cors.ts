import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/**
 * Registers @fastify/cors with an allowlist: browsers on these origins may call the API; an empty
 * list sends no CORS headers at all, so only same-origin pages and non-browser clients can.
 */
export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  await app.register(cors, {
    origin: origins.length > 0 ? [...origins] : false,
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'x-api-key',
      'x-request-id',
      'apollo-require-preflight',
      'x-apollo-operation-name',
    ],
    exposedHeaders: ['x-request-id', 'x-query-cost', 'retry-after'],
    maxAge: 600,
  });
}
