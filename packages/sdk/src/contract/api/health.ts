import { z } from 'zod';

export const HealthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['pglite', 'postgres']),
  time: z.iso.datetime().describe("The server clock's current time."),
});
export type Health = z.infer<typeof HealthSchema>;
