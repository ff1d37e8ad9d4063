import { type Checks, creditCodeProblem } from '../writes/index.js';

/** The fields of an enterprise a form or an import row states. */
export interface EnterpriseFieldsInput {
  name?: string | null;
  nameZh?: string | null;
  anonymised?: boolean | null;
  creditCode?: string | null;
  industrySection?: string | null;
  industryCode?: string | null;
  note?: string | null;
}

// GB/T 4754-2017: the section letter of each 2-digit division range.
const sections: Array<[number, number, string]> = [
  [1, 5, 'A'],
  [6, 12, 'B'],
  [13, 43, 'C'],
  [44, 46, 'D'],
  [47, 50, 'E'],
  [51, 52, 'F'],
  [53, 60, 'G'],
  [61, 62, 'H'],
  [63, 65, 'I'],
  [66, 69, 'J'],
  [70, 70, 'K'],
  [71, 72, 'L'],
  [73, 75, 'M'],
  [76, 79, 'N'],
  [80, 82, 'O'],
  [83, 83, 'P'],
  [84, 85, 'Q'],
  [86, 90, 'R'],
  [91, 96, 'S'],
  [97, 97, 'T'],
];

/** Returns the GB/T 4754 section letter of a 2-digit division, or undefined when there is none. */
export function industrySectionOf(division: number): string | undefined {
  return sections.find(([from, to]) => division >= from && division <= to)?.[2];
}

/**
 * Checks an enterprise (the merged values on update): a name, a credit code that passes GB
 * 32100, a section letter A–T, a 2–4 digit GB/T 4754 code within that section. Records breaches
 * on `checks` under `prefix`.
 */
export function validateEnterprise(
  checks: Checks,
  enterprise: EnterpriseFieldsInput,
  prefix: Array<string | number> = [],
): void {
  const at = (field: string) => [...prefix, field];
  checks.require(
    Boolean(enterprise.name?.trim()),
    at('name'),
    'REQUIRED',
    'An enterprise name is required (a stand-in when the source keeps it anonymous).',
  );
  if (enterprise.creditCode) {
    const problem = creditCodeProblem(enterprise.creditCode);
    checks.require(
      problem === undefined,
      at('creditCode'),
      'INVALID_CREDIT_CODE',
      `${problem} (統一社會信用代碼, GB 32100)`,
    );
  }
  const section = enterprise.industrySection;
  if (section)
    checks.require(
      /^[A-T]$/.test(section),
      at('industrySection'),
      'INVALID_FORMAT',
      `A GB/T 4754 section is one letter A to T; got "${section}".`,
    );
  const code = enterprise.industryCode;
  if (
    code &&
    checks.require(
      /^\d{2,4}$/.test(code),
      at('industryCode'),
      'INVALID_FORMAT',
      `A GB/T 4754 code has 2 to 4 digits; got "${code}".`,
    )
  ) {
    const expected = industrySectionOf(Number(code.slice(0, 2)));
    checks.require(
      expected !== undefined,
      at('industryCode'),
      'INVALID_FORMAT',
      `${code} is not a GB/T 4754 division.`,
    );
    if (expected && section && /^[A-T]$/.test(section)) {
      checks.require(
        expected === section,
        at('industryCode'),
        'INDUSTRY_CODE_MISMATCH',
        `Industry code ${code} belongs to section ${expected}, not ${section}.`,
      );
    }
  }
}
