import type { DunningAction, DunningCase } from './next-action.js';

/**
 * The case as it stands after `action` was carried out: the pure counterpart of what the server's
 * scheduler records as events. Simulations (the demo's `simulate`, tests) walk a case with
 * nextDunningAction → advanceDunningCase until it waits.
 */
export function advanceDunningCase(c: DunningCase, action: DunningAction): DunningCase {
  switch (action.kind) {
    case 'send_reminder':
      return { ...c, stage: 'reminder', reminders: [...c.reminders, { sentOn: action.on, fee: action.fee }] };
    case 'send_notice':
      return { ...c, stage: 'notice', noticeSentOn: action.on };
    case 'start_collection':
      return { ...c, stage: 'collection', collectionStartedOn: action.on };
    case 'request_legal_approval':
      return { ...c, legalApprovalRequestedOn: action.on };
    case 'start_legal':
      return { ...c, stage: 'legal' };
    case 'surveillance_check':
      return { ...c, lastSurveillanceCheckOn: action.on };
    case 'instalment_missed':
      return { ...c, stage: 'collection', instalments: [] };
    case 'wait':
      return c;
  }
}
