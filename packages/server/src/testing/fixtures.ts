/**
 * A valid enrolment of a Danish garage. CVR 13748136 passes the modulus-11 check of RULES.md §8
 * (weights 2,7,6,5,4,3,2,1: 2+21+42+20+32+3+6+6 = 132 = 12 × 11); DK5000400440116243 is the IBAN
 * example Danish banks publish (mod 97 = 1).
 */
export function validEnrolment(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    company: { name: 'Jensens Autoværksted ApS', country: 'DK', nationalId: '13748136' },
    address: { lines: ['Værkstedsvej 12'], postalCode: '8000', city: 'Aarhus C', country: 'DK' },
    contact: { name: 'Mette Jensen', email: `mette+${Math.random().toString(36).slice(2, 10)}@jensens-auto.example`, phone: '+45 12 34 56 78' },
    payoutAccount: { kind: 'iban', iban: 'DK50 0040 0440 1162 43' },
    accountingSystem: 'e-conomic',
    membershipNumber: 'DAF-10452',
    consents: { terms: true, dataProcessing: true },
    ...overrides,
  };
}

export const STRONG_PASSWORD = 'korrekt hest batteri hæfteklamme';
