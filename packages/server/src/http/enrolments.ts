import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreatedEnrolmentSchema,
  EnrolmentIdParamsSchema,
  EnrolmentPasswordRequestSchema,
  EnrolmentRequestSchema,
  EnrolmentSchema,
  ErrorResponseSchema,
  SessionSchema,
  SignatureRequestSchema,
  type Enrolment,
  type PayoutAccount,
} from '@collectkit/sdk';
import { newToken, tokenHash } from '../auth/tokens.js';
import { hashPassword } from '../auth/passwords.js';
import { createSession, setSessionCookie } from '../auth/sessions.js';
import { renderAgreementPdf } from '../agreement/agreement-pdf.js';
import { pricingPlan } from '../pricing-plans.js';
import { findAssociation } from '../store/associations.js';
import {
  agreementPdf,
  clearEnrolmentToken,
  createAgreement,
  createCreditor,
  findAgreement,
  setCreditorStatus,
  signAgreement,
  type CreditorRow,
} from '../store/creditors.js';
import type { Queryable } from '../store/database.js';
import { appendEvent } from '../store/events.js';
import { createUser, findUserByEmail } from '../store/users.js';
import { ApiError, notFound } from './api-error.js';
import { enrolmentFor } from './enrolment-access.js';
import type { RouteOptions } from './route-options.js';

/** The enrolling person has a week to sign and choose a password. */
const ENROLMENT_TOKEN_DAYS = 7;

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema, 409: ErrorResponseSchema };

function describeAccount(account: PayoutAccount): string {
  switch (account.kind) {
    case 'iban':
      return `IBAN ${account.iban}`;
    case 'dk_account':
      return `Danish bank account, reg. no. ${account.registrationNumber}, account no. ${account.accountNumber}`;
    case 'se_bankgiro':
      return `Bankgiro ${account.bankgiro}`;
  }
}

async function enrolmentView(db: Queryable, creditor: CreditorRow): Promise<Enrolment> {
  const agreement = await findAgreement(db, creditor.association_id, creditor.id);
  if (!agreement) throw notFound('enrolment');
  return {
    id: creditor.id,
    status: creditor.status,
    company: { name: creditor.company.name, country: creditor.company.country, nationalId: creditor.company.nationalId },
    agreement: {
      pricingPlanId: agreement.pricing_plan_id,
      sha256: agreement.sha256,
      url: `/v1/enrolments/${creditor.id}/agreement`,
      signedAt: agreement.signed_at ? agreement.signed_at.toISOString() : null,
      signedName: agreement.signed_name,
    },
  };
}

/** Enrolment of a member creditor: company → agreement PDF → typed signature → password (issue 3 §5). */
export const enrolmentRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  app.post(
    '/v1/enrolments',
    {
      config: { auth: ['publishable', 'secret'] },
      schema: {
        tags: ['enrolment'],
        summary: 'Enrol a member creditor; creates its agreement for signature',
        body: EnrolmentRequestSchema,
        response: { 201: CreatedEnrolmentSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { associationId } = request.auth!;
      const input = request.body;
      const association = await findAssociation(request.db, associationId);
      if (!association) throw notFound('association');
      if (await findUserByEmail(request.db, associationId, input.contact.email)) {
        throw new ApiError(409, 'conflict', 'An account with this e-mail address exists; sign in instead.', [
          { path: 'contact.email', message: 'already has an account' },
        ]);
      }
      const now = clock.now();
      const enrolmentToken = newToken('enr');
      const creditorId = await createCreditor(request.db, {
        associationId,
        company: input.company,
        address: input.address,
        contact: input.contact,
        bankAccount: input.payoutAccount,
        accountingSystem: input.accountingSystem,
        membershipNumber: input.membershipNumber ?? null,
        consents: input.consents,
        enrolmentTokenHash: tokenHash(enrolmentToken),
        enrolmentTokenExpiresAt: new Date(now.getTime() + ENROLMENT_TOKEN_DAYS * 86_400_000),
        now,
      });
      const plan = pricingPlan(association.pricing_plan_id);
      const pdf = await renderAgreementPdf({
        association,
        plan,
        company: input.company,
        address: input.address,
        contact: input.contact,
        payoutAccount: describeAccount(input.payoutAccount),
        accountingSystem: input.accountingSystem,
        membershipNumber: input.membershipNumber,
        date: clock.today(),
        createdAt: now,
      });
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      await createAgreement(request.db, { associationId, creditorId, pricingPlanId: plan.id, pdf, sha256, now });
      await appendEvent(request.db, { associationId, type: 'enrolment.created', data: { creditorId, agreementSha256: sha256 }, at: now });
      reply.code(201);
      return {
        id: creditorId,
        status: 'pending_signature' as const,
        company: { name: input.company.name, country: input.company.country, nationalId: input.company.nationalId },
        agreement: { pricingPlanId: plan.id, sha256, url: `/v1/enrolments/${creditorId}/agreement`, signedAt: null, signedName: null },
        enrolmentToken,
      };
    },
  );

  const access = { auth: ['publishable', 'secret', 'member', 'operator'] as const };

  app.get(
    '/v1/enrolments/:id',
    { config: access, schema: { tags: ['enrolment'], summary: 'An enrolment and its agreement status', params: EnrolmentIdParamsSchema, response: { 200: EnrolmentSchema, ...errors } } },
    async (request) => enrolmentView(request.db, await enrolmentFor(request, request.params.id)),
  );

  app.get(
    '/v1/enrolments/:id/agreement',
    {
      config: access,
      schema: {
        tags: ['enrolment'],
        summary: 'The agreement as application/pdf',
        params: EnrolmentIdParamsSchema,
        response: { 200: z.any().describe('The agreement, application/pdf'), ...errors },
      },
    },
    async (request, reply) => {
      const creditor = await enrolmentFor(request, request.params.id);
      const pdf = await agreementPdf(request.db, creditor.association_id, creditor.id);
      if (!pdf) throw notFound('enrolment');
      reply.type('application/pdf').header('content-disposition', `inline; filename="agreement-${creditor.id}.pdf"`);
      return pdf;
    },
  );

  app.post(
    '/v1/enrolments/:id/signature',
    {
      config: { auth: ['publishable', 'secret'] },
      schema: {
        tags: ['enrolment'],
        summary: 'Sign the agreement with a typed name and the SHA-256 of the document read',
        params: EnrolmentIdParamsSchema,
        body: SignatureRequestSchema,
        response: { 200: EnrolmentSchema, ...errors },
      },
    },
    async (request) => {
      const creditor = await enrolmentFor(request, request.params.id, { forUpdate: true });
      if (creditor.status !== 'pending_signature') throw new ApiError(409, 'conflict', 'The agreement is already signed.');
      const agreement = await findAgreement(request.db, creditor.association_id, creditor.id);
      if (!agreement) throw notFound('enrolment');
      if (agreement.sha256 !== request.body.sha256) {
        throw new ApiError(400, 'invalid_request', 'The signature must quote the SHA-256 of the current agreement.', [
          { path: 'sha256', message: 'does not match the agreement; download it again' },
        ]);
      }
      const at = clock.now();
      await signAgreement(request.db, { associationId: creditor.association_id, creditorId: creditor.id, name: request.body.name, at, ip: request.ip });
      await setCreditorStatus(request.db, creditor.association_id, creditor.id, 'pending_password');
      await appendEvent(request.db, {
        associationId: creditor.association_id,
        type: 'agreement.signed',
        data: { creditorId: creditor.id, name: request.body.name, sha256: agreement.sha256, ip: request.ip },
        at,
      });
      return enrolmentView(request.db, { ...creditor, status: 'pending_password' });
    },
  );

  app.post(
    '/v1/enrolments/:id/password',
    {
      config: { auth: ['publishable', 'secret'] },
      schema: {
        tags: ['enrolment'],
        summary: 'Choose the password: the account becomes active and signed in',
        params: EnrolmentIdParamsSchema,
        body: EnrolmentPasswordRequestSchema,
        response: { 201: SessionSchema, ...errors },
      },
    },
    async (request, reply) => {
      const creditor = await enrolmentFor(request, request.params.id, { forUpdate: true });
      if (creditor.status === 'pending_signature') throw new ApiError(409, 'conflict', 'Sign the agreement first.');
      if (creditor.status === 'active') throw new ApiError(409, 'conflict', 'The account already has a password; sign in instead.');
      const associationId = creditor.association_id;
      const email = creditor.contact.email;
      if (await findUserByEmail(request.db, associationId, email)) {
        throw new ApiError(409, 'conflict', 'An account with this e-mail address exists; sign in instead.');
      }
      const now = clock.now();
      const userId = await createUser(request.db, {
        associationId,
        creditorId: creditor.id,
        role: 'member',
        email,
        passwordHash: await hashPassword(request.body.password),
        now,
      });
      await setCreditorStatus(request.db, associationId, creditor.id, 'active');
      await clearEnrolmentToken(request.db, associationId, creditor.id);
      await appendEvent(request.db, { associationId, type: 'account.activated', data: { creditorId: creditor.id, userId }, at: now });
      const session = await createSession(request.db, { associationId, userId, now });
      setSessionCookie(request, reply, session);
      reply.code(201);
      return { token: session.token, expiresAt: session.expiresAt.toISOString(), role: 'member' as const };
    },
  );
};
