import { z } from 'zod';
import { isValidNationalCompanyId } from '../identifiers/company-ids.js';
import type { CountryCode } from '../law/types.js';
import { isLawCountry } from '../law/jurisdiction.js';


/**
 * Creditors and debtors on the wire. Countries are ISO 3166-1 alpha-2; the four with a law pack
 * (DK, SE, NO, FI) are `Country`, any other is an `IsoCountry` (a debtor abroad is priced by region
 * but has no statutory fees computed for it).
 */

/** The jurisdictions with a law pack. */
export const CountrySchema = z.enum(['DK', 'SE', 'NO', 'FI']);
export type Country = z.infer<typeof CountrySchema>;

/** Any ISO 3166-1 alpha-2 code, upper case (format only: the list of codes changes). */
export const IsoCountrySchema = z.string().regex(/^[A-Z]{2}$/, { message: 'expected an ISO 3166-1 alpha-2 country code such as "DK"' });

export const DebtorTypeSchema = z.enum(['business', 'consumer']);

/** Languages the letters and widgets speak (elements/src/i18n). */
export const LanguageSchema = z.enum(['da', 'sv', 'nb', 'fi', 'en']);
export type Language = z.infer<typeof LanguageSchema>;


const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);

export const AddressSchema = z.object({
  /** Street, building, c/o: one to four lines as printed on a letter. */
  lines: z.array(text(100)).min(1).max(4),
  postalCode: text(12),
  city: text(60),
  country: IsoCountrySchema,
});
export type Address = z.infer<typeof AddressSchema>;

const CompanyFields = {
  name: text(200),
  /** Where the company is registered. */
  country: IsoCountrySchema,
};

/**
 * The register number is checked by the rules of its country (RULES.md §8) where we know them
 * (DK CVR, SE organisationsnummer, NO organisasjonsnummer, FI Y-tunnus); elsewhere any text is kept.
 */
function checkNationalId(value: { country: string; nationalId?: string | undefined }, ctx: z.RefinementCtx): void {
  if (value.nationalId === undefined || !isLawCountry(value.country)) return;
  if (!isValidNationalCompanyId(value.country, value.nationalId)) {
    ctx.addIssue({
      code: 'custom',
      path: ['nationalId'],
      message: `not a valid ${NATIONAL_ID_NAME[value.country]} (check the digits)`,
    });
  }
}

const NATIONAL_ID_NAME: Record<CountryCode, string> = {
  DK: 'Danish CVR number',
  SE: 'Swedish organisationsnummer',
  NO: 'Norwegian organisasjonsnummer',
  FI: 'Finnish business ID (Y-tunnus)',
};

export const CompanySchema = z
  .object({ ...CompanyFields, nationalId: text(30) })
  .superRefine(checkNationalId);
export type Company = z.infer<typeof CompanySchema>;

const contactFields = {
  address: AddressSchema,
  email: z.email().optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, { message: 'expected a phone number such as +45 12 34 56 78' })
    .optional(),
  language: LanguageSchema.optional(),
};

/** A company that owes: the register number is optional (often unknown), but checked when given. */
export const BusinessDebtorSchema = z
  .object({ type: z.literal('business'), ...CompanyFields, nationalId: text(30).optional(), ...contactFields })
  .superRefine(checkNationalId);

/** A private person. The personal id (CPR, personnummer, …) is optional and only stored, never shown. */
export const ConsumerDebtorSchema = z.object({
  type: z.literal('consumer'),
  name: text(200),
  personalId: text(20).optional(),
  ...contactFields,
});

export const DebtorSchema = z.discriminatedUnion('type', [BusinessDebtorSchema, ConsumerDebtorSchema]);
export type Debtor = z.infer<typeof DebtorSchema>;
export type BusinessDebtor = z.infer<typeof BusinessDebtorSchema>;
export type ConsumerDebtor = z.infer<typeof ConsumerDebtorSchema>;

