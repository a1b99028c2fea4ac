import { z } from 'zod';
import { isValidBankgiro, isValidIban } from '@collectkit/sdk';

/**
 * The collection agency as the sender of letters and e-mails, with the accounts debtors pay into.
 * Configured with COLLECTKIT_AGENCY_PROFILE (JSON of this schema); without it the demo profile
 * below is used, whose accounts are documentation examples, not real ones.
 */
export const AgencyProfileSchema = z.object({
  name: z.string().trim().min(1).max(200),
  address: z.object({
    lines: z.array(z.string().trim().min(1).max(100)).min(1).max(4),
    postalCode: z.string().trim().min(1).max(12),
    city: z.string().trim().min(1).max(60),
    country: z.string().regex(/^[A-Z]{2}$/),
  }),
  email: z.email(),
  phone: z.string().max(30).optional(),
  /** Company registration number, printed in the letter's footer. */
  companyId: z.string().max(30).optional(),
  bank: z.object({
    iban: z.string().refine(isValidIban, { message: 'not a valid IBAN' }),
    bic: z.string().regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, { message: 'expected a BIC such as DABADKKK' }),
    /** DK: the account behind FIK +71 and its 8-digit FI creditor number (kreditornummer). */
    dk: z.object({ registrationNumber: z.string().regex(/^\d{4}$/), accountNumber: z.string().regex(/^\d{1,10}$/), fikCreditorNumber: z.string().regex(/^\d{8}$/) }).optional(),
    /** SE: Bankgiro number taking OCR references. */
    se: z.object({ bankgiro: z.string().refine(isValidBankgiro, { message: 'not a valid Bankgiro number' }) }).optional(),
    /** NO: 11-digit account number taking KID. */
    no: z.object({ accountNumber: z.string().regex(/^\d{11}$/) }).optional(),
    /** FI: an account in Finland for viitenumero payments; default the main IBAN. */
    fi: z.object({ iban: z.string().refine(isValidIban, { message: 'not a valid IBAN' }), bic: z.string() }).optional(),
  }),
});
export type AgencyProfile = z.infer<typeof AgencyProfileSchema>;

/** Demo values only: the IBAN and Bankgiro are the standards' published examples, the FIK creditor number a placeholder. */
export const DEMO_AGENCY_PROFILE: AgencyProfile = {
  name: 'Collectkit Demo Inkasso ApS',
  address: { lines: ['Inkassovej 1'], postalCode: '8000', city: 'Aarhus C', country: 'DK' },
  email: 'inkasso@collectkit.example',
  phone: '+45 70 00 00 00',
  companyId: 'CVR 12345674',
  bank: {
    iban: 'DK5000400440116243',
    bic: 'DABADKKK',
    dk: { registrationNumber: '0040', accountNumber: '0440116243', fikCreditorNumber: '12345678' },
    se: { bankgiro: '5050-1055' },
    no: { accountNumber: '86011117947' },
  },
};

/** The profile from COLLECTKIT_AGENCY_PROFILE, or the demo profile; a bad value stops the start with the field named. */
export function readAgencyProfile(env: NodeJS.ProcessEnv): AgencyProfile {
  const raw = env.COLLECTKIT_AGENCY_PROFILE;
  if (!raw) return DEMO_AGENCY_PROFILE;
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new Error('COLLECTKIT_AGENCY_PROFILE must be JSON');
  }
  const parsed = AgencyProfileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`COLLECTKIT_AGENCY_PROFILE.${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}
