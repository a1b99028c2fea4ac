import { mod97, weightedSum } from './check-digits.js';
import { compact } from './spelling.js';

/**
 * IBAN (ISO 13616-1): country code, two check digits 02–98, then the country's BBAN. Valid when the
 * country is in the SWIFT IBAN registry, the BBAN has the registry's length and structure, and ISO 7064
 * mod 97-10 of BBAN + country + check digits is 1. Norway's BBAN also carries its own mod 11 digit.
 *
 * BBAN structure per country from the SWIFT IBAN registry (ISO 13616 registration authority), written as
 * runs of `<count><kind>`: n = digits, a = upper-case letters, c = letters or digits. The IBAN length is
 * 4 + the sum of the counts (DK '14n' = 18 characters, GB '4a14n' = 22, FR '10n11c2n' = 27). Transcribed
 * from the registry data as ibantools 4.5.4 carried it; a country the registry adds later must be added here.
 */
const BBAN_STRUCTURE: Readonly<Record<string, string>> = {
  AD: '8n12c', AE: '19n', AL: '8n16c', AT: '16n', AX: '14n', AZ: '4a20c', BA: '16n', BE: '12n', BG: '4a6n8c',
  BH: '4a14c', BR: '23n1a1c', BY: '4a4n16c', CH: '5n12c', CR: '18n', CY: '8n16c', CZ: '20n', DE: '18n',
  DK: '14n', DO: '4a20n', EE: '16n', EG: '25n', ES: '20n', FI: '14n', FO: '14n', FR: '10n11c2n', GB: '4a14n',
  GE: '2c16n', GF: '10n11c2n', GI: '4a15c', GL: '14n', GP: '10n11c2n', GR: '7n16c', GT: '24c', HR: '17n',
  HU: '24n', IE: '4c14n', IL: '19n', IQ: '4a15n', IS: '22n', IT: '1a10n12c', JO: '4a4n18c', KW: '4a22c',
  KZ: '3n13c', LB: '4n20c', LC: '4a24c', LI: '5n12c', LT: '16n', LU: '3n13c', LV: '4a13c', LY: '21n',
  MC: '10n11c2n', MD: '20c', ME: '18n', MF: '10n11c2n', MK: '3n10c2n', MN: '16n', MQ: '10n11c2n', MR: '23n',
  MT: '4a5n18c', MU: '4a19n3a', NC: '10n11c2n', NI: '4a20n', NL: '4a10n', NO: '11n', OM: '3n16c',
  PF: '10n11c2n', PK: '4c16n', PL: '24n', PM: '10n11c2n', PS: '4c21n', PT: '21n', QA: '4a21c', RE: '10n11c2n',
  RO: '4a16c', RS: '18n', RU: '14n15c', SA: '2n18c', SC: '4a20n3a', SD: '14n', SE: '20n', SI: '15n', SK: '20n',
  SM: '1a10n12c', SO: '19n', ST: '21n', SV: '4a20n', TF: '10n11c2n', TL: '19n', TN: '20n', TR: '5n17c',
  UA: '6n19c', VA: '18n', VG: '4c16n', WF: '10n11c2n', XK: '16n', YE: '4a4n18c', YT: '10n11c2n',
};

const KIND = { n: '[0-9]', a: '[A-Z]', c: '[0-9A-Z]' } as const;

/** True when `bban` has the registry structure `structure` (e.g. '4a14n'): length and kind of every position. */
function hasStructure(bban: string, structure: string): boolean {
  const pattern = structure.replace(/(\d+)([nac])/g, (_, count: string, kind: keyof typeof KIND) => `${KIND[kind]}{${count}}`);
  return new RegExp(`^${pattern}$`).test(bban);
}

/**
 * Norwegian kontonummer: 11 digits, the last a mod 11 check digit with weights 5,4,3,2,7,6,5,4,3,2
 * (remainder 0 gives 0; a remainder of 1 has no check digit, so no valid account ends that way).
 */
function isValidNorwegianBban(bban: string): boolean {
  const remainder = weightedSum(bban.slice(0, 10), [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]) % 11;
  return (remainder === 0 ? 0 : 11 - remainder) === bban.charCodeAt(10) - 48;
}

/** The IBAN in electronic form (upper case, no spaces, no "IBAN" label), or null if it is not a valid IBAN. */
export function normalizeIban(value: unknown): string | null {
  let iban = compact(value);
  if (iban?.startsWith('IBAN')) iban = iban.slice(4);
  if (!iban) return null;
  const country = iban.slice(0, 2);
  // `country` is two upper-case characters, which no Object.prototype key is.
  const structure = BBAN_STRUCTURE[country];
  const check = iban.slice(2, 4);
  const bban = iban.slice(4);
  const valid =
    structure !== undefined &&
    /^\d\d$/.test(check) &&
    check >= '02' &&
    check <= '98' &&
    hasStructure(bban, structure) &&
    // ISO 13616-1: move the first four characters to the end; mod 97 of the result read with A=10 … Z=35 is 1.
    mod97(bban + country + check) === 1 &&
    (country !== 'NO' || isValidNorwegianBban(bban));
  return valid ? iban : null;
}

export function isValidIban(value: unknown): boolean {
  return normalizeIban(value) !== null;
}
