import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AssignUnmatchedPaymentRequestSchema,
  AssignedUnmatchedPaymentSchema,
  CaseErrorResponseSchema,
  CloseUnmatchedPaymentRequestSchema,
  FINAL_STAGES,
  MAX_BANK_FILE_BYTES,
  PaymentImportSchema,
  UnmatchedPaymentListQuerySchema,
  UnmatchedPaymentListSchema,
  UnmatchedPaymentParamsSchema,
  UnmatchedPaymentSchema,
  type Currency,
  type PaymentImportEntry,
  type UnmatchedPayment,
  type UnmatchedReason,
} from '@collectkit/sdk';
import { findCase, type CaseRow } from '../store/cases.js';
import type { Queryable } from '../store/database.js';
import {
  caseIdsByReferenceBase,
  findBankPayment,
  importedBankReferences,
  insertBankPayment,
  insertPaymentImport,
  listBankPayments,
  lockPaymentImports,
  newPaymentImportId,
  resolveBankPayment,
  setPaymentImportTotals,
  type BankPaymentRow,
} from '../store/payment-imports.js';
import { BankFileError, type BankCredit, type BankFile } from '../process/bank-files/bank-file.js';
import { readBankFile } from '../process/bank-files/detect.js';
import { matchReference, readingsOf, referenceKindsForAccount } from '../process/payment-matching.js';
import { registerPayment } from '../process/register-payment.js';
import { cleanFilename } from '../documents/upload.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { ApiError, invalidRequest, notFound } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor } from './case-view.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema, 413: CaseErrorResponseSchema, 415: CaseErrorResponseSchema };
const operatorOnly = { auth: ['operator'] as const };

export function unmatchedPaymentView(row: BankPaymentRow): UnmatchedPayment {
  return {
    id: row.id,
    importId: row.import_id,
    bankReference: row.bank_reference,
    amount: { amount: row.amount, currency: row.currency },
    receivedOn: row.received_on,
    reference: row.reference,
    payerName: row.payer_name,
    remittanceText: row.remittance_text,
    status: row.status as UnmatchedPayment['status'],
    reason: row.reason as UnmatchedReason,
    caseId: row.case_id,
    paymentId: row.payment_id,
    note: row.note,
    resolvedAt: row.resolved_at ? row.resolved_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  };
}

interface UploadedBankFile {
  filename: string | null;
  sha256: string;
  file: BankFile;
}

/** The file is read and parsed before the command's transaction: a malformed one is a 400 that never touched the database. */
const uploads = new WeakMap<FastifyRequest, UploadedBankFile>();
async function readUploadFirst(request: FastifyRequest): Promise<void> {
  if (!request.isMultipart()) throw new ApiError(415, 'unsupported_media_type', 'Send the bank file as multipart/form-data in a part named "file".');
  let upload: { filename: string; content: Buffer } | undefined;
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_BANK_FILE_BYTES, files: 2, fields: 2, fieldSize: 1024, parts: 4 } })) {
      if (part.type !== 'file') continue;
      if (upload || part.fieldname !== 'file') {
        await part.toBuffer().catch(() => undefined);
        throw invalidRequest(part.fieldname, 'send exactly one bank file, in the part named "file"');
      }
      upload = { filename: part.filename, content: await part.toBuffer() };
    }
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (error instanceof ApiError || (status !== undefined && status >= 400 && status < 500)) throw error;
    throw invalidRequest('body', `not a readable multipart/form-data body: ${(error as Error).message}`);
  }
  if (!upload) throw invalidRequest('file', 'attach the bank file in a part named "file"');
  if (upload.content.length === 0) throw invalidRequest('file', 'the file is empty');
  let file: BankFile;
  try {
    file = readBankFile(upload.content);
  } catch (error) {
    if (error instanceof BankFileError) throw invalidRequest('file', `${error.location}: ${error.message}`);
    throw error;
  }
  uploads.set(request, { filename: upload.filename ? cleanFilename(upload.filename) : null, sha256: createHash('sha256').update(upload.content).digest('hex'), file });
}

/** The cases a credit's reference can name, locked in id order (two imports touching the same cases never deadlock). */
async function candidateCases(db: Queryable, associationId: string, credit: BankCredit): Promise<CaseRow[]> {
  if (credit.reference === null) return [];
  const kinds = referenceKindsForAccount(credit.accountCountry);
  const bases = [...new Set(readingsOf(credit.reference, kinds).map((candidate) => candidate.base))];
  const ids = await caseIdsByReferenceBase(db, associationId, bases);
  const rows: CaseRow[] = [];
  for (const id of ids) {
    const row = await findCase(db, { associationId }, id, { forUpdate: true });
    if (row) rows.push(row);
  }
  return rows;
}

/** Imports bank files of incoming payments and resolves the payments no case could be found for. */
export const paymentImportRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  // Encapsulated: only this plugin's routes accept multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_BANK_FILE_BYTES } });
  notifyChangedCasesAfterResponse(app);

  app.post(
    '/v1/payments/imports',
    {
      config: operatorOnly,
      bodyLimit: MAX_BANK_FILE_BYTES + 64 * 1024,
      preHandler: readUploadFirst,
      schema: {
        tags: ['operator'],
        summary: 'Import a bank file of incoming payments (camt.054 or BgMax, multipart/form-data `file`)',
        description:
          'Each credit entry is matched to its case by the payment reference (FIK +71, OCR, KID, viitenumero, RF; check digit verified) and registered like an operator payment; one that cannot be is stored as an unmatched payment with the reason. The bank\'s entry reference deduplicates: entries already imported are reported as duplicates. A malformed file is a 400 naming the line or element, and nothing is written.',
        response: { 200: PaymentImportSchema, ...errors },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const { filename, sha256, file } = uploads.get(request)!;
      const associationId = auth.associationId;
      const db = request.db;
      const now = clock.now();
      const today = clock.today();
      await lockPaymentImports(db, associationId);
      const importId = newPaymentImportId();
      await insertPaymentImport(db, { id: importId, associationId, format: file.format, filename, sha256, importedBy: auth.userId ?? null, now });
      const seen = await importedBankReferences(db, associationId, file.credits.map((credit) => credit.bankReference));
      // In date order, so that two payments on one case in one file are allocated in the order they were made.
      const credits = [...file.credits].sort((a, b) => (a.receivedOn < b.receivedOn ? -1 : a.receivedOn > b.receivedOn ? 1 : 0));
      const outcomes = new Map<BankCredit, PaymentImportEntry>();
      for (const credit of credits) {
        const base = {
          location: credit.location,
          bankReference: credit.bankReference,
          amount: { amount: credit.amount, currency: credit.currency },
          receivedOn: credit.receivedOn,
          reference: credit.reference,
        };
        const none = { caseId: null, paymentId: null, caseStage: null, unmatchedPaymentId: null, reason: null };
        if (seen.has(credit.bankReference)) {
          outcomes.set(credit, { ...base, ...none, outcome: 'duplicate' });
          continue;
        }
        seen.add(credit.bankReference);
        const stored = { associationId, importId, bankReference: credit.bankReference, currency: credit.currency, amount: credit.amount, receivedOn: credit.receivedOn, reference: credit.reference, payerName: credit.payerName, remittanceText: credit.remittanceText, now };
        const unmatched = async (reason: UnmatchedReason, caseId: string | null) => {
          const row = await insertBankPayment(db, { ...stored, status: 'unmatched', reason, caseId, paymentId: null });
          outcomes.set(credit, { ...base, ...none, outcome: 'unmatched', caseId, unmatchedPaymentId: row.id, reason });
          // The agency's systems learn of money waiting for a human (association endpoints only: creditorId null).
          await enqueueWebhooks(db, {
            associationId,
            creditorId: null,
            type: 'payment.unmatched',
            data: { unmatchedPaymentId: row.id, amount: base.amount, receivedOn: credit.receivedOn, reference: credit.reference, reason, caseId },
            at: now,
          });
        };
        if (credit.unmatchable) {
          await unmatched(credit.unmatchable, null);
          continue;
        }
        const match = matchReference(credit.reference, credit.accountCountry, await candidateCases(db, associationId, credit));
        if (!match.matched) {
          await unmatched(match.reason, null);
          continue;
        }
        const row = match.case;
        // A closed, paid or withdrawn case takes no payment without a human deciding (assign it, or refund it).
        if (FINAL_STAGES.includes(row.stage)) {
          await unmatched('case_final_stage', row.id);
          continue;
        }
        const result = await registerPayment(db, {
          row,
          payment: { amount: { amount: credit.amount, currency: credit.currency as Currency }, receivedOn: credit.receivedOn, reference: credit.reference, method: 'bank_transfer' },
          registeredBy: auth.userId ?? null,
          now,
          today,
        });
        if (!result.ok) {
          await unmatched(result.refusal.reason, row.id);
          continue;
        }
        await insertBankPayment(db, { ...stored, status: 'registered', reason: null, caseId: row.id, paymentId: result.payment.id });
        caseChanged(request, row.id);
        outcomes.set(credit, { ...base, ...none, outcome: 'registered', caseId: row.id, paymentId: result.payment.id, caseStage: result.caseStage });
      }
      const entries = file.credits.map((credit) => outcomes.get(credit)!);
      const count = (outcome: PaymentImportEntry['outcome']) => entries.filter((entry) => entry.outcome === outcome).length;
      const totals = { entries: entries.length, registered: count('registered'), unmatched: count('unmatched'), duplicates: count('duplicate') };
      await setPaymentImportTotals(db, importId, totals);
      return { id: importId, format: file.format, entries, skipped: file.skipped, totals: { ...totals, skipped: file.skipped.length } };
    },
  );

  app.get(
    '/v1/payments/unmatched',
    {
      config: operatorOnly,
      schema: {
        tags: ['operator'],
        summary: 'Imported payments no case could be found for (status unmatched), or those already resolved (assigned, refunded, returned)',
        querystring: UnmatchedPaymentListQuerySchema,
        response: { 200: UnmatchedPaymentListSchema, ...errors },
      },
    },
    async (request) => {
      const { status, cursor, limit } = request.query;
      const rows = await listBankPayments(request.db, request.auth!.associationId, [status], cursor === undefined ? 0 : Number(cursor), limit + 1);
      const page = rows.slice(0, limit);
      return { data: page.map(unmatchedPaymentView), nextCursor: rows.length > limit ? String(page.at(-1)!.seq) : null };
    },
  );

  /** The unmatched payment of the caller's association, locked; 404 for another tenant's or a matched one. */
  async function unmatchedFor(db: Queryable, associationId: string, id: string): Promise<BankPaymentRow> {
    const row = await findBankPayment(db, associationId, id, { forUpdate: true });
    if (!row || row.status === 'registered') throw notFound('unmatched payment');
    if (row.status !== 'unmatched') throw new ApiError(409, 'conflict', `The payment is already ${row.status}.`);
    return row;
  }

  app.post(
    '/v1/payments/unmatched/:id/assign',
    {
      config: operatorOnly,
      schema: {
        tags: ['operator'],
        summary: 'Register an unmatched payment on the case the operator chose: allocated like any payment',
        params: UnmatchedPaymentParamsSchema,
        body: AssignUnmatchedPaymentRequestSchema,
        response: { 200: AssignedUnmatchedPaymentSchema, ...errors },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const pending = await unmatchedFor(request.db, auth.associationId, request.params.id);
      const row = await caseFor(request.db, auth, request.body.caseId, { forUpdate: true });
      const result = await registerPayment(request.db, {
        row,
        payment: { amount: { amount: pending.amount, currency: pending.currency as Currency }, receivedOn: pending.received_on, reference: pending.reference, method: 'bank_transfer' },
        registeredBy: auth.userId ?? null,
        now: clock.now(),
        today: clock.today(),
      });
      if (!result.ok) {
        const field = result.refusal.field === 'amount.currency' ? 'amount.currency' : 'receivedOn';
        throw invalidRequest(field, `the payment's ${field === 'receivedOn' ? `date ${pending.received_on}` : `currency ${pending.currency}`} ${result.refusal.message}`);
      }
      const resolved = await resolveBankPayment(request.db, auth.associationId, pending.id, { status: 'assigned', caseId: row.id, paymentId: result.payment.id, resolvedBy: auth.userId ?? null, now: clock.now() });
      caseChanged(request, row.id);
      return { unmatchedPayment: unmatchedPaymentView(resolved), payment: { ...result.payment, caseStage: result.caseStage } };
    },
  );

  app.post(
    '/v1/payments/unmatched/:id/close',
    {
      config: operatorOnly,
      schema: {
        tags: ['operator'],
        summary: 'Close an unmatched payment that went back to the payer: refunded by the agency or returned by the bank, with a note',
        params: UnmatchedPaymentParamsSchema,
        body: CloseUnmatchedPaymentRequestSchema,
        response: { 200: UnmatchedPaymentSchema, ...errors },
      },
    },
    async (request) => {
      const auth = request.auth!;
      const pending = await unmatchedFor(request.db, auth.associationId, request.params.id);
      const resolved = await resolveBankPayment(request.db, auth.associationId, pending.id, { status: request.body.resolution, note: request.body.note, resolvedBy: auth.userId ?? null, now: clock.now() });
      return unmatchedPaymentView(resolved);
    },
  );
};

export default paymentImportRoutes;
