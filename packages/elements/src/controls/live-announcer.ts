import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A live region owned by an element: `announce()` makes screen readers speak a message without
 * moving focus. The region is rendered from the start (a region inserted together with its text
 * is often not read) and cleared before each message, so that the same words twice are read twice.
 *
 * ```ts
 * private readonly announcer = new LiveAnnouncer(this);
 * render() { return html`… ${this.announcer.render()}`; }
 * this.announcer.announce(t.controls.errorCount(2), 'assertive');
 * ```
 */
export class LiveAnnouncer implements ReactiveController {
  private readonly host: ReactiveControllerHost;
  private message = '';
  private politeness: 'polite' | 'assertive' = 'polite';
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    this.host = host;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.pending);
  }

  /** The text currently in the region (what was last announced). */
  get current(): string {
    return this.message;
  }

  announce(message: string, politeness: 'polite' | 'assertive' = 'polite'): void {
    clearTimeout(this.pending);
    this.message = '';
    this.politeness = politeness;
    this.host.requestUpdate();
    // After the emptied region has rendered, so that assistive technology sees a change.
    this.pending = setTimeout(() => {
      this.message = message;
      this.host.requestUpdate();
    }, 50);
  }

  render(): TemplateResult {
    return html`<div class="visually-hidden" part="live-region" aria-live=${this.politeness} aria-atomic="true">
      ${this.message}
    </div>`;
  }
}
