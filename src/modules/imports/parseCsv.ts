/** One data row of a CSV file: its 1-based line number and its cells by header name. */
export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

/**
 * Parses RFC 4180 CSV (quoted cells may hold commas, quotes as "" and line breaks; CRLF or LF;
 * a UTF-8 BOM is dropped). The first line is the header. Returns the header and the rows,
 * skipping blank lines.
 * @throws Error naming the line when a quote is never closed.
 */
export function parseCsv(text: string): { header: string[]; rows: CsvRow[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < source.length; i += 1) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
    } else if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i += 1;
      cells.push(cell);
      records.push({ line: recordLine, cells });
      cells = [];
      cell = '';
      line += 1;
      recordLine = line;
    } else cell += char;
  }
  if (quoted) throw new Error(`line ${recordLine}: a quoted cell is never closed.`);
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    records.push({ line: recordLine, cells });
  }
  const nonBlank = records.filter((record) => record.cells.some((value) => value.trim() !== ''));
  const header = (nonBlank.shift()?.cells ?? []).map((name) => name.trim());
  return {
    header,
    rows: nonBlank.map((record) => ({
      line: record.line,
      cells: Object.fromEntries(header.map((name, index) => [name, (record.cells[index] ?? '').trim()])),
    })),
  };
}
