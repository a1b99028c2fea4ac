/**
 * A creditor's business rules and per-debtor overrides (packages/server/src/http/business-rules.ts).
 * A member reaches its own creditor; the association's secret key and operators any of its creditors.
 */
import type { z } from 'zod';
import {
  BusinessRulesUpdateSchema,
  CreditorBusinessRulesSchema,
  DebtorRuleOverrideSchema,
  DebtorRuleOverrideViewSchema,
} from '../../contract/api/business-rules.js';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import type { CallOptions } from './call-options.js';

export const businessRulesResource = (client: CoreClient) => ({
  /** `GET /v1/creditors/:id/business-rules`: what the creditor set, and the effective rules. */
  get: (creditorId: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/creditors', creditorId, 'business-rules'), schema: CreditorBusinessRulesSchema, ...options }),

  /** `PUT /v1/creditors/:id/business-rules`: replaces what was set; fields left out follow the defaults. */
  set: (creditorId: string, rules: z.input<typeof BusinessRulesUpdateSchema>, options?: CallOptions) =>
    client.request({ method: 'PUT', path: pathOf('v1/creditors', creditorId, 'business-rules'), json: rules, schema: CreditorBusinessRulesSchema, ...options }),

  /** `GET /v1/creditors/:id/debtor-overrides/:debtorKey` (debtorKeyOf gives the key of a debtor). */
  getDebtorOverride: (creditorId: string, debtorKey: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/creditors', creditorId, 'debtor-overrides', debtorKey), schema: DebtorRuleOverrideViewSchema, ...options }),

  /** `PUT /v1/creditors/:id/debtor-overrides/:debtorKey`: e.g. `{ excluded: true }`. */
  setDebtorOverride: (creditorId: string, debtorKey: string, override: z.input<typeof DebtorRuleOverrideSchema>, options?: CallOptions) =>
    client.request({ method: 'PUT', path: pathOf('v1/creditors', creditorId, 'debtor-overrides', debtorKey), json: override, schema: DebtorRuleOverrideViewSchema, ...options }),

  /** `DELETE /v1/creditors/:id/debtor-overrides/:debtorKey` (204): the creditor's rules apply again. */
  deleteDebtorOverride: (creditorId: string, debtorKey: string, options?: CallOptions) =>
    client.request({ method: 'DELETE', path: pathOf('v1/creditors', creditorId, 'debtor-overrides', debtorKey), ...options }),
});
