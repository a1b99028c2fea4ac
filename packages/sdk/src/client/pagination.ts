/**
 * Cursor pagination. List endpoints answer `{ data: [...], nextCursor: string | null }`; a list call
 * returns a `PageList`, which is both awaitable for the first page and async-iterable over every
 * item of every page (Stripe's auto-pagination):
 *
 *     const first = await client.cases.list({ status: 'collection' });
 *     for await (const c of client.cases.list({ status: 'collection' })) { … }
 *
 * Nothing is fetched until it is awaited or iterated; pages are fetched one at a time, as consumed.
 */
import type { output } from 'zod/v4/core';
import { CollectkitApiError } from './errors.js';
import type { ResponseSchema } from './http.js';

/** The schema of one page of a list: its output is `{ data: T[], nextCursor }`. */
export type PageSchema = ResponseSchema & { _zod: { output: { data: readonly unknown[]; nextCursor: string | null } } };

/** The item type of a page schema. */
export type ItemOf<S extends PageSchema> = output<S>['data'][number];

export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

export interface PageList<T> extends PromiseLike<Page<T>>, AsyncIterable<T> {
  /** Every page in turn (the first one included). */
  pages(): AsyncIterableIterator<Page<T>>;
}

/** `fetchPage(undefined)` fetches the first page; `fetchPage(cursor)` the one after it. */
export function paginate<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): PageList<T> {
  // The first page is shared by `await` and the iterators, so awaiting then iterating costs one request.
  let first: Promise<Page<T>> | undefined;
  const firstPage = () => (first ??= fetchPage(undefined));

  async function* pages(): AsyncIterableIterator<Page<T>> {
    let page = await firstPage();
    yield page;
    const seen = new Set<string>();
    while (page.nextCursor !== null) {
      // A server that hands back a cursor it already gave would otherwise make this loop forever.
      if (seen.has(page.nextCursor)) {
        throw new CollectkitApiError({
          kind: 'invalid_response',
          status: 200,
          code: 'invalid_response',
          message: `The list handed back cursor ${page.nextCursor} twice`,
        });
      }
      seen.add(page.nextCursor);
      page = await fetchPage(page.nextCursor);
      yield page;
    }
  }

  return {
    then(onFulfilled, onRejected) {
      return firstPage().then(onFulfilled, onRejected);
    },
    pages,
    async *[Symbol.asyncIterator]() {
      for await (const page of pages()) yield* page.data;
    },
  };
}
