import { addDays, addYears, type DebtorType, type IsoDate, type LawPack } from '@collectkit/sdk';

/**
 * Which limitation events a case is due (issue 5 §6), as a pure function of its invoices, its
 * events and today: `limitation.warning` { invoice, date } once an invoice's limitation date is
 * within 90 days, `limitation.passed` { invoice, date } once it has passed. Each at most once per
 * invoice and limitation date — an interruption (acknowledgment, filing, judgment) that moves the date
 * makes a new warning due.
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

/**
 * The events that interrupt limitation (issue 5 §6: "events that interrupt it (acknowledgment, legal
 * step) move it"): the debtor's acknowledgment (`debt.acknowledged`), the legal step's filing
 * (`legal.started`, written when the claim file goes to the court or Kronofogden) and the judgment
 * or enforceable decision an operator records (`legal.judgment`). RULES.md §6 says for FI that
 * "interruption starts a new period" (H); it names no interrupting act for DK, SE or NO, so the
 * filing as an interruption rests on issue 5 §6 (M).
 */
export const INTERRUPTING_EVENTS = ['debt.acknowledged', 'legal.started', 'legal.judgment'] as const;

/** The latest date of an interrupting event, or null. */
export function latestInterruption(events: LimitationInput['events']): IsoDate | null {
  return latestOn(events, INTERRUPTING_EVENTS);
}

/** The latest judgment or enforceable decision (`legal.judgment` { on }), or null. */
export function latestJudgment(events: LimitationInput['events']): IsoDate | null {
  return latestOn(events, ['legal.judgment']);
}

function latestOn(events: LimitationInput['events'], types: readonly string[]): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const e of events) {
    const on = e.data.on;
    if (types.includes(e.type) && typeof on === 'string' && (latest === null || on > latest)) latest = on;
  }
  return latest;
}

/**
 * Where the invoice's limitation period runs from: its due date (DK forældelsesloven § 3, SE
 * preskriptionslag 2 §, NO foreldelsesloven § 2–3, FI 728/2003 — RULES.md §6, H), or the latest
 * later interruption (acknowledgment, filing, judgment). RULES.md §6 gives DK 10 years for
 * acknowledgments (§ 5) but does not cite DK § 14 (acknowledgment interrupts). Here every pack
 * restarts its ORDINARY period from the interruption (law.limitationDate), which for DK is the
 * shorter reading: the warning comes early, never late (M).
 */
export function limitationStart(dueDate: IsoDate, interruptedOn: IsoDate | null): IsoDate {
  return interruptedOn !== null && interruptedOn > dueDate ? interruptedOn : dueDate;
}

/**
 * The period a judgment starts, where RULES.md §6 confirms a longer one for judgments: only DK
 * (forældelsesloven § 5: 10 years for "debt instruments, acknowledgments, settlements, judgments", H),
 * taken from the pack's instrumentYears in force on the judgment's day. SE, NO and FI: RULES.md §6
 * confirms no judgment period (SE's and NO's instrumentYears are given for debt instruments only, FI's
 * is null), so the ORDINARY period restarts from the judgment (limitationStart): the earlier, safe
 * date — warnings come early, never late (M). Null where no longer period applies.
 */
export function judgmentLimitationDate(law: LawPack, judgmentOn: IsoDate): IsoDate | null {
  if (law.country !== 'DK') return null;
  const inForce = law.tables.limitation.filter((entry) => entry.validFrom <= judgmentOn).sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1)).at(-1);
  const years = inForce?.value.instrumentYears ?? null;
  return years === null ? null : addYears(judgmentOn, years);
}

/**
 * The date the invoice becomes time-barred: the ordinary period from its start (due date or latest
 * interruption), or the judgment's longer period where that ends later. Each is a period that
 * really runs (or a shorter reading of one), so the later of them is still never past the true date.
 */
export function invoiceLimitationDate(law: LawPack, debtorType: DebtorType, dueDate: IsoDate, events: LimitationInput['events']): { start: IsoDate; date: IsoDate } {
  const start = limitationStart(dueDate, latestInterruption(events));
  const ordinary = { start, date: law.limitationDate(start, debtorType) };
  const judgmentOn = latestJudgment(events);
  const byJudgment = judgmentOn !== null && judgmentOn > dueDate ? judgmentLimitationDate(law, judgmentOn) : null;
  return byJudgment !== null && byJudgment > ordinary.date ? { start: judgmentOn!, date: byJudgment } : ordinary;
}

export function limitationEventsDue(input: LimitationInput): LimitationEvent[] {
  const { law, debtorType, today } = input;
  const written = new Set(
    input.events
      .filter((e) => e.type === 'limitation.warning' || e.type === 'limitation.passed')
      .map((e) => `${e.type}|${String(e.data.invoice)}|${String(e.data.date)}`),
  );
  const due: LimitationEvent[] = [];
  for (const invoice of input.invoices) {
    if (invoice.outstanding <= 0) continue; // a paid invoice cannot become time-barred
    const { start, date } = invoiceLimitationDate(law, debtorType, invoice.due_date, input.events);
    // law.limitationDate is "the date the claim becomes time-barred": passed on that very day.
    const type = date <= today ? 'limitation.passed' : date <= addDays(today, LIMITATION_WARNING_DAYS) ? 'limitation.warning' : null;
    if (!type || written.has(`${type}|${invoice.number}|${date}`)) continue;
    written.add(`${type}|${invoice.number}|${date}`);
    due.push({ type, data: { invoice: invoice.number, date, start, on: today } });
  }
  return due;
}
