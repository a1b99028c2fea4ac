/**
 * How people write identifiers in forms: grouped with spaces, dashes or dots, copied from a
 * document with a no-break space or an en dash, in lower case, with a country prefix. Each
 * identifier strips these the same way, then checks what is left strictly.
 */

const SEPARATORS = /[\s.\-\u2010-\u2015]/g;

/** `value` upper-cased and without separators; null for anything but a string. */
export function compact(value: unknown): string | null {
  return typeof value === 'string' ? value.replace(SEPARATORS, '').toUpperCase() : null;
}

/**
 * The digits of `value` once separators and an optional `prefix` (a country code) and `suffix`
 * (the Norwegian "MVA") are removed; null unless only digits remain.
 */
export function digitsOf(value: unknown, prefix = '', suffix = ''): string | null {
  let rest = compact(value);
  if (rest === null) return null;
  if (prefix && rest.startsWith(prefix)) rest = rest.slice(prefix.length);
  if (suffix && rest.endsWith(suffix)) rest = rest.slice(0, -suffix.length);
  return /^\d+$/.test(rest) ? rest : null;
}

/** A short, safe description of a bad input for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return value === null ? 'null' : typeof value;
}
