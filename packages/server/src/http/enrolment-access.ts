import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { tokenHash } from '../auth/tokens.js';
import { findCreditor, type CreditorRow } from '../store/creditors.js';
import { notFound } from './api-error.js';

export const ENROLMENT_TOKEN_HEADER = 'x-collectkit-enrolment-token';

/**
 * Who may act on an enrolment: the association's secret key and operators; the member once the
 * account exists; before that, a publishable-key caller holding the enrolment token returned at
 * creation. Anyone else, and any id of another association, gets the same 404.
 */
export async function enrolmentFor(request: FastifyRequest, id: string, options: { forUpdate?: boolean } = {}): Promise<CreditorRow> {
  const auth = request.auth!;
  const creditor = await findCreditor(request.db, auth.associationId, id, options.forUpdate);
  if (!creditor) throw notFound('enrolment');
  if (auth.kind === 'secret' || auth.kind === 'operator') return creditor;
  if (auth.kind === 'member' && auth.creditorId === creditor.id) return creditor;
  if (auth.kind === 'publishable' && holdsEnrolmentToken(request, creditor, request.server.clock.now())) return creditor;
  throw notFound('enrolment');
}

function holdsEnrolmentToken(request: FastifyRequest, creditor: CreditorRow, now: Date): boolean {
  const presented = request.headers[ENROLMENT_TOKEN_HEADER];
  if (typeof presented !== 'string' || !creditor.enrolment_token_hash || !creditor.enrolment_token_expires_at) return false;
  if (creditor.enrolment_token_expires_at.getTime() <= now.getTime()) return false;
  const expected = Buffer.from(creditor.enrolment_token_hash, 'hex');
  const actual = Buffer.from(tokenHash(presented), 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
