// The trail as CSV: one record per audit row, safe to open in a spreadsheet. Pure formatting, no I/O.
import { stringify } from "csv-stringify/sync";
import type { Description } from "./describe";

export const CSV_COLUMNS = [
  "seq",
  "time",
  "actor",
  "actor role",
  "child",
  "action",
  "description",
  "why",
  "subject id",
  "hash",
] as const;

export type CsvSource = {
  seq: number;
  createdAt: Date;
  actorRole: string;
  childId: string | null;
  action: string;
  subjectId: string | null;
  hash: string;
  description: Description;
};

export function csvRecord(row: CsvSource, names: ReadonlyMap<string, string>): string[] {
  return [
    String(row.seq),
    row.createdAt.toISOString(),
    row.description.who,
    row.actorRole,
    row.childId ? (names.get(row.childId) ?? row.childId) : "",
    row.action,
    row.description.sentence,
    row.description.why.join("; "),
    row.subjectId ?? "",
    row.hash,
  ];
}

/**
 * Records as CSV text. Cells a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR: a child's
 * question or a dish name can) get a leading apostrophe; quotes, commas and newlines are quoted as RFC 4180 says.
 */
export function toCsv(records: string[][], { header = false }: { header?: boolean } = {}): string {
  return stringify(header ? [[...CSV_COLUMNS], ...records] : records, {
    escape_formulas: true,
    record_delimiter: "\r\n",
    quote_record_delimiter: true,
  });
}

/** "lunchbox-activity-2026-11-25.csv", dated in UTC like the times inside. */
export function csvFilename(now: Date): string {
  return `lunchbox-activity-${now.toISOString().slice(0, 10)}.csv`;
}
