import { LitElement } from 'lit';
import { LocalizeController } from './localize-controller.js';

/**
 * The base of every element and control that shows text: its `localize` controller (the element's
 * `lang`, else its ancestors', else `<html lang>`), and updates held until that language's catalogue
 * is loaded — the non-English ones load on demand — so nothing flashes in English first.
 */
export class LocalizedElement extends LitElement {
  protected readonly localize = new LocalizeController(this);

  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.localize.whenLoaded(() => super.scheduleUpdate());
  }
}
