import type { Database, Queryable } from '../../store/database.js';
import { lettersToRender, notificationLetter, storeLetterPdf } from '../notifications/notification-outbox.js';
import { renderStoredLetter, type StoredLetter } from './letter-pdf.js';

/**
 * Letters are rendered after the step that queued them (issue 5 §9): the step's transaction stores
 * the composed letter (notifications.letter_data) and holds its case locks only for that; the PDF
 * is rendered here, by the notification dispatcher before it sends (renderQueuedLetters, and
 * letterPdfFor for a row it has claimed) or when someone first reads it (letterPdfOf: the dev
 * mailbox), and stored once. Rendering is deterministic (the creation date is the stored instant),
 * so a letter rendered twice by two readers at once is the same bytes either way.
 */

/** Renders a stored letter and keeps the PDF on the notification. */
async function renderAndStore(db: Queryable, ids: readonly string[], data: string): Promise<Buffer> {
  const pdf = await renderStoredLetter(JSON.parse(data) as StoredLetter);
  await storeLetterPdf(db, ids, pdf);
  return pdf;
}

/** A notification's letter PDF, rendered and stored now if it was not yet; undefined when it has no letter. */
export async function letterPdfOf(db: Queryable, id: string): Promise<Uint8Array | undefined> {
  const letter = await notificationLetter(db, id);
  if (!letter) return undefined;
  return letter.pdf ?? renderAndStore(db, [id], letter.data!);
}

/** The letter of a claimed notification (its `letter_pdf`, or rendered now from its `letter_data`). */
export async function letterPdfFor(db: Queryable, n: { id: string; letter_pdf: Uint8Array | null; letter_data: string | null }): Promise<Uint8Array | null> {
  if (n.letter_pdf) return n.letter_pdf;
  return n.letter_data === null ? null : renderAndStore(db, [n.id], n.letter_data);
}

/**
 * Renders every letter queued and not rendered yet, `batchSize` rows per transaction, which locks
 * only those outbox rows (never a case). The e-mail and the letter of one step carry the same
 * letter: it is rendered once for both. A letter that cannot be rendered is reported to `onError`
 * and left for the next round (and for its e-mail's own attempt, which fails and is retried).
 */
export async function renderQueuedLetters(
  db: Database,
  options: { batchSize?: number; onError?: (error: unknown, notificationIds: readonly string[]) => void } = {},
): Promise<{ notifications: number; rendered: number; failed: number }> {
  const batchSize = options.batchSize ?? 50;
  const done = { notifications: 0, rendered: 0, failed: 0 };
  for (;;) {
    const { claimed, rendered } = await db.transaction(async (tx) => {
      const rows = await lettersToRender(tx, batchSize);
      const same = new Map<string, string[]>();
      for (const row of rows) {
        const ids = same.get(row.letter_data);
        if (ids) ids.push(row.id);
        else same.set(row.letter_data, [row.id]);
      }
      let rendered = 0;
      for (const [data, ids] of same) {
        let pdf: Buffer;
        try {
          pdf = await renderStoredLetter(JSON.parse(data) as StoredLetter);
        } catch (error) {
          done.failed += ids.length;
          options.onError?.(error, ids);
          continue;
        }
        await storeLetterPdf(tx, ids, pdf);
        done.notifications += ids.length;
        rendered += 1;
      }
      done.rendered += rendered;
      return { claimed: rows.length, rendered };
    });
    // Short: nothing is left that another dispatcher does not hold. Nothing rendered: only broken letters are left.
    if (claimed < batchSize || rendered === 0) return done;
  }
}
