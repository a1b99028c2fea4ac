import PDFDocument from 'pdfkit';

/**
 * A pdfkit document whose standard-font metrics are parsed once per process, not once per document.
 *
 * pdfkit (0.17) builds a new StandardFont for every font a document selects, and each one reads and
 * parses its AFM file (Helvetica.afm: ~3,000 lines, ~2,700 kerning pairs) with regular expressions:
 * about 3.5 ms of a letter's ~8 ms (bench/dunning, issue 5 §9). It has no API to hand a parsed font
 * to a document, and its AFMFont class is not exported, so it is reached through the first
 * document's default font and its `parse` is memoised on the file's text: every later document gets
 * the same metric tables, which pdfkit only reads. The PDF bytes do not change (letter tests read
 * them back). A pdfkit whose fonts look different is left alone and simply parses as before.
 */
export function newPdfDocument(options: PDFKit.PDFDocumentOptions): PDFKit.PDFDocument {
  const doc = new PDFDocument(options);
  if (!shared) shareStandardFontMetrics(doc);
  return doc;
}

let shared = false;

interface AfmMetrics {
  attributes: unknown;
  glyphWidths: unknown;
  boundingBoxes: unknown;
  kernPairs: unknown;
}
type AfmFont = AfmMetrics & { parse(contents: string): void };

function shareStandardFontMetrics(doc: PDFKit.PDFDocument): void {
  shared = true;
  const afm = (doc as unknown as { _font?: { font?: AfmFont } })._font?.font;
  const proto = afm && (Object.getPrototypeOf(afm) as AfmFont);
  if (!proto || typeof proto.parse !== 'function' || !('kernPairs' in afm) || !('glyphWidths' in afm)) return;
  const parse = proto.parse;
  const parsed = new Map<string, AfmMetrics>();
  proto.parse = function (this: AfmFont, contents: string) {
    const known = parsed.get(contents);
    if (known) {
      Object.assign(this, known);
      return;
    }
    parse.call(this, contents);
    parsed.set(contents, { attributes: this.attributes, glyphWidths: this.glyphWidths, boundingBoxes: this.boundingBoxes, kernPairs: this.kernPairs });
  };
}
