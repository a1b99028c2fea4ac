import { z } from 'zod';
import { CountrySchema } from '../party.js';

/** What a caller may see of the association (tenant) it acts for. */
export const AssociationSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  country: CountrySchema,
  pricingPlanId: z.string(),
});
export type AssociationSummary = z.infer<typeof AssociationSummarySchema>;
