/**
 * Every case event announces its case on the `collectkit_case_events` channel (store/events.ts
 * CASE_EVENTS_CHANNEL), so that each server instance on the database wakes its long-polls
 * (http/case-event-listener.ts). A trigger rather than a `pg_notify` call per append: no extra round
 * trip on the write path (case creation, the dunning scheduler's steps). Notices go out on commit
 * only, and PostgreSQL folds identical ones of one transaction into one. On PGlite nobody listens
 * across processes and the notice is dropped.
 */
export const sql = /* sql */ `
CREATE FUNCTION collectkit_notify_case_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('collectkit_case_events', NEW.case_id);
  RETURN NULL;
END
$$;
CREATE TRIGGER events_notify_case AFTER INSERT ON events
  FOR EACH ROW WHEN (NEW.case_id IS NOT NULL) EXECUTE FUNCTION collectkit_notify_case_event();
`;
