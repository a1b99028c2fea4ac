/**
 * Notifications to debtors (issue 5 §4) and what the dunning scheduler needs on a case.
 *
 * `notifications` is the outbox of every e-mail, SMS and letter: a row is written, fully rendered,
 * in the same transaction as the step that causes it, so a rolled-back step sends nothing. A
 * dispatcher then hands queued rows to the configured transport (SMTP, an SMS provider) and marks
 * them sent; with no transport for a channel they stay in the outbox, which the dev mailbox shows.
 *
 * `cases.dunning_next_on` is the day the scheduler should next look at a case (NULL: as soon as
 * possible), so that a wake-up reads only due cases through a partial index instead of every case.
 */
export const sql = /* sql */ `
CREATE TABLE notifications (
  id              bigserial PRIMARY KEY,
  association_id  uuid NOT NULL REFERENCES associations (id),
  case_id         text REFERENCES cases (id),
  kind            text NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('email', 'sms', 'letter')),
  language        text NOT NULL,
  -- e-mail address, phone number, or the postal address block of a letter
  recipient       text NOT NULL,
  subject         text,
  text_body       text NOT NULL,
  html_body       text,
  -- the letter (attached to e-mails too)
  letter_pdf      bytea,
  -- SMS: how it was measured (e.g. 2 GSM-7 parts)
  note            text,
  -- one notification per step and channel, even if a step were retried
  dedupe_key      text,
  status          text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_error      text,
  provider_id     text,
  created_at      timestamptz NOT NULL,
  sent_at         timestamptz,
  UNIQUE (association_id, dedupe_key)
);
CREATE INDEX notifications_case ON notifications (association_id, case_id, id);
CREATE INDEX notifications_queued ON notifications (channel, next_attempt_at) WHERE status = 'queued';

ALTER TABLE cases ADD COLUMN dunning_next_on date;
CREATE INDEX cases_dunning_due ON cases (dunning_next_on NULLS FIRST)
  WHERE stage IN ('submitted', 'reminder', 'notice', 'collection', 'instalment_plan', 'legal', 'surveillance');
`;
