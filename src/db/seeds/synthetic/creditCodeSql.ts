import {
  creditCodeAlphabet as alphabet,
  creditCodeWeights as creditWeights,
} from '../../../modules/writes/creditCode.js';

/**
 * SQL for unified social credit codes (統一社會信用代碼, GB 32100-2015) built inside the
 * database: 1 registration-authority char, 1 type char, the 6-digit division code, a 9-char
 * organisation code (GB 11714: 8 body chars and their own check char), and the check char.
 */

const organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * SQL for the GB 11714 check char of an 8-digit organisation code body (a text SQL expression
 * of digits only): 11 - (weighted sum mod 11), where 10 is written X and 11 is written 0.
 */
export function organisationCheckSql(body: string): string {
  const sum = organisationWeights.map((weight, i) => `substr(${body}, ${i + 1}, 1)::int * ${weight}`).join(' + ');
  return `substr('0123456789X0', 11 - ((${sum}) % 11) + 1, 1)`;
}

/**
 * SQL for the GB 32100 check char of the first 17 chars (a text SQL expression): each char is
 * its index in 0-9A-HJ-NPQRTUWXY, weighted, and the check is 31 - (sum mod 31), 31 written 0.
 */
export function creditCheckSql(first17: string): string {
  const sum = creditWeights
    .map((weight, i) => `(strpos('${alphabet}', substr(${first17}, ${i + 1}, 1)) - 1) * ${weight}`)
    .join(' + ');
  return `substr('${alphabet}', (31 - ((${sum}) % 31)) % 31 + 1, 1)`;
}
