import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** A text run of a PDF page with its position in PDF points (origin bottom left), for tests. */
export interface PdfTextItem {
  readonly page: number;
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

/** Reads a PDF's text back with pdfjs-dist (tests only: pdfjs is a dev dependency). */
export async function readPdfText(pdf: Uint8Array): Promise<{ text: string; items: PdfTextItem[]; pages: number }> {
  const standardFontDataUrl = fileURLToPath(new URL('../../standard_fonts/', import.meta.resolve('pdfjs-dist/legacy/build/pdf.mjs')));
  const document = await getDocument({ data: new Uint8Array(pdf), standardFontDataUrl: `${standardFontDataUrl}/`, isEvalSupported: false }).promise;
  const items: PdfTextItem[] = [];
  const lines: string[] = [];
  for (let page = 1; page <= document.numPages; page++) {
    const content = await (await document.getPage(page)).getTextContent();
    let line = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      items.push({ page, text: item.str, x: item.transform[4] as number, y: item.transform[5] as number });
      line += item.str;
      if (item.hasEOL) {
        lines.push(line);
        line = '';
      } else line += ' ';
    }
    if (line) lines.push(line);
  }
  const pages = document.numPages;
  await document.destroy();
  // Intl's no-break spaces come back as they were printed; tests compare with plain spaces.
  return { text: lines.join('\n').replace(/\u00a0/g, ' '), items, pages };
}
