import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../calendar/index.js';
import { SUPPORTED_CURRENCIES, isDecimalString, type Money } from '../money/index.js';

/**
 * The wire shapes of money, dates and rates. `Money` and `IsoDate` are declared once in money/ and
 * calendar/; the schemas here validate exactly those shapes (checked at compile time below), so the
 * contract does not export a second type of the same name.
 */

export const CurrencySchema = z.enum(SUPPORTED_CURRENCIES);
export type Currency = z.infer<typeof CurrencySchema>;

/** Integer minor units (øre, öre, cent), never negative: `{ "amount": 125000, "currency": "DKK" }`. */
export const MoneySchema = z.object({
  amount: z.int().min(0, { message: 'must not be negative' }),
  currency: CurrencySchema,
});

/** Money that may be negative: balances, corrections, discount lines. */
export const SignedMoneySchema = z.object({
  amount: z.int(),
  currency: CurrencySchema,
});
export type SignedMoney = z.infer<typeof SignedMoneySchema>;

/** A calendar date `YYYY-MM-DD`; `2025-02-29` and `2025-2-1` are rejected (same rule as calendar/). */
export const IsoDateSchema = z
  .iso.date({ message: 'expected a calendar date as YYYY-MM-DD', abort: true })
  .refine(isIsoDate, { message: 'expected a calendar date as YYYY-MM-DD from 1900 on', abort: true });

/** An exact decimal written as a string, e.g. "10.5" (never a binary float). */
export const DecimalStringSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, { message: 'expected a decimal string such as "10.5"' })
  .refine(isDecimalString, { message: 'expected a decimal string such as "10.5"' });

/** A percentage as a non-negative decimal string, "0" to "100". */
export const PercentSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, { message: 'expected a percentage between "0" and "100" as a decimal string' })
  .refine((value) => isDecimalString(value) && !value.startsWith('-') && Number(value) <= 100, {
    message: 'expected a percentage between "0" and "100" as a decimal string',
  });

// The schemas must describe the same shapes as the hand-written domain types.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const moneyShapeMatches: Same<Readonly<z.infer<typeof MoneySchema>>, Money> = true;
const dateShapeMatches: Same<z.infer<typeof IsoDateSchema>, IsoDate> = true;
void moneyShapeMatches;
void dateShapeMatches;
