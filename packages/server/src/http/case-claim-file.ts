import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseErrorResponseSchema, CaseIdParamsSchema, ClaimFileSchema, debtorCountry, isFinalStage, type ClaimFile, type Money } from '@collectkit/sdk';
import { readAgencyProfile } from '../process/notifications/agency-profile.js';
import { claimFileProcedure } from '../process/legal/claim-file.js';
import { generateClaimFile } from '../process/legal/claim-file-store.js';
import type { CaseRow } from '../store/cases.js';
import { findCaseDocument } from '../store/documents.js';
import { enqueueWebhooks } from '../store/webhooks.js';
import { ApiError, notFound } from './api-error.js';
import { caseChanged, notifyChangedCasesAfterResponse } from './case-event-notifier.js';
import { caseFor } from './case-view.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: CaseErrorResponseSchema, 401: CaseErrorResponseSchema, 403: CaseErrorResponseSchema, 404: CaseErrorResponseSchema, 409: CaseErrorResponseSchema, 422: CaseErrorResponseSchema };

/** A claim file is prepared once collection has begun: for the legal step, or to review it before. */
const CLAIM_FILE_STAGES = ['collection', 'legal', 'surveillance'];

function assertSupported(row: CaseRow): NonNullable<ReturnType<typeof claimFileProcedure>> {
  const country = debtorCountry(row.debtor);
  const procedure = claimFileProcedure(country);
  if (!procedure) {
    throw new ApiError(422, 'not_supported', `Collectkit prepares claim files for DK (betalingspåkrav) and SE (betalningsföreläggande) only; a debtor in ${country} needs the legal step prepared by hand.`);
  }
  return procedure;
}

/**
 * The claim file of the legal step (process/legal/claim-file.ts): the operator (re)generates it —
 * a new case document each time, computed as of today — and downloads the latest. The scheduler
 * generates the first when the legal step starts. Members see it among the case's documents.
 */
export const caseClaimFileRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  notifyChangedCasesAfterResponse(app);
  const agency = readAgencyProfile(process.env);

  app.post(
    '/v1/cases/:id/claim-file',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'Generate the claim file for the court or Kronofogden (DK betalingspåkrav, SE betalningsföreläggande) as of today',
        params: CaseIdParamsSchema,
        response: { 201: ClaimFileSchema, ...errors },
      },
    },
    async (request, reply) => {
      const auth = request.auth!;
      const row = await caseFor(request.db, auth, request.params.id, { forUpdate: true });
      const procedure = assertSupported(row);
      if (isFinalStage(row.stage) || !CLAIM_FILE_STAGES.includes(row.stage)) {
        throw new ApiError(409, 'conflict', `A claim file is prepared in collection, legal or surveillance; the case is ${row.stage}.`);
      }
      const now = clock.now();
      const stored = (await generateClaimFile(request.db, row, { agency, now, today: clock.today(), by: `operator:${auth.userId ?? ''}` }))!;
      await enqueueWebhooks(request.db, {
        associationId: row.association_id,
        creditorId: row.creditor_id,
        type: 'case.updated',
        data: { caseId: row.id, change: 'legal.claim_file', documentId: stored.document.id },
        at: now,
      });
      caseChanged(request, row.id);
      const url = `/v1/cases/${row.id}/documents/${stored.document.id}`;
      reply.code(201).header('location', url);
      return {
        caseId: row.id,
        kind: procedure.kind,
        authority: procedure.authority,
        language: procedure.language,
        documentId: stored.document.id,
        url,
        asOf: stored.asOf,
        total: stored.file.total,
      } satisfies ClaimFile;
    },
  );

  app.get(
    '/v1/cases/:id/claim-file',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['case', 'operator'],
        summary: 'Download the latest claim file (PDF)',
        params: CaseIdParamsSchema,
        response: { 200: z.any().describe('application/pdf'), ...errors },
      },
    },
    async (request, reply) => {
      const row = await caseFor(request.db, request.auth!, request.params.id);
      assertSupported(row);
      const [latest] = await request.db.query<{ data: { documentId: string; total: Money } }>(
        `SELECT data FROM events WHERE association_id = $1 AND case_id = $2 AND type = 'legal.claim_file' ORDER BY id DESC LIMIT 1`,
        [row.association_id, row.id],
      );
      if (!latest) throw new ApiError(404, 'not_found', 'No claim file yet: POST /v1/cases/{id}/claim-file generates one.');
      const document = await findCaseDocument(request.db, row.association_id, row.id, latest.data.documentId);
      if (!document) throw notFound('claim file');
      reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${document.filename}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('etag', `"${document.sha256}"`);
      return Buffer.from(document.content);
    },
  );
};

export default caseClaimFileRoutes;
