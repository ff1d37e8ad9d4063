/** The 31 characters of GB 32100-2015, in value order (I, O, S, V and Z are not used). */
export const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights of the first 17 characters in the GB 32100-2015 check character. */
export const creditCodeWeights: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const alphabet = creditCodeAlphabet;
const weights = creditCodeWeights;

/**
 * Returns why a unified social credit code (統一社會信用代碼, GB 32100-2015) is invalid, or
 * undefined when it is valid: 18 characters of 0-9A-HJ-NPQRTUWXY whose last is the check
 * character 31 − (Σ value × weight mod 31) over the first 17, with 31 written 0.
 */
export function creditCodeProblem(code: string): string | undefined {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) {
    return `"${code}" is not 18 characters of digits and capital letters other than I, O, S, V and Z.`;
  }
  const sum = weights.reduce((total, weight, i) => total + alphabet.indexOf(code[i]!) * weight, 0);
  const expected = alphabet[(31 - (sum % 31)) % 31]!;
  return code[17] === expected ? undefined : `The check character of "${code}" should be ${expected}, not ${code[17]}.`;
}
