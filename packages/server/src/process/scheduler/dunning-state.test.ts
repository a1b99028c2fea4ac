import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lawFor, nextDunningAction, resolveBusinessRules } from '@collectkit/sdk';
import { deriveDunningCase, type DunningEvent } from './dunning-state.js';

describe('deriveDunningCase', () => {
  const source = (events: DunningEvent[]) =>
    ({ stage: 'collection', debtorType: 'business', currency: 'DKK', outstanding: 1_000_000, events, firstDueDate: '2026-01-15' }) as const;

  it('counts collection from the day a lapsed plan returned the case to it, so legal approval waits its full time again', () => {
    const events: DunningEvent[] = [
      { type: 'collection.started', data: { on: '2026-02-20' } },
      { type: 'instalment.missed', data: { on: '2026-06-09', instalmentDueOn: '2026-06-01' } },
    ];
    const derived = deriveDunningCase(source(events));
    assert.equal(derived.collectionStartedOn, '2026-06-09');
    const rules = resolveBusinessRules({});
    const action = nextDunningAction({ dunningCase: derived, rules, law: lawFor('DK') });
    assert.equal(action.kind, 'request_legal_approval');
    // 90 days (the default legalAfterDaysInCollection) after the return, not after 20 February.
    assert.equal('on' in action ? action.on : null, '2026-09-07');
  });

  it('without a lapse, collection counts from collection.started', () => {
    const derived = deriveDunningCase(source([{ type: 'collection.started', data: { on: '2026-02-20' } }]));
    assert.equal(derived.collectionStartedOn, '2026-02-20');
  });
});
