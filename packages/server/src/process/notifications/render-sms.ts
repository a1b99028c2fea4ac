import type { ComposedMessage } from './compose.js';

/**
 * GSM 03.38: the 7-bit default alphabet and its extension table (each extension character costs two
 * septets). Danish, Norwegian, Swedish and Finnish letters (æøå ÆØÅ äö ÄÖ) are all in the default
 * alphabet; the euro sign is in the extension table.
 */
const GSM7_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';

export interface RenderedSms {
  readonly text: string;
  /** gsm7 when every character is in the GSM 7-bit alphabet, else ucs2 (70 characters per SMS). */
  readonly encoding: 'gsm7' | 'ucs2';
  /** Septets for gsm7, UTF-16 code units for ucs2. */
  readonly length: number;
  /** Messages a phone receives: 1 up to 160 septets (70 ucs2), else concatenated parts of 153 (67). */
  readonly segments: number;
  /** Set when the text does not fit one SMS, saying why, for the outbox and the dev mailbox. */
  readonly note: string | null;
}

/** Intl writes no-break and narrow spaces and a real minus sign; an SMS carries plain ones. */
export function toSmsText(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ').replace(/\u2212/g, '-').replace(/[\u2013\u2014]/g, '-');
}

export function measureSms(text: string): Omit<RenderedSms, 'text' | 'note'> {
  let septets = 0;
  for (const c of text) {
    if (GSM7_BASIC.includes(c)) septets += 1;
    else if (GSM7_EXTENSION.includes(c)) septets += 2;
    else {
      const length = text.length;
      return { encoding: 'ucs2', length, segments: length <= 70 ? 1 : Math.ceil(length / 67) };
    }
  }
  return { encoding: 'gsm7', length: septets, segments: septets <= 160 ? 1 : Math.ceil(septets / 153) };
}

export function renderSms(message: ComposedMessage): RenderedSms {
  const text = toSmsText(message.sms);
  const measured = measureSms(text);
  const note =
    measured.segments === 1
      ? null
      : measured.encoding === 'ucs2'
        ? `not GSM-7 (a character outside the alphabet), ${measured.length} UCS-2 characters in ${measured.segments} parts`
        : `${measured.length} GSM-7 characters: sent as ${measured.segments} concatenated parts`;
  return { text, ...measured, note };
}
