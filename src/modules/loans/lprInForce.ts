import type { LprRate } from '../../generated/prisma/client.js';

/** The LPR of `tenor` in force on `date` (the latest fixing on or before it), or null. `rates` are newest first. */
export function lprInForce(rates: LprRate[], tenor: LprRate['tenor'], date: Date): LprRate | null {
  return rates.find((rate) => rate.tenor === tenor && rate.effectiveDate.getTime() <= date.getTime()) ?? null;
}
