// Tables as CSV (RFC 4180): every cell quoted when it needs to be, and any text a spreadsheet
// would run as a formula (starting =, +, -, @ or a tab) made plain text first.

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
