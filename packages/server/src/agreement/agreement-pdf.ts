import PDFDocument from 'pdfkit';
import type { IsoDate, PricingPlan } from '@collectkit/sdk';
import { planTerms } from './plan-terms.js';

export interface AgreementInput {
  association: { name: string };
  plan: PricingPlan;
  company: { name: string; nationalId: string; country: string };
  address: { lines: string[]; postalCode: string; city: string; country: string };
  contact: { name: string; email: string };
  payoutAccount: string;
  accountingSystem: string;
  membershipNumber?: string | undefined;
  /** The server clock's date and instant (the PDF's creation date). */
  date: IsoDate;
  createdAt: Date;
}

/**
 * The collection agreement between the member creditor and the agency, generated with pdfkit from
 * the plan and the company's data. The signature later quotes the SHA-256 of exactly these bytes.
 */
export function renderAgreementPdf(input: AgreementInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: `Collection agreement: ${input.company.name}`,
      Author: input.association.name,
      Creator: 'Collectkit',
      CreationDate: input.createdAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).text('Collection agreement');
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor('#555').text(`Offered through ${input.association.name} · ${input.date}`);
  doc.fillColor('#000').moveDown(1.2);

  section(doc, 'The creditor');
  doc.text(input.company.name);
  doc.text(`Company registration number (${input.company.country}): ${input.company.nationalId}`);
  for (const line of input.address.lines) doc.text(line);
  doc.text(`${input.address.postalCode} ${input.address.city}, ${input.address.country}`);
  doc.text(`Contact: ${input.contact.name} <${input.contact.email}>`);
  if (input.membershipNumber) doc.text(`Association membership number: ${input.membershipNumber}`);
  doc.text(`Payouts to: ${input.payoutAccount}`);
  doc.text(`Accounting system: ${input.accountingSystem}`);

  section(doc, `Prices: ${input.plan.name} (${input.plan.id})`);
  for (const term of planTerms(input.plan)) doc.text(`•  ${term}`, { paragraphGap: 3 });

  section(doc, 'What the creditor agrees to');
  doc.text(
    'The creditor assigns the collection of the overdue invoices it submits to the agency, confirms that each claim is due and undisputed when submitted, and will report any payment received directly from a debtor. The agency follows the statutory rules of the debtor\'s country on fees, interest and notice periods, and pays out collected amounts with a statement after deduction of the fees above.',
  );

  section(doc, 'Signature');
  doc.text('Signed electronically by typing the signer\'s name. The signature records the name, the time, the IP address and the SHA-256 of this document.');
  doc.end();
  return done;
}

function section(doc: PDFKit.PDFDocument, title: string): void {
  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).text(title).moveDown(0.3).font('Helvetica').fontSize(10);
}
