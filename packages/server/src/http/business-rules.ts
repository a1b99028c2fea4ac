import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BusinessRulesUpdateSchema,
  CreditorBusinessRulesSchema,
  CreditorIdParamsSchema,
  DebtorOverrideParamsSchema,
  DebtorRuleOverrideSchema,
  DebtorRuleOverrideViewSchema,
  ErrorResponseSchema,
  resolveBusinessRules,
  type BusinessRules,
  type DebtorRuleOverride,
} from '@collectkit/sdk';
import { findCreditor, type CreditorRow } from '../store/creditors.js';
import { deleteDebtorOverride, findCreditorRules, findDebtorOverride, saveCreditorRules, saveDebtorOverride } from '../store/business-rules.js';
import { notFound } from './api-error.js';
import type { RouteOptions } from './route-options.js';

const errors = { 400: ErrorResponseSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 404: ErrorResponseSchema };

/**
 * The creditor a caller may set rules for: a member its own company only; the association's secret
 * key and operators any creditor of the association. Another tenant's creditor, or another member's,
 * is the same 404 as an unknown id.
 */
async function creditorFor(request: FastifyRequest, id: string): Promise<CreditorRow> {
  const auth = request.auth!;
  if (auth.kind === 'member' && auth.creditorId !== id) throw notFound('creditor');
  const creditor = await findCreditor(request.db, auth.associationId, id);
  if (!creditor) throw notFound('creditor');
  return creditor;
}

/**
 * Business rules per creditor and per-debtor overrides (issue 5 §2), read by the dunning scheduler
 * (store/business-rules.ts storedRulesFor). A PUT replaces what was set; fields left out follow the
 * defaults. The merged rules are validated as a whole (a field that is fine alone but not with the
 * rest is refused by name); the law still caps whatever is set.
 */
export const businessRuleRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { clock }) => {
  const auth = { auth: ['member', 'secret', 'operator'] as const };

  const rulesView = (creditorId: string, stored: { value: Partial<BusinessRules>; updatedAt: Date } | null) => ({
    creditorId,
    rules: stored?.value ?? {},
    effective: stripExcluded(resolveBusinessRules(stored?.value ?? {})),
    updatedAt: stored ? stored.updatedAt.toISOString() : null,
  });

  app.get(
    '/v1/creditors/:id/business-rules',
    { config: auth, schema: { tags: ['creditor'], summary: "The creditor's business rules: what it set, and the rules its cases follow", params: CreditorIdParamsSchema, response: { 200: CreditorBusinessRulesSchema, ...errors } } },
    async (request) => {
      const creditor = await creditorFor(request, request.params.id);
      return rulesView(creditor.id, await findCreditorRules(request.db, creditor.association_id, creditor.id));
    },
  );

  app.put(
    '/v1/creditors/:id/business-rules',
    {
      config: auth,
      schema: { tags: ['creditor'], summary: "Replace the creditor's business rules (fields left out follow the defaults)", params: CreditorIdParamsSchema, body: BusinessRulesUpdateSchema, response: { 200: CreditorBusinessRulesSchema, ...errors } },
    },
    async (request) => {
      const creditor = await creditorFor(request, request.params.id);
      const rules = request.body as Partial<BusinessRules>;
      resolveBusinessRules(rules); // throws CollectkitInputError naming the field → 400
      await saveCreditorRules(request.db, creditor.association_id, creditor.id, rules, clock.now());
      return rulesView(creditor.id, await findCreditorRules(request.db, creditor.association_id, creditor.id));
    },
  );

  async function overrideView(request: FastifyRequest, creditor: CreditorRow, debtorKey: string) {
    const stored = await findDebtorOverride(request.db, creditor.association_id, creditor.id, debtorKey);
    if (!stored) throw notFound('debtor override');
    const creditorRules = await findCreditorRules(request.db, creditor.association_id, creditor.id);
    return {
      creditorId: creditor.id,
      debtorKey,
      override: stored.value,
      effective: resolveBusinessRules(creditorRules?.value ?? {}, stored.value),
      updatedAt: stored.updatedAt.toISOString(),
    };
  }

  app.get(
    '/v1/creditors/:id/debtor-overrides/:debtorKey',
    { config: auth, schema: { tags: ['creditor'], summary: "One debtor's exceptions to the creditor's rules", params: DebtorOverrideParamsSchema, response: { 200: DebtorRuleOverrideViewSchema, ...errors } } },
    async (request) => overrideView(request, await creditorFor(request, request.params.id), request.params.debtorKey),
  );

  app.put(
    '/v1/creditors/:id/debtor-overrides/:debtorKey',
    {
      config: auth,
      schema: {
        tags: ['creditor'],
        summary: "Set one debtor's exceptions (e.g. excluded from automation, more days before the first reminder)",
        description: 'The debtor key is `<country>:<register number>` (DK:29403473) or `email:<address>`, as debtorKeyOf in the SDK computes it.',
        params: DebtorOverrideParamsSchema,
        body: DebtorRuleOverrideSchema,
        response: { 200: DebtorRuleOverrideViewSchema, ...errors },
      },
    },
    async (request) => {
      const creditor = await creditorFor(request, request.params.id);
      const override = request.body as DebtorRuleOverride;
      const creditorRules = await findCreditorRules(request.db, creditor.association_id, creditor.id);
      resolveBusinessRules(creditorRules?.value ?? {}, override); // the merged rules must hold together
      await saveDebtorOverride(request.db, creditor.association_id, creditor.id, request.params.debtorKey, override, clock.now());
      return overrideView(request, creditor, request.params.debtorKey);
    },
  );

  app.delete(
    '/v1/creditors/:id/debtor-overrides/:debtorKey',
    { config: auth, schema: { tags: ['creditor'], summary: "Remove one debtor's exceptions: the creditor's rules apply again", params: DebtorOverrideParamsSchema, response: { 204: z.null().describe('Removed'), ...errors } } },
    async (request, reply) => {
      const creditor = await creditorFor(request, request.params.id);
      if (!(await deleteDebtorOverride(request.db, creditor.association_id, creditor.id, request.params.debtorKey))) throw notFound('debtor override');
      reply.code(204);
      return null;
    },
  );
};

function stripExcluded({ excluded: _excluded, ...rules }: BusinessRules & { excluded: boolean }): BusinessRules {
  return rules;
}

export default businessRuleRoutes;
