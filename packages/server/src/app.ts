import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Clock } from './clock.js';
import type { Database } from './store/database.js';
import { loggerOptions, type LogLevel } from './logger.js';
import { frameworkErrorHandler, installErrorHandler } from './http/error-handler.js';
import { installTransactions } from './http/transactional.js';
import { installAuth } from './auth/auth-plugin.js';
import { healthRoutes } from './http/health.js';
import { openapiRoutes } from './http/openapi.js';
import { enrolmentRoutes } from './http/enrolments.js';
import { sessionRoutes } from './http/sessions.js';
import { meRoutes } from './http/me.js';
import { quoteRoutes } from './http/quotes.js';
import { passwordResetRoutes } from './http/password-resets.js';
import { webhookEndpointRoutes } from './http/webhook-endpoints.js';
import { caseDocumentRoutes } from './http/case-documents.js';
import { paymentRoutes } from './http/payments.js';
import { payoutRoutes } from './http/payouts.js';
import { agencyInvoiceRoutes } from './http/agency-invoices.js';
import { createWebhookWorker, type WebhookWorkerOptions } from './process/webhook-delivery.js';
import { webhookPrivateTargetsAllowed } from './process/webhook-target.js';
import { caseRoutes } from './http/cases.js';
import { caseEventRoutes } from './http/case-events.js';
import { listenForCaseEvents } from './http/case-event-listener.js';
import { caseMessageRoutes } from './http/case-messages.js';
import { caseStageRoutes } from './http/case-stage.js';
import { devMailboxRoutes } from './http/dev-mailbox.js';
import { notificationDispatch } from './process/notifications/dispatch-plugin.js';
import { dunningSchedulerPlugin } from './process/scheduler/scheduler-plugin.js';
import { simulationRoutes } from './http/simulate.js';
import './http/fastify-types.js';

export interface AppConfig {
  db: Database;
  clock: Clock;
  /** Where the API is reachable from outside, e.g. https://collect.example.org; shown in the OpenAPI servers list. */
  publicUrl?: string;
  /** Behind a reverse proxy: trust X-Forwarded-* (client ip for rate limits, https for Secure cookies). */
  trustProxy?: boolean;
  /**
   * The association's pages are another site than this API (e.g. www.forening.dk and api.inkasso.dk): the
   * session cookie becomes SameSite=None; Secure; Partitioned (auth/sessions.ts). Default false (SameSite=Lax).
   */
  crossSiteSessions?: boolean;
  logLevel?: LogLevel;
  /** Login and password-reset attempts per IP and e-mail per minute. */
  loginRateLimit?: number;
  /** The webhook delivery worker's settings, or false to run none in this process (tests drive their own). */
  webhookDelivery?: Omit<WebhookWorkerOptions, 'db' | 'clock'> | false;
  /**
   * Webhook endpoints may be http:// and point at loopback or private addresses, at registration and
   * at delivery (development, tests). Default COLLECTKIT_WEBHOOK_ALLOW_PRIVATE, off unless set.
   */
  webhookAllowPrivateTargets?: boolean;
  /**
   * PostgreSQL: the long-polls' fallback check period (ms) while this instance LISTENs for other
   * instances' case events (default 15 s; 1 s while the LISTEN connection is down).
   */
  caseEventListeningFallbackPollMs?: number;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the HTTP app; `listen` is the caller's business (bin.ts, the test harness). */
export async function buildApp(config: AppConfig): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(config.logLevel ?? 'info'),
    trustProxy: config.trustProxy ?? false,
    bodyLimit: 1_048_576,
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    // Keep a caller's id when it is a sane token, so logs on both sides line up.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  app.decorate('clock', config.clock);
  app.decorate('sessionCookieSameSite', config.crossSiteSessions ? 'none' : 'lax');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  // The API speaks JSON only: a text/plain body is refused with 415, not parsed as a string.
  app.removeContentTypeParser('text/plain');
  installErrorHandler(app);
  installTransactions(app, config.db);

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Collectkit API',
        version: '0.1.0',
        description:
          'Invoice follow-up and debt collection for Nordic trade associations. Authenticate with a publishable key (`pk_…`, browsers), a secret key (`sk_…`, servers) or a member session (cookie or bearer token).',
      },
      servers: config.publicUrl ? [{ url: config.publicUrl }] : [],
      components: {
        securitySchemes: {
          key: { type: 'http', scheme: 'bearer', description: '`pk_…`, `sk_…` or a session token' },
          session: { type: 'apiKey', in: 'cookie', name: 'collectkit_session' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // Assets come from the package itself: no CDN, works offline and under a strict CSP.
  await app.register(swaggerUi, { routePrefix: '/api' });

  await installAuth(app, { db: config.db, clock: config.clock });
  const routeOptions = { clock: config.clock, loginRateLimit: config.loginRateLimit ?? 10, databaseKind: config.db.kind,
    publicUrl: (config.publicUrl ?? '').replace(/\/$/, ''),
  };
  await app.register(healthRoutes, routeOptions);
  await app.register(openapiRoutes);
  await app.register(enrolmentRoutes, routeOptions);
  await app.register(sessionRoutes, routeOptions);
  await app.register(passwordResetRoutes, routeOptions);
  await app.register(meRoutes, routeOptions);
  await app.register(quoteRoutes, routeOptions);
  await app.register(caseRoutes, routeOptions);
  await app.register(caseEventRoutes, routeOptions);
  listenForCaseEvents(app, config.db, { listeningFallbackPollMs: config.caseEventListeningFallbackPollMs });
  await app.register(caseMessageRoutes, routeOptions);
  await app.register(caseStageRoutes, routeOptions);
  await app.register(import('./http/case-dispute.js'), routeOptions); // disputes (issue 5 §3)
  await app.register(import('./http/case-legal.js'), routeOptions); // legal estimate and approval, acknowledgment, judgment (issue 5 §3, §6)
  await app.register(import('./http/case-claim-file.js'), routeOptions); // the legal step's claim file (issue 5 §3)
  const webhookAllowPrivateTargets = config.webhookAllowPrivateTargets ?? webhookPrivateTargetsAllowed(process.env);
  await app.register(webhookEndpointRoutes, { ...routeOptions, allowPrivateTargets: webhookAllowPrivateTargets });
  await app.register(caseDocumentRoutes, routeOptions);
  await app.register(devMailboxRoutes, routeOptions);
  await app.register(notificationDispatch, { db: config.db, clock: config.clock });
  await app.register(dunningSchedulerPlugin, { db: config.db, clock: config.clock });
  await app.register(import('./process/limitation/limitation-job.js'), { db: config.db, clock: config.clock }); // limitation warnings (issue 5 §6), same switch as the scheduler
  await app.register(simulationRoutes, { ...routeOptions, db: config.db });
  await app.register(import('./http/docs.js')); // the docs site at /docs (docs/dist, or how to build it)
  await app.register(import('./http/demo-site.js'), { db: config.db }); // /embed/collect.js and the demo association's pages at /demo/
  await app.register(paymentRoutes, routeOptions);
  await app.register(import('./http/payment-imports.js'), routeOptions); // bank-file payment imports and unmatched payments (issue 5 §5)
  await app.register(payoutRoutes, routeOptions);
  await app.register(agencyInvoiceRoutes, routeOptions);
  await app.register(import('./http/business-rules.js'), routeOptions); // GET/PUT /v1/creditors/:id/business-rules and debtor overrides
  await app.register(import('./http/instalment-plans.js'), routeOptions); // instalment plans: propose, agree, cancel, read (issue 5 §3)
  if (config.webhookDelivery !== false) {
    const webhookWorker = createWebhookWorker({ onError: (err) => app.log.error({ err }, 'webhook delivery round failed'), allowPrivateTargets: webhookAllowPrivateTargets, ...config.webhookDelivery, db: config.db, clock: config.clock });
    app.addHook('onReady', async () => webhookWorker.start());
    app.addHook('onClose', async () => webhookWorker.stop());
  }
  return app;
}
