import "server-only";
import { csvRecord, toCsv } from "./csv";
import type { ActivityFilter } from "./filters";
import { describeRows, getAuditChunk, getFamilyMembers } from "./queries";

// A chunk per pull: a family with 100k rows streams in 200 small queries, never holding more than one chunk.
const CHUNK = 500;

/**
 * Every row matching the filter, newest first, as a CSV byte stream. Rows are read a chunk at a time as the
 * client reads (keyset on seq), so a slow download does not hold the database or the memory.
 */
export function activityCsvStream({
  familyId,
  filter,
}: {
  familyId: string;
  filter: ActivityFilter;
}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let names: Promise<Map<string, string>> | null = null;
  let before: number | undefined;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      names ??= getFamilyMembers({ familyId }).then((members) => new Map(members.map((m) => [m.id, m.name])));
      const known = await names;
      const rows = await getAuditChunk({ familyId, filter, before, take: CHUNK });
      const described = await describeRows(familyId, rows, known);
      const text = toCsv(
        described.map((row) => csvRecord(row, known)),
        { header: !started },
      );
      started = true;
      if (text) controller.enqueue(encoder.encode(text));
      const last = rows.at(-1);
      if (!last || rows.length < CHUNK) controller.close();
      else before = last.seq;
    },
  });
}
