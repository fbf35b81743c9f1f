// CSV exports of a widget's query result: { columns: [names], rows: [objects] }.

function escape(value) {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(result) {
  const columns = Object.keys(result.rows[0]);
  const lines = [columns.map(escape).join(",")];
  for (const row of result.rows) lines.push(columns.map((column) => escape(row[column])).join(","));
  return lines.join("\r\n");
}
