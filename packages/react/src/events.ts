import type { EventName } from '@lit/react';
import type {
  CaseSubmitDetail,
  CollectChangeDetail,
  CollectErrorDetail,
  CollectQuote,
  CollectQuoteDetail,
  CollectReadyDetail,
  CollectSubmitDetail,
  quoteRequestFrom,
} from '@collectkit/elements';

/** The sdk's quote and the request it was computed from, as <collect-quote> sends them. */
export type QuoteEventDetail = CollectQuoteDetail<ReturnType<typeof quoteRequestFrom>, NonNullable<CollectQuote['quote']>>;

/**
 * The React prop for each Collectkit event. @lit/react adds a listener for the event named on the
 * right when the prop is set; the EventName brand gives the handler the event's type.
 */
export const readyEvent = { onCollectReady: 'collect-ready' as EventName<CustomEvent<CollectReadyDetail>> };
export const changeEvent = { onCollectChange: 'collect-change' as EventName<CustomEvent<CollectChangeDetail>> };
export const errorEvent = { onCollectError: 'collect-error' as EventName<CustomEvent<CollectErrorDetail>> };
export const submitEvent = { onCollectSubmit: 'collect-submit' as EventName<CustomEvent<CollectSubmitDetail>> };
export const caseSubmitEvent = { onCollectSubmit: 'collect-submit' as EventName<CustomEvent<CaseSubmitDetail>> };
export const quoteEvent = { onCollectQuote: 'collect-quote' as EventName<CustomEvent<QuoteEventDetail>> };
export const caseQuoteEvent = { onCollectQuote: 'collect-quote' as EventName<CustomEvent<CollectQuoteDetail>> };
