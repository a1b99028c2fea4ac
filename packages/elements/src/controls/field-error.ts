import { html, nothing, type TemplateResult } from 'lit';

/**
 * The error text under a field. The input points at it with `aria-describedby` (see
 * {@link describedBy}) and sets `aria-invalid`, so the message is read when the field gets focus;
 * announcing it at the moment it appears is the job of the element's live region.
 */
export function fieldError(id: string, message: string | null | undefined): TemplateResult | typeof nothing {
  return message ? html`<p id=${id} class="field-error" part="field-error">${message}</p>` : nothing;
}

/** The `aria-describedby` value for a field with an optional hint and an optional error. */
export function describedBy(...ids: (string | false | null | undefined)[]): string | typeof nothing {
  const list = ids.filter((id): id is string => typeof id === 'string' && id.length > 0);
  return list.length > 0 ? list.join(' ') : nothing;
}
