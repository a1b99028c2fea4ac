/**
 * The stages a case goes through (DESIGN.md §4):
 *
 * draft ─► submitted ─► reminder ─► notice ─► collection ─┬─► paid ─► paid_out ─► closed
 *                                                          ├─► instalment_plan ─► paid …
 *                                                          ├─► disputed ─► (operator decides)
 *                                                          ├─► legal ─► surveillance
 *                                                          └─► withdrawn / written_off
 */
export const CASE_STAGES = [
  'draft',
  'submitted',
  'reminder',
  'notice',
  'collection',
  'instalment_plan',
  'disputed',
  'legal',
  'surveillance',
  'paid',
  'paid_out',
  'closed',
  'withdrawn',
  'written_off',
] as const;

export type CaseStage = (typeof CASE_STAGES)[number];

/** Stages in which nothing more is done to the debtor. */
export const FINAL_STAGES: readonly CaseStage[] = ['paid', 'paid_out', 'closed', 'withdrawn', 'written_off'];

const ACTIVE: readonly CaseStage[] = ['submitted', 'reminder', 'notice', 'collection', 'instalment_plan', 'legal', 'surveillance'];

/**
 * Which stage may follow which. The scheduler and operators change stages only along these
 * arrows; a dispute can be raised from any active stage and resolved back into one.
 */
export const STAGE_TRANSITIONS: Readonly<Record<CaseStage, readonly CaseStage[]>> = {
  draft: ['submitted', 'withdrawn'],
  submitted: ['reminder', 'notice', 'collection', 'disputed', 'paid', 'withdrawn', 'written_off'],
  reminder: ['reminder', 'notice', 'collection', 'disputed', 'instalment_plan', 'paid', 'withdrawn', 'written_off'],
  notice: ['collection', 'disputed', 'instalment_plan', 'paid', 'withdrawn', 'written_off'],
  collection: ['instalment_plan', 'disputed', 'legal', 'paid', 'withdrawn', 'written_off'],
  instalment_plan: ['collection', 'disputed', 'paid', 'withdrawn', 'written_off'],
  disputed: [...ACTIVE, 'paid', 'withdrawn', 'written_off'],
  legal: ['surveillance', 'instalment_plan', 'disputed', 'paid', 'withdrawn', 'written_off'],
  surveillance: ['legal', 'instalment_plan', 'paid', 'written_off', 'withdrawn'],
  paid: ['paid_out', 'closed'],
  paid_out: ['closed'],
  closed: [],
  withdrawn: ['closed'],
  written_off: ['closed'],
};

export function canTransition(from: CaseStage, to: CaseStage): boolean {
  return STAGE_TRANSITIONS[from].includes(to);
}

export function isFinalStage(stage: CaseStage): boolean {
  return FINAL_STAGES.includes(stage);
}
