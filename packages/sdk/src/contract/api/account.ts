import { z } from 'zod';
import { AssociationSummarySchema } from './association.js';

/** E-mail addresses as typed; compared case-insensitively by the server. */
export const EmailSchema = z.email({ message: 'expected an e-mail address' }).max(254);

/**
 * At least 10 characters (NIST SP 800-63B asks for 8; no composition rules), at most 200 so that
 * hashing cost stays bounded.
 */
export const NewPasswordSchema = z
  .string()
  .min(10, { message: 'use at least 10 characters' })
  .max(200, { message: 'use at most 200 characters' });

export const LoginRequestSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const UserRoleSchema = z.enum(['member', 'operator']);
export type UserRole = z.infer<typeof UserRoleSchema>;

/**
 * A signed-in session. Browsers on the backend's own origin also get it as an HttpOnly cookie;
 * the SDK sends `token` as `Authorization: Bearer …`.
 */
export const SessionSchema = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  role: UserRoleSchema,
});
export type Session = z.infer<typeof SessionSchema>;

export const CreditorStatusSchema = z.enum(['pending_signature', 'pending_password', 'active']);
export type CreditorStatus = z.infer<typeof CreditorStatusSchema>;

export const MeSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), role: UserRoleSchema }),
  association: AssociationSummarySchema,
  /** The member's company; null for operators. */
  creditor: z
    .object({ id: z.uuid(), status: CreditorStatusSchema, name: z.string(), nationalId: z.string(), country: z.string() })
    .nullable(),
});
export type Me = z.infer<typeof MeSchema>;

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

export const PasswordResetConfirmationSchema = z.object({ password: NewPasswordSchema });
export type PasswordResetConfirmation = z.infer<typeof PasswordResetConfirmationSchema>;

/** Always the same answer, whether or not the address has an account (no account enumeration). */
export const PasswordResetAcceptedSchema = z.object({ status: z.literal('accepted') });
