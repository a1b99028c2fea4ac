import type { ResponseSchema } from '@collectkit/sdk';

/**
 * Small hand-written checks of the API's answers, in place of zod/mini (which cost the embed bundle
 * ~8 KB gzipped for the few response shapes the elements read). Each check has zod's `safeParse`
 * contract, so the sdk's core client takes it as a response schema (`schema(check)`): it answers
 * `{ success: true, data }` with a copy holding only the keys the check knows (as zod's objects
 * strip unknown keys), or `{ success: false, error: { issues } }` naming the first wrong path.
 * Types come with the checks (`Infer<typeof X>`), so the copies can be compared with the contract's
 * types at compile time. No `eval`, nothing at module level but plain objects: fine under a strict CSP.
 */

type Path = (string | number)[];

/** Returns the checked value, or throws a `Refusal` naming where the answer is not as promised. */
export interface Check<T> {
  readonly run: (value: unknown, path: Path) => T;
  readonly optional?: true;
}

export type Infer<C> = C extends Check<infer T> ? T : never;

class Refusal {
  constructor(
    readonly path: Path,
    readonly message: string,
  ) {}
}

const refuse = (path: Path, expected: string): never => {
  throw new Refusal(path, `expected ${expected}`);
};

const check = <T>(run: (value: unknown, path: Path) => T): Check<T> => ({ run });

export const string = (): Check<string> => check((v, p) => (typeof v === 'string' ? v : refuse(p, 'a string')));
export const boolean = (): Check<boolean> => check((v, p) => (typeof v === 'boolean' ? v : refuse(p, 'a boolean')));
export const int = (): Check<number> => check((v, p) => (Number.isSafeInteger(v) ? (v as number) : refuse(p, 'an integer')));
export const unknown = (): Check<unknown> => check((v) => v);

export const literal = <const L extends string>(value: L): Check<L> => check((v, p) => (v === value ? value : refuse(p, JSON.stringify(value))));

export const oneOf = <const L extends string>(values: readonly L[]): Check<L> =>
  check((v, p) => (values.includes(v as L) ? (v as L) : refuse(p, `one of ${values.join(', ')}`)));

export const nullable = <T>(inner: Check<T>): Check<T | null> => check((v, p) => (v === null ? null : inner.run(v, p)));

/** A key that may be missing (in an `object`); `undefined` is accepted as missing. */
export const optional = <T>(inner: Check<T>): Check<T | undefined> & { readonly optional: true } => ({
  run: (v, p) => (v === undefined ? undefined : inner.run(v, p)),
  optional: true,
});

export const array = <T>(item: Check<T>): Check<T[]> =>
  check((v, p) => (Array.isArray(v) ? v.map((x, i) => item.run(x, [...p, i])) : refuse(p, 'an array')));

/** An object with string keys, every value checked by `value`. */
export const record = <T>(value: Check<T>): Check<Record<string, T>> =>
  check((v, p) => {
    if (!isObject(v)) return refuse(p, 'an object');
    const out: Record<string, T> = {};
    for (const [k, x] of Object.entries(v)) out[k] = value.run(x, [...p, k]);
    return out;
  });

type Shape = Record<string, Check<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in Exclude<keyof S, OptionalKeys<S>>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ObjectCheck<S extends Shape> extends Check<ObjectOf<S>> {
  readonly shape: S;
}

export const object = <S extends Shape>(shape: S): ObjectCheck<S> => ({
  shape,
  run: (v, p) => {
    if (!isObject(v)) return refuse(p, 'an object');
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(shape)) {
      const value = inner.run(v[key], [...p, key]);
      if (value !== undefined || !inner.optional) out[key] = value;
    }
    return out as ObjectOf<S>;
  },
});

export const extend = <S extends Shape, E extends Shape>(base: ObjectCheck<S>, more: E): ObjectCheck<S & E> => object({ ...base.shape, ...more });

/** One of several object shapes, told apart by the string at `key`. */
export const discriminatedUnion = <C extends ObjectCheck<Shape>>(key: string, options: readonly C[]): Check<Infer<C>> =>
  check((v, p) => {
    const tag = isObject(v) ? v[key] : undefined;
    const match = options.find((o) => {
      const want = o.shape[key];
      try {
        return want !== undefined && want.run(tag, []) === tag;
      } catch {
        return false;
      }
    });
    return match ? (match.run(v, p) as Infer<C>) : refuse([...p, key], 'a known type');
  });

/** zod's `safeParse` contract, for a response of the core client or a body read by hand. */
export function safeParse<T>(c: Check<T>, value: unknown): { success: true; data: T } | { success: false; error: { issues: { path: Path; message: string }[] } } {
  try {
    return { success: true, data: c.run(value, []) };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    return { success: false, error: { issues: [{ path: error.path, message: error.message }] } };
  }
}

/** A check as the sdk core client's response schema (it calls `safeParse` and nothing else). */
export const schema = <T>(c: Check<T>): ResponseSchema & { _zod: { output: T } } =>
  ({ safeParse: (value: unknown) => safeParse(c, value) }) as unknown as ResponseSchema & { _zod: { output: T } };
