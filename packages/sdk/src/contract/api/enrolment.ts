import { z } from 'zod';
import { isValidBankgiro, isValidDanishBankAccount, isValidIban, normalizeBankgiro, normalizeDanishBankAccount, normalizeIban } from '../../identifiers/index.js';
import { AddressSchema, CompanySchema, CountrySchema, LanguageSchema } from '../party.js';
import { CreditorStatusSchema, EmailSchema, NewPasswordSchema } from './account.js';

/**
 * Enrolment of a member creditor: the company, where to pay it, and its consents. The server
 * creates the creditor pending signature and an agreement PDF; the enrolling person signs it with a
 * typed name and the document's SHA-256, then chooses a password (issue 3 §5).
 */

/** Accounting systems we can fetch overdue invoices from, or "other". */
export const AccountingSystemSchema = z.enum(['e-conomic', 'dinero', 'billy', 'visma-net', 'fortnox', 'other']);
export type AccountingSystem = z.infer<typeof AccountingSystemSchema>;

/** Where payouts go. Checked with the SDK's identifiers and stored in normalised form. */
export const PayoutAccountSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('iban'),
    iban: z
      .string()
      .max(50)
      .refine(isValidIban, { message: 'not a valid IBAN (check the digits)' })
      .transform((value) => normalizeIban(value)!),
  }),
  z
    .object({
      kind: z.literal('dk_account'),
      registrationNumber: z.string().max(10),
      accountNumber: z.string().max(20),
    })
    .superRefine((value, ctx) => {
      if (!isValidDanishBankAccount(value.registrationNumber, value.accountNumber)) {
        ctx.addIssue({ code: 'custom', path: ['accountNumber'], message: 'expected a 4-digit reg. no. and an account number of up to 10 digits' });
      }
    })
    .transform((value) => ({ kind: value.kind, ...normalizeDanishBankAccount(value.registrationNumber, value.accountNumber)! })),
  z.object({
    kind: z.literal('se_bankgiro'),
    bankgiro: z
      .string()
      .max(20)
      .refine(isValidBankgiro, { message: 'not a valid bankgiro number (7–8 digits, check digit)' })
      .transform((value) => normalizeBankgiro(value)!),
  }),
]);
export type PayoutAccount = z.output<typeof PayoutAccountSchema>;

export const EnrolmentContactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** Becomes the member's login. */
  email: EmailSchema,
  phone: z
    .string()
    .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, { message: 'expected a phone number such as +45 12 34 56 78' })
    .optional(),
  language: LanguageSchema.optional(),
});

export const EnrolmentConsentsSchema = z.object({
  /** The association's and agency's terms: required. */
  terms: z.literal(true, { message: 'the terms must be accepted' }),
  /** Processing of debtors' personal data on the creditor's behalf: required. */
  dataProcessing: z.literal(true, { message: 'the data processing agreement must be accepted' }),
  marketing: z.boolean().optional(),
});

export const EnrolmentRequestSchema = z
  .object({
    company: CompanySchema,
    address: AddressSchema,
    contact: EnrolmentContactSchema,
    payoutAccount: PayoutAccountSchema,
    accountingSystem: AccountingSystemSchema,
    membershipNumber: z.string().trim().min(1).max(40).optional(),
    consents: EnrolmentConsentsSchema,
  })
  .superRefine((value, ctx) => {
    // A member creditor is a company registered in one of the law-pack countries.
    if (!CountrySchema.safeParse(value.company.country).success) {
      ctx.addIssue({ code: 'custom', path: ['company', 'country'], message: 'expected DK, SE, NO or FI' });
    }
  });
export type EnrolmentRequest = z.input<typeof EnrolmentRequestSchema>;

export const AgreementSummarySchema = z.object({
  pricingPlanId: z.string(),
  /** SHA-256 of the PDF, lower-case hex: the signature must quote it. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Path of the PDF, relative to the API base. */
  url: z.string(),
  signedAt: z.iso.datetime().nullable(),
  signedName: z.string().nullable(),
});

export const EnrolmentSchema = z.object({
  id: z.uuid(),
  status: CreditorStatusSchema,
  company: z.object({ name: z.string(), country: z.string(), nationalId: z.string() }),
  agreement: AgreementSummarySchema,
});
export type Enrolment = z.infer<typeof EnrolmentSchema>;

/**
 * The creation response adds the enrolment token: until a password is chosen it is the only key to
 * this enrolment. Send it as `X-Collectkit-Enrolment-Token` to read the agreement, sign and set the
 * password. Shown once.
 */
export const CreatedEnrolmentSchema = EnrolmentSchema.extend({ enrolmentToken: z.string() });
export type CreatedEnrolment = z.infer<typeof CreatedEnrolmentSchema>;

export const SignatureRequestSchema = z.object({
  /** The signer's name as typed. */
  name: z.string().trim().min(2).max(200),
  consent: z.literal(true, { message: 'consent to sign is required' }),
  /** The SHA-256 of the agreement the signer saw: must match the stored document. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'expected the SHA-256 of the agreement as 64 lower-case hex digits' }),
});
export type SignatureRequest = z.infer<typeof SignatureRequestSchema>;

export const EnrolmentPasswordRequestSchema = z.object({ password: NewPasswordSchema });

export const EnrolmentIdParamsSchema = z.object({ id: z.uuid() });
