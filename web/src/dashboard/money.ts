// Money on the dashboard: amounts arrive in 元 as exact decimal strings; people at a bank read
// them in 万元 or 亿元, so every chart axis, label and tile divides by the chosen unit.
import type { Language } from './i18n.js';

/** The units an amount can be shown in. */
export type MoneyUnit = 'yuan' | 'wan' | 'yi';

/** Every unit, smallest first. */
export const moneyUnits: readonly MoneyUnit[] = ['yuan', 'wan', 'yi'];

const divisors: Record<MoneyUnit, number> = { yuan: 1, wan: 10_000, yi: 100_000_000 };
const labels: Record<MoneyUnit, Record<Language, string>> = {
  yuan: { zh: '元', en: 'CNY' },
  wan: { zh: '万元', en: '10k CNY' },
  yi: { zh: '亿元', en: '100m CNY' },
};

/** The unit's name, for an axis or a select. */
export function moneyUnitLabel(unit: MoneyUnit, language: Language): string {
  return labels[unit][language];
}

/** An amount in 元 (a decimal string or a number) in `unit`, rounded to two decimals for drawing. */
export function inUnit(amount: string | number | null, unit: MoneyUnit): number | null {
  if (amount === null) return null;
  return Math.round((Number(amount) / divisors[unit]) * 100) / 100;
}

/** An amount in `unit` as text with grouping, e.g. "1,234.56 万元". */
export function formatMoney(amount: string | number | null, unit: MoneyUnit, language: Language): string {
  const value = inUnit(amount, unit);
  if (value === null) return '–';
  const digits = unit === 'yuan' ? 0 : 2;
  const text = value.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${text} ${moneyUnitLabel(unit, language)}`;
}

/** The unit the page starts in: the stored choice, else 万元. */
export function initialMoneyUnit(stored: string | null): MoneyUnit {
  return moneyUnits.includes(stored as MoneyUnit) ? (stored as MoneyUnit) : 'wan';
}
