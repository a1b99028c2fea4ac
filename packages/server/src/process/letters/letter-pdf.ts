import type { Address } from '@collectkit/sdk';
import type { AgencyProfile } from '../notifications/agency-profile.js';
import type { ComposedMessage } from '../notifications/compose.js';
import { newPdfDocument } from './pdf-document.js';

/** What the letter prints of a composed message: text only, so that it can be stored and rendered later. */
export type LetterMessage = Pick<ComposedMessage, 'title' | 'header' | 'greeting' | 'paragraphs' | 'specification' | 'instalments' | 'deadline' | 'contact' | 'closing'> & {
  readonly facts: Pick<ComposedMessage['facts'], 'caseNumber'>;
  readonly payment: Pick<ComposedMessage['payment'], 'referenceLabel' | 'printed' | 'account'>;
};
/** What the letter prints of the agency. */
export type LetterSender = Pick<AgencyProfile, 'name' | 'address' | 'email' | 'phone' | 'companyId'>;
type LetterAddress = Pick<Address, 'lines' | 'postalCode' | 'city' | 'country'>;

export interface LetterInput {
  readonly message: LetterMessage;
  readonly agency: LetterSender;
  readonly recipient: { readonly name: string; readonly address: LetterAddress };
  /** The PDF's creation date: the server clock's instant (pdfkit would otherwise read the system clock). */
  readonly createdAt: Date;
}

/**
 * A letter as the outbox keeps it until it is rendered (notifications.letter_data, issue 5 §9): the
 * composed text, sender, recipient and creation instant, nothing else. renderLetterPdf of it gives the
 * same bytes as of the message it was taken from, whenever it is rendered.
 */
export interface StoredLetter {
  readonly message: LetterMessage;
  readonly agency: LetterSender;
  readonly recipient: { readonly name: string; readonly address: LetterAddress };
  /** ISO 8601 instant. */
  readonly createdAt: string;
}

/** The fields of `input` the letter prints — not the catalogue's functions, not the agency's bank profile. */
export function storedLetter(input: LetterInput): StoredLetter {
  const { message: m, agency: a, recipient: r } = input;
  const address = (x: LetterAddress): LetterAddress => ({ lines: [...x.lines], postalCode: x.postalCode, city: x.city, country: x.country });
  return {
    message: {
      title: m.title,
      facts: { caseNumber: m.facts.caseNumber },
      header: m.header.map((h) => ({ label: h.label, value: h.value })),
      greeting: m.greeting,
      paragraphs: [...m.paragraphs],
      specification: {
        title: m.specification.title,
        lines: m.specification.lines.map((l) => ({ label: l.label, amount: l.amount })),
        total: { label: m.specification.total.label, amount: m.specification.total.amount },
      },
      instalments: m.instalments.map((i) => ({ label: i.label, dueOn: i.dueOn, amount: i.amount })),
      deadline: m.deadline ? { label: m.deadline.label, value: m.deadline.value } : null,
      payment: { referenceLabel: m.payment.referenceLabel, printed: m.payment.printed, account: m.payment.account.map((x) => ({ label: x.label, value: x.value })) },
      contact: m.contact,
      closing: m.closing,
    },
    agency: {
      name: a.name,
      address: address(a.address),
      email: a.email,
      ...(a.phone !== undefined ? { phone: a.phone } : {}),
      ...(a.companyId !== undefined ? { companyId: a.companyId } : {}),
    },
    recipient: { name: r.name, address: address(r.address) },
    createdAt: input.createdAt.toISOString(),
  };
}

/** Renders a stored letter (see StoredLetter). */
export function renderStoredLetter(letter: StoredLetter): Promise<Buffer> {
  return renderLetterPdf({ ...letter, createdAt: new Date(letter.createdAt) });
}

/** Points per millimetre, for A4 layout in millimetres. */
export const MM = 72 / 25.4;
/**
 * Window-envelope geometry (DIN 5008 form B, the C5/DL window used by Nordic print-and-post services):
 * the window's top-left corner is 20 mm from the left and 45 mm from the top of the page; a 5 mm
 * return-address line comes first, then up to six address lines.
 */
export const ADDRESS_WINDOW = { left: 20 * MM, top: 45 * MM, width: 85 * MM, height: 45 * MM, returnLine: 5 * MM } as const;
/** The text column of an A4 page (shared with the claim file, legal/claim-file-pdf.ts). */
export const LEFT = 20 * MM;
export const RIGHT = 190 * MM;
const INFO_LEFT = 125 * MM;
const BOTTOM = 270 * MM;

/**
 * The debtor's letter as a PDF (pdfkit, A4): the agency as sender, the address in the window, date
 * and case number, the text, the claim specification (each invoice, each fee by name, interest with
 * rate and period, the total), the deadline, and how to pay: the reference of the debtor's country
 * and the agency's account. Uses the standard Helvetica (WinAnsi), which covers the Nordic letters.
 */
export function renderLetterPdf(input: LetterInput): Promise<Buffer> {
  const { message, agency, recipient } = input;
  const doc = newPdfDocument({
    size: 'A4',
    margins: { top: 15 * MM, bottom: 15 * MM, left: LEFT, right: 595.28 - RIGHT },
    info: { Title: pdfText(`${message.title} ${message.facts.caseNumber}`), Author: pdfText(agency.name), Creator: 'Collectkit', CreationDate: input.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const t = pdfText;

  // Sender, top left.
  doc.font('Helvetica-Bold').fontSize(13).text(t(agency.name), LEFT, 15 * MM);
  doc.font('Helvetica').fontSize(9).fillColor('#444');
  doc.text(t([...agency.address.lines, `${agency.address.postalCode} ${agency.address.city}`].join(', ')));
  doc.text(t([agency.email, agency.phone, agency.companyId].filter(Boolean).join(' · ')));
  doc.fillColor('#000');

  // The window: return address, then the debtor's address block.
  doc.fontSize(7).fillColor('#444').text(
    t(`${agency.name} · ${agency.address.lines[0]} · ${agency.address.postalCode} ${agency.address.city}`),
    ADDRESS_WINDOW.left,
    ADDRESS_WINDOW.top,
    { width: ADDRESS_WINDOW.width, lineBreak: false, ellipsis: true },
  );
  doc.fillColor('#000').fontSize(11);
  const addressLines = [
    recipient.name,
    ...recipient.address.lines,
    `${recipient.address.postalCode} ${recipient.address.city}`,
    // The country line only for post abroad (UPU: the destination country last, in capitals, in English or French).
    ...(recipient.address.country !== agency.address.country ? [countryName(recipient.address.country).toUpperCase()] : []),
  ];
  doc.text(t(addressLines.join('\n')), ADDRESS_WINDOW.left, ADDRESS_WINDOW.top + ADDRESS_WINDOW.returnLine, { width: ADDRESS_WINDOW.width });

  // Case number, date, creditor beside the window.
  doc.fontSize(9);
  let infoY = ADDRESS_WINDOW.top + ADDRESS_WINDOW.returnLine;
  for (const row of message.header) {
    doc.font('Helvetica').text(t(`${row.label}:`), INFO_LEFT, infoY, { width: 25 * MM });
    doc.font('Helvetica-Bold').text(t(row.value), INFO_LEFT + 25 * MM, infoY, { width: RIGHT - INFO_LEFT - 25 * MM });
    infoY = doc.y + 2;
  }

  // Title and text.
  doc.font('Helvetica-Bold').fontSize(15).text(t(message.title), LEFT, ADDRESS_WINDOW.top + ADDRESS_WINDOW.height + 8 * MM, { width: RIGHT - LEFT });
  doc.moveDown(0.6).font('Helvetica').fontSize(10).text(t(message.greeting), { width: RIGHT - LEFT });
  for (const paragraph of message.paragraphs) doc.moveDown(0.5).text(t(paragraph), { width: RIGHT - LEFT });

  // Specification.
  doc.moveDown(1).font('Helvetica-Bold').fontSize(11).text(t(message.specification.title), LEFT);
  doc.moveDown(0.3).font('Helvetica').fontSize(9.5);
  for (const line of message.specification.lines) row(doc, line.label, line.amount);
  doc.moveTo(LEFT, doc.y + 1).lineTo(RIGHT, doc.y + 1).lineWidth(0.5).stroke();
  doc.moveDown(0.3);
  row(doc, message.specification.total.label, message.specification.total.amount, true);

  if (message.instalments.length > 0) {
    doc.moveDown(0.8);
    for (const i of message.instalments) row(doc, `${i.label} · ${i.dueOn}`, i.amount);
  }

  // How to pay.
  doc.moveDown(1);
  ensureRoom(doc, 90);
  const boxTop = doc.y;
  doc.font('Helvetica').fontSize(10);
  // The reference gets a wide column: a FIK line is 29 characters and must not break.
  const wide = 85 * MM;
  if (message.deadline) row(doc, message.deadline.label, message.deadline.value, true, 8, wide);
  row(doc, message.payment.referenceLabel, message.payment.printed, true, 8, wide);
  for (const a of message.payment.account) row(doc, a.label, a.value, false, 8, wide);
  doc.rect(LEFT, boxTop - 5, RIGHT - LEFT, doc.y - boxTop + 8).lineWidth(0.8).stroke();
  doc.y += 10;

  doc.moveDown(1).font('Helvetica').fontSize(9.5).text(t(message.contact), LEFT, doc.y, { width: RIGHT - LEFT });
  doc.moveDown(1).text(t(message.closing)).text(t(agency.name));
  doc.end();
  return done;
}

/** One specification row: label on the left, the amount right-aligned in its own column. */
export function row(doc: PDFKit.PDFDocument, label: string, value: string, bold = false, inset = 0, amountWidth = 45 * MM): void {
  ensureRoom(doc, 14);
  const y = doc.y;
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica');
  doc.text(pdfText(label), LEFT + inset, y, { width: RIGHT - LEFT - amountWidth - 4 * MM - inset });
  const afterLabel = doc.y;
  doc.text(pdfText(value), RIGHT - amountWidth - inset, y, { width: amountWidth, align: 'right' });
  doc.y = Math.max(afterLabel, doc.y) + 1.5;
  doc.x = LEFT;
}

export function ensureRoom(doc: PDFKit.PDFDocument, points: number): void {
  if (doc.y + points > BOTTOM) {
    doc.addPage();
    doc.y = 20 * MM;
  }
}

/**
 * The standard PDF fonts speak WinAnsi: Intl's narrow no-break space and minus sign are mapped to
 * their WinAnsi neighbours, anything else outside it to '?', rather than printing garbage.
 */
export function pdfText(text: string): string {
  return text
    .replace(/[\u202f\u2009]/g, '\u00a0')
    .replace(/\u2212/g, '-')
    .replace(/[^\n\u0020-\u007e\u00a0-\u00ff\u20ac\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2039\u203a\u2122]/g, '?');
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}
