/**
 * The plain tags in React 19's JSX, for apps that write `<collect-quote>` directly instead of the
 * wrapper components: attributes as in HTML and `oncollect-…` handlers (React 19 adds a listener
 * for the event named after `on` on a custom element).
 *
 * ```tsx
 * <collect-quote lang="da" plan="member" oncollect-quote={(e) => setNet(e.detail.expectedNet)} />
 * ```
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CollectkitElementAttributes, CollectkitEventHandlerProps, CollectkitTag } from '@collectkit/elements';

/** A tag's React props: React's own (ref, key, className, style, …), its attributes and its event handlers. */
export type CollectkitReactIntrinsicProps<Tag extends CollectkitTag> = DetailedHTMLProps<HTMLAttributes<HTMLElementTagNameMap[Tag]>, HTMLElementTagNameMap[Tag]> &
  CollectkitElementAttributes[Tag] &
  CollectkitEventHandlerProps<Tag>;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'collect-quote': CollectkitReactIntrinsicProps<'collect-quote'>;
      'collect-enrol': CollectkitReactIntrinsicProps<'collect-enrol'>;
      'collect-case': CollectkitReactIntrinsicProps<'collect-case'>;
      'collect-status': CollectkitReactIntrinsicProps<'collect-status'>;
    }
  }
}
