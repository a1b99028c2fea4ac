// A small reader for the semicolon-separated files Nordic accounting systems export (RFC 4180 quoting:
// "a;b" is one field, "" inside quotes is a quote). Just enough for the example; no dependency.

/** Rows of `text` as objects keyed by the header row. */
export function readCsv(text, separator = ';') {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === separator) { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((cell) => cell !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((cell) => cell !== '')) rows.push(row);
  const [header, ...body] = rows;
  return body.map((cells, index) => ({ line: index + 2, ...Object.fromEntries(header.map((name, i) => [name.trim(), (cells[i] ?? '').trim()])) }));
}
