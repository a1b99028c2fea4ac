import { addDays, type DebtorType, type IsoDate, type LawPack } from '@collectkit/sdk';

/**
 * Which limitation events a case is due (issue 5 §6), as a pure function of its invoices, its
 * events and today: `limitation.warning` { invoice, date } once an invoice's limitation date is
 * within 90 days, `limitation.passed` { invoice, date } once it has passed. Each at most once per
 * invoice and limitation date — an acknowledgment that moves the date makes a new warning due.
 */

/** Issue 5 §6: "a warning 90 days before" — the agency's lead time, not a statutory period. */
export const LIMITATION_WARNING_DAYS = 90;

export interface LimitationEvent {
  readonly type: 'limitation.warning' | 'limitation.passed';
  readonly data: { readonly invoice: string; readonly date: IsoDate; readonly start: IsoDate; readonly on: IsoDate };
}

export interface LimitationInput {
  readonly law: LawPack;
  readonly debtorType: DebtorType;
  readonly invoices: readonly { readonly number: string; readonly due_date: IsoDate; readonly outstanding: number }[];
  readonly events: readonly { readonly type: string; readonly data: Record<string, unknown> }[];
  readonly today: IsoDate;
}

/** The latest date on which the debtor acknowledged the debt (`debt.acknowledged` { on }), or null. */
export function latestAcknowledgment(events: LimitationInput['events']): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const e of events) {
    const on = e.data.on;
    if (e.type === 'debt.acknowledged' && typeof on === 'string' && (latest === null || on > latest)) latest = on;
  }
  return latest;
}

/**
 * Where the invoice's limitation period runs from: its due date (DK forældelsesloven § 3, SE
 * preskriptionslag 2 §, NO foreldelsesloven § 2–3, FI 728/2003 — RULES.md §6, H), or the debtor's
 * later acknowledgment. RULES.md §6 says for FI that "interruption starts a new period" (H) and for
 * DK gives 10 years for acknowledgments (§ 5); it does not cite DK § 14 (acknowledgment interrupts).
 * Here every pack restarts its ORDINARY period from the acknowledgment (law.limitationDate), which for
 * DK is the shorter reading: the warning comes early, never late (M).
 */
export function limitationStart(dueDate: IsoDate, acknowledgedOn: IsoDate | null): IsoDate {
  return acknowledgedOn !== null && acknowledgedOn > dueDate ? acknowledgedOn : dueDate;
}

export function limitationEventsDue(input: LimitationInput): LimitationEvent[] {
  const { law, debtorType, today } = input;
  const acknowledgedOn = latestAcknowledgment(input.events);
  const written = new Set(
    input.events
      .filter((e) => e.type === 'limitation.warning' || e.type === 'limitation.passed')
      .map((e) => `${e.type}|${String(e.data.invoice)}|${String(e.data.date)}`),
  );
  const due: LimitationEvent[] = [];
  for (const invoice of input.invoices) {
    if (invoice.outstanding <= 0) continue; // a paid invoice cannot become time-barred
    const start = limitationStart(invoice.due_date, acknowledgedOn);
    const date = law.limitationDate(start, debtorType);
    // law.limitationDate is "the date the claim becomes time-barred": passed on that very day.
    const type = date <= today ? 'limitation.passed' : date <= addDays(today, LIMITATION_WARNING_DAYS) ? 'limitation.warning' : null;
    if (!type || written.has(`${type}|${invoice.number}|${date}`)) continue;
    written.add(`${type}|${invoice.number}|${date}`);
    due.push({ type, data: { invoice: invoice.number, date, start, on: today } });
  }
  return due;
}
