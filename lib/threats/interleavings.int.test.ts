// THREATS.md rows 6–8 explored by fast-check's scheduler: approvals, denials, retries, late decisions and the
// expiry sweeper started in every order the scheduler picks, on one request. Whatever the interleaving: one
// terminal state, one decision in the audit trail, an order iff APPROVED, and the one "first" result agrees.

import { addSeconds } from "date-fns";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { type DecideResult, decideRequest } from "@/lib/approvals/decide";
import { expireDueRequests } from "@/lib/approvals/expire";
import { db } from "@/lib/db";
import { askParentFor, countAudit, type Families, loadFamilies } from "@/lib/testing/fixtures";
import { runs } from "./runs";

let f: Families;
beforeAll(async () => {
  f = await loadFamilies();
});

type Op = { kind: "APPROVE" | "DENY" | "SWEEP"; parent: "jane" | "joe"; late: boolean };

const op: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom("APPROVE", "DENY", "SWEEP"),
  parent: fc.constantFrom("jane", "joe"),
  // A late call happens after the request's expiry time.
  late: fc.boolean(),
});

const tally = new Map<string, number>();

describe("decide service under scheduled interleavings", () => {
  it("every interleaving ends in one terminal state with exactly one effect", async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(op, { minLength: 2, maxLength: 8 }), async (s, ops) => {
        await db.approvalRequest.updateMany({ where: { status: "PENDING" }, data: { status: "CANCELLED" } });
        const request = await db.approvalRequest.findUniqueOrThrow({
          where: { id: await askParentFor(f.a.henry, "Deluxe Burger") },
        });
        const after = addSeconds(request.expiresAt, 1);
        const run = (o: Op): Promise<DecideResult | number> =>
          o.kind === "SWEEP"
            ? expireDueRequests({ now: after })
            : decideRequest({
                actor: f.a[o.parent],
                requestId: request.id,
                decision: o.kind,
                now: o.late ? after : undefined,
              });
        // Each call starts when the scheduler says so; the scheduler tries the orders fast-check picks.
        const results = ops.map((o) =>
          s.schedule(Promise.resolve(o), `${o.kind} ${o.parent}${o.late ? " late" : ""}`).then(run),
        );
        await s.waitAll();
        const settled = await Promise.all(results);

        const final = await db.approvalRequest.findUniqueOrThrow({ where: { id: request.id } });
        const orders = await db.order.count({ where: { approvalRequestId: request.id } });
        const decisions =
          (await countAudit(f.a.familyId, "request.approved", request.id)) +
          (await countAudit(f.a.familyId, "request.denied", request.id)) +
          (await countAudit(f.a.familyId, "request.expired", request.id));
        const firsts = settled.filter(
          (r): r is Extract<DecideResult, { outcome: "decided" }> =>
            typeof r !== "number" && r.outcome === "decided" && !r.repeated,
        );

        // Every call can end the request (on time it decides, late or sweeping it expires): none stays PENDING.
        expect(["APPROVED", "DENIED", "EXPIRED"]).toContain(final.status);
        expect(orders).toBe(final.status === "APPROVED" ? 1 : 0);
        expect(decisions).toBe(1);
        if (final.status === "EXPIRED") expect(firsts).toHaveLength(0);
        else expect(firsts.map((r) => r.status)).toEqual([final.status]);
        tally.set(final.status, (tally.get(final.status) ?? 0) + 1);
      }),
      { numRuns: runs(25, 300) },
    );
    console.info(
      `[threats 6-8] fast-check scheduler: ${[...tally.values()].reduce((a, b) => a + b, 0)} interleavings of ` +
        `2–8 concurrent approve/deny/sweep/late calls → one terminal state each ` +
        `(${[...tally].map(([status, n]) => `${status} ${n}`).join(", ")}), one decision audited, orders iff APPROVED`,
    );
  });
});
