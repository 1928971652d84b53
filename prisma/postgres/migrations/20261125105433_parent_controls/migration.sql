-- AlterTable
ALTER TABLE "AccessGrant" ADD COLUMN     "dishId" TEXT;

-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN     "childId" TEXT;

-- AlterTable
ALTER TABLE "Rules" ADD COLUMN     "childBudgets" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "orderingEnd" TEXT,
ADD COLUMN     "orderingStart" TEXT,
ADD COLUMN     "outsideHours" TEXT NOT NULL DEFAULT 'ASK',
ADD COLUMN     "timeZone" TEXT NOT NULL DEFAULT 'UTC';

-- CreateIndex
CREATE INDEX "AuditEvent_familyId_childId_seq_idx" ON "AuditEvent"("familyId", "childId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_familyId_action_seq_idx" ON "AuditEvent"("familyId", "action", "seq");

-- AddForeignKey
ALTER TABLE "AccessGrant" ADD CONSTRAINT "AccessGrant_dishId_fkey" FOREIGN KEY ("dishId") REFERENCES "Dish"("id") ON DELETE CASCADE ON UPDATE CASCADE;
