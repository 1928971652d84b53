// Names are unique per family (restaurants) or per restaurant (dishes) in the database, removed rows included,
// but a removed row must not keep its name from the parent. Pure.
import { format } from "date-fns";

type Named = { id: string; name: string; archived: boolean };

export type NameClaim = { ok: true; renames: Array<{ id: string; name: string }> } | { ok: false; takenBy: string };

/**
 * Whether `name` is free among `rows` (case-insensitive, ignoring the row being renamed). A name held only by
 * removed rows is freed by renaming them "Name (removed 2026-11-25)", which the caller writes in the same
 * transaction; history keeps its own copies of names in snapshots and audit data.
 */
export function claimName(rows: Named[], name: string, now: Date, exceptId?: string): NameClaim {
  const wanted = name.toLowerCase();
  const clashes = rows.filter((row) => row.id !== exceptId && row.name.toLowerCase() === wanted);
  const active = clashes.find((row) => !row.archived);
  if (active) return { ok: false, takenBy: active.name };
  const taken = new Set(rows.map((row) => row.name.toLowerCase()));
  taken.add(wanted);
  const renames = clashes.map((row) => {
    const base = `${row.name} (removed ${format(now, "yyyy-MM-dd")})`;
    let candidate = base;
    for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${base} ${n}`;
    taken.add(candidate.toLowerCase());
    return { id: row.id, name: candidate };
  });
  return { ok: true, renames };
}
