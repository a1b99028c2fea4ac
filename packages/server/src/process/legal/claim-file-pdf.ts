import { ensureRoom, LEFT, MM, pdfText, RIGHT, row } from '../letters/letter-pdf.js';
import { newPdfDocument } from '../letters/pdf-document.js';
import type { ClaimFileDocument } from './claim-file.js';

/**
 * The claim file as a PDF (pdfkit, A4), laid out with the letters' building blocks (letter-pdf.ts:
 * the standard Helvetica in WinAnsi, the label/amount rows of the claim specification): title, case
 * number and date, then each section — parties, claim per invoice, interest, costs, payments, total,
 * the application's costs, the pre-collection notice, the attachments.
 */
export function renderClaimFilePdf(file: ClaimFileDocument, options: { createdAt: Date; author: string }): Promise<Buffer> {
  const t = pdfText;
  const doc = newPdfDocument({
    size: 'A4',
    margins: { top: 15 * MM, bottom: 15 * MM, left: LEFT, right: 595.28 - RIGHT },
    info: { Title: t(`${file.title} ${file.header[0]?.value ?? ''}`), Author: t(options.author), Creator: 'Collectkit', CreationDate: options.createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = RIGHT - LEFT;

  doc.font('Helvetica-Bold').fontSize(16).text(t(file.title), LEFT, 15 * MM, { width });
  doc.moveDown(0.2).font('Helvetica').fontSize(9).fillColor('#444').text(t(file.subtitle), { width });
  doc.fillColor('#000').moveDown(0.6).fontSize(10);
  for (const h of file.header) row(doc, h.label, h.value, true, 0, 60 * MM);

  for (const section of file.sections) {
    ensureRoom(doc, 40);
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(11).text(t(section.heading), LEFT, doc.y, { width });
    doc.moveDown(0.2).font('Helvetica').fontSize(9.5);
    for (const line of section.lines) {
      ensureRoom(doc, 14);
      doc.font('Helvetica').text(t(line), LEFT, doc.y, { width });
    }
    for (const r of section.rows) {
      row(doc, r.label, r.amount, r.bold === true);
      if (r.note) doc.font('Helvetica').fontSize(8).fillColor('#444').text(t(r.note), LEFT + 4 * MM, doc.y, { width: width - 4 * MM }).fillColor('#000').fontSize(9.5);
    }
  }

  doc.moveDown(1.5).font('Helvetica').fontSize(9).fillColor('#444').text(t(file.footer), LEFT, doc.y, { width });
  doc.end();
  return done;
}
