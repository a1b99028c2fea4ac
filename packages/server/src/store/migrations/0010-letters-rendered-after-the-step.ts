/**
 * Letters are rendered after the step that queues them, not inside its transaction (issue 5 §9).
 *
 * A step now writes the letter's composed text (`letter_data`: message, sender, recipient, creation
 * instant) with the outbox row; the PDF is rendered from it by the notification dispatcher before
 * sending, or when the letter is first read (the dev mailbox), and stored in `letter_pdf` once. The
 * dunning scheduler then holds its case locks for the decision and the writes only, not for a PDF
 * per letter. Rows queued before this migration keep their rendered PDF and no data.
 */
export const sql = /* sql */ `
ALTER TABLE notifications ADD COLUMN letter_data jsonb;
CREATE INDEX notifications_letters_to_render ON notifications (id) WHERE letter_pdf IS NULL AND letter_data IS NOT NULL;
`;
