import type { Prisma } from '../../generated/prisma/client.js';

/** The Prisma client bound to one mutation's transaction. */
export type Tx = Prisma.TransactionClient;
