import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorResponseSchema } from '@collectkit/sdk';
import type { Database } from '../store/database.js';
import { readAgencyProfile } from '../process/notifications/agency-profile.js';
import { createDunningScheduler } from '../process/scheduler/dunning-scheduler.js';
import { isAdjustableClock, persistOffset, simulateDays, type SimulationRun } from '../process/scheduler/simulate.js';
import { storedRulesFor } from '../store/business-rules.js';
import { ApiError } from './api-error.js';
import type { RouteOptions } from './route-options.js';

/**
 * Simulated time for the demo (issue 5 §7): an operator moves the server's clock forward by whole
 * days and the dunning scheduler does each day's work. Exists only when the server runs on an
 * adjustable clock and outside production (COLLECTKIT_SIMULATION=1 allows it there, =0 forbids it).
 * The run starts after the request's transaction commits and answers 202; GET shows its progress.
 */
export function simulationEnabled(env: NodeJS.ProcessEnv): boolean {
  if (env.COLLECTKIT_SIMULATION === '1' || env.COLLECTKIT_SIMULATION === 'true') return true;
  if (env.COLLECTKIT_SIMULATION === '0' || env.COLLECTKIT_SIMULATION === 'false') return false;
  return env.NODE_ENV !== 'production';
}

const SimulationStateSchema = z.object({
  today: z.iso.date(),
  running: z.boolean(),
  lastRun: z
    .object({ from: z.iso.date(), to: z.iso.date(), applied: z.int(), days: z.array(z.object({ date: z.iso.date(), applied: z.int() })) })
    .nullable(),
  lastError: z.string().nullable(),
});

export const simulationRoutes: FastifyPluginAsyncZod<RouteOptions & { db: Database; env?: NodeJS.ProcessEnv }> = async (app, options) => {
  const env = options.env ?? process.env;
  const { clock } = options;
  if (!simulationEnabled(env) || !isAdjustableClock(clock)) return;
  const scheduler = createDunningScheduler({ db: options.db, clock, agency: readAgencyProfile(env), rulesFor: storedRulesFor });
  // On the command's offset clock the simulated today is stored, so a restart (and `simulate`) continue from it.
  const afterAdvance = persistOffset(options.db, clock);
  let running: Promise<void> | undefined;
  let lastRun: SimulationRun | null = null;
  let lastError: string | null = null;
  const state = () => ({ today: clock.today(), running: running !== undefined, lastRun, lastError });
  app.addHook('onClose', async () => running);

  app.get(
    '/v1/simulation',
    { config: { auth: ['operator'] }, schema: { tags: ['operator'], summary: 'Simulated time: today and the last run', response: { 200: SimulationStateSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema } } },
    async () => state(),
  );

  app.post(
    '/v1/simulation/advance',
    {
      config: { auth: ['operator'] },
      schema: {
        tags: ['operator'],
        summary: 'Move the server clock forward by whole days, running the dunning scheduler for each day (demo only)',
        body: z.object({ days: z.int().min(1).max(366) }),
        response: { 202: SimulationStateSchema, 401: ErrorResponseSchema, 403: ErrorResponseSchema, 409: ErrorResponseSchema },
      },
    },
    async (request, reply) => {
      if (running) throw new ApiError(409, 'conflict', 'A simulation is already running.');
      const days = request.body.days;
      // After this request's transaction: on PGlite a transaction opened inside it would wait for it forever.
      running = new Promise<void>((resolve) => setImmediate(resolve))
        // Today's work first (the scheduler may be off, or not have woken since a case came in), as `simulate` does.
        .then(async () => {
          const today = await scheduler.runOnce();
          const run = await simulateDays(clock, scheduler, days, afterAdvance ? { afterAdvance } : {});
          return { ...run, applied: today.applied + run.applied };
        })
        .then((run) => {
          lastRun = run;
          lastError = null;
        })
        .catch((error: unknown) => {
          lastError = error instanceof Error ? error.message : String(error);
          app.log.error({ err: error }, 'simulation failed');
        })
        .finally(() => {
          running = undefined;
        });
      reply.code(202);
      return state();
    },
  );
};
