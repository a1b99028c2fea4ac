import PDFDocument from 'pdfkit';
import { formatMoney, type IsoDate, type Money, type QuoteLine } from '@collectkit/sdk';

export interface AgencyInvoicePdfInput {
  /** The agency as the association presents it. */
  agency: { name: string };
  creditor: { name: string; nationalId: string; country: string; addressLines: string[] };
  number: string;
  issuedOn: IsoDate;
  caseNumber: string;
  debtorName: string;
  /** Commission, discount and VAT lines of the payout statement. */
  lines: readonly QuoteLine[];
  vat: Money;
  total: Money;
  deductedFromPayout: Money;
  dueFromCreditor: Money;
  /** What the payout settled: collected, kept, paid to the creditor. */
  payout: { collected: Money; keptByAgency: Money; paidToCreditor: Money };
  createdAt: Date;
}

const LOCALE_OF_COUNTRY: Readonly<Record<string, string>> = { DK: 'da-DK', SE: 'sv-SE', NO: 'nb-NO', FI: 'fi-FI' };

function label(line: QuoteLine): string {
  const rate = line.percent !== undefined ? ` (${line.percent} %)` : '';
  switch (line.code) {
    case 'commission':
      return `Success fee on collected principal${rate}`;
    case 'discount':
      return `Member discount${rate}`;
    case 'vat':
      return `VAT${rate}`;
    default:
      return `${line.code.replace(/_/g, ' ')}${rate}`;
  }
}

/**
 * The agency's invoice to the creditor for its fees on one payout, with pdfkit: agency, creditor,
 * the fee lines, VAT, the total, and how it is settled (set off against the payout, or due).
 */
export function renderAgencyInvoicePdf(input: AgencyInvoicePdfInput): Promise<Buffer> {
  const locale = LOCALE_OF_COUNTRY[input.creditor.country] ?? 'en-GB';
  const money = (value: Money) => formatMoney(value, locale);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `Invoice ${input.number}`, Author: input.agency.name, Creator: 'Collectkit', CreationDate: input.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text(`Invoice ${input.number}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#555').text(`${input.agency.name} · issued ${input.issuedOn}`);
  doc.fillColor('#000').moveDown(1.2);

  heading(doc, 'To');
  doc.text(input.creditor.name);
  doc.text(`Company registration number (${input.creditor.country}): ${input.creditor.nationalId}`);
  for (const line of input.creditor.addressLines) doc.text(line);

  heading(doc, 'Concerning');
  doc.text(`Collection case ${input.caseNumber} against ${input.debtorName}`);
  doc.text(`Collected from the debtor: ${money(input.payout.collected)}; kept by the agency: ${money(input.payout.keptByAgency)}; paid out to you: ${money(input.payout.paidToCreditor)}`);

  heading(doc, 'Fees');
  for (const line of input.lines) row(doc, label(line), money(line.amount));
  doc.moveDown(0.3).font('Helvetica-Bold');
  row(doc, 'Total incl. VAT', money(input.total));
  doc.font('Helvetica');
  row(doc, 'of which VAT', money(input.vat));

  heading(doc, 'Settlement');
  row(doc, 'Set off against the payout', money(input.deductedFromPayout));
  row(doc, 'To be paid by you', money(input.dueFromCreditor));
  doc.end();
  return done;
}

function heading(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(title).moveDown(0.3).font('Helvetica').fontSize(10);
}

function row(doc: PDFKit.PDFDocument, left: string, right: string): void {
  const y = doc.y;
  doc.text(left, 56, y, { width: 330 });
  const after = doc.y;
  doc.text(right, 390, y, { width: 150, align: 'right' });
  doc.y = Math.max(after, doc.y);
  doc.x = 56;
}
