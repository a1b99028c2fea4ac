/**
 * Instalment plans of a case (packages/server/src/http/instalment-plans.ts). The operator proposes,
 * records the debtor's agreement, or cancels a proposal; the creditor (member, secret key) and the
 * operator read the plan with each instalment's state.
 */
import type { z } from 'zod';
import { InstalmentPlanNoteRequestSchema, InstalmentPlanSchema, ProposeInstalmentPlanRequestSchema } from '../../contract/api/instalment-plan.js';
import type { CoreClient } from '../create-client.js';
import { pathOf } from '../http.js';
import type { CallOptions } from './call-options.js';

export const instalmentPlansResource = (client: CoreClient) => ({
  /** `GET /v1/cases/:id/instalment-plan`: the case's latest plan (or proposal), each instalment paid, due or missed. */
  get: (caseId: string, options?: CallOptions) =>
    client.request({ method: 'GET', path: pathOf('v1/cases', caseId, 'instalment-plan'), schema: InstalmentPlanSchema, ...options }),

  /** `POST /v1/cases/:id/instalment-plan` (operator): proposes a schedule over the claim as it stands today. */
  propose: (caseId: string, body: z.input<typeof ProposeInstalmentPlanRequestSchema>, options?: CallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/cases', caseId, 'instalment-plan'), json: body, schema: InstalmentPlanSchema, ...options }),

  /** `POST /v1/cases/:id/instalment-plan/agree` (operator): the debtor agreed; the case moves to `instalment_plan`. */
  agree: (caseId: string, body: z.input<typeof InstalmentPlanNoteRequestSchema> = {}, options?: CallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/cases', caseId, 'instalment-plan', 'agree'), json: body, schema: InstalmentPlanSchema, ...options }),

  /** `POST /v1/cases/:id/instalment-plan/cancel` (operator): withdraws a proposal the debtor has not agreed to. */
  cancel: (caseId: string, body: z.input<typeof InstalmentPlanNoteRequestSchema> = {}, options?: CallOptions) =>
    client.request({ method: 'POST', path: pathOf('v1/cases', caseId, 'instalment-plan', 'cancel'), json: body, schema: InstalmentPlanSchema, ...options }),
});
