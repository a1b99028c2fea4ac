import type { FastifyInstance } from 'fastify';
import type { Database } from '../store/database.js';
import { CASE_EVENTS_CHANNEL } from '../store/events.js';
import { caseEventNotifier } from './case-event-notifier.js';

export interface CaseEventListenerOptions {
  /** The fallback check's period while LISTEN is up (default LISTENING_FALLBACK_POLL_MS). */
  listeningFallbackPollMs?: number;
}

/**
 * On PostgreSQL: this instance's ONE LISTEN connection for case events (`appendEvent` NOTIFYs the
 * case id on commit, whichever instance or process wrote it) wakes the local long-polls of those
 * cases. Closed with the app. On PGlite (one process) the in-process wake-ups are all there is.
 */
export function listenForCaseEvents(app: FastifyInstance, db: Database, options: CaseEventListenerOptions = {}): void {
  if (!db.listen) return;
  const notifier = caseEventNotifier(app.server);
  if (options.listeningFallbackPollMs !== undefined) notifier.setListeningPollMs(options.listeningFallbackPollMs);
  const listener = db.listen(CASE_EVENTS_CHANNEL, {
    onNotify: (caseId) => notifier.notify(caseId),
    onState: (up) => notifier.setListening(up),
  });
  app.addHook('onClose', async () => {
    await listener.close();
    notifier.setListening(false);
  });
}
