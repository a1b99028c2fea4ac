/**
 * Registers custom elements without ever throwing. Two plugins on one WordPress page may each load
 * the bundle: the second copy finds the tags taken, warns once per tag and carries on, and the page
 * keeps working with the first copy. Safe to import where there is no `window` or `customElements`
 * (server rendering, workers): it then does nothing.
 */

/** A custom element class that may declare the elements its shadow DOM uses (Shoelace's `dependencies`). */
export type ElementClass = CustomElementConstructor & {
  readonly dependencies?: Readonly<Record<string, CustomElementConstructor>>;
};

const warnedTags = new Set<string>();

/**
 * Defines `tag` as `elementClass`, first defining its dependencies the same way.
 * Returns true if this call registered the tag, false if it was taken (or there is no registry).
 */
export function defineElement(tag: string, elementClass: ElementClass): boolean {
  const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
  if (!registry) return false;
  for (const [dependencyTag, dependency] of Object.entries(elementClass.dependencies ?? {})) {
    defineElement(dependencyTag, dependency);
  }
  const owner = registry.get(tag);
  if (owner === undefined) {
    try {
      registry.define(tag, elementClass);
      return true;
    } catch (error) {
      // The same class under another tag, or an invalid name: still never break the host page.
      warnOnce(tag, `could not register <${tag}>: ${(error as Error).message}`);
      return false;
    }
  }
  if (owner !== elementClass) {
    warnOnce(
      tag,
      `<${tag}> is already defined by another copy of @collectkit/elements (loaded twice?); this copy is not used for it.`,
    );
  }
  return false;
}

function warnOnce(tag: string, message: string): void {
  if (warnedTags.has(tag)) return;
  warnedTags.add(tag);
  console.warn(`[collectkit] ${message}`);
}
