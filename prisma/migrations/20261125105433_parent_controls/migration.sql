-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "childId" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_AccessGrant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "familyId" TEXT NOT NULL,
    "childId" TEXT NOT NULL,
    "restaurantId" TEXT NOT NULL,
    "dishId" TEXT,
    "scope" TEXT NOT NULL,
    "approvalRequestId" TEXT,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "usedAt" DATETIME,
    "revokedAt" DATETIME,
    CONSTRAINT "AccessGrant_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_childId_fkey" FOREIGN KEY ("childId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_restaurantId_fkey" FOREIGN KEY ("restaurantId") REFERENCES "Restaurant" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AccessGrant_dishId_fkey" FOREIGN KEY ("dishId") REFERENCES "Dish" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AccessGrant" ("approvalRequestId", "childId", "createdAt", "createdById", "familyId", "id", "restaurantId", "revokedAt", "scope", "usedAt") SELECT "approvalRequestId", "childId", "createdAt", "createdById", "familyId", "id", "restaurantId", "revokedAt", "scope", "usedAt" FROM "AccessGrant";
DROP TABLE "AccessGrant";
ALTER TABLE "new_AccessGrant" RENAME TO "AccessGrant";
CREATE INDEX "AccessGrant_familyId_childId_restaurantId_idx" ON "AccessGrant"("familyId", "childId", "restaurantId");
CREATE TABLE "new_Rules" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "familyId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "premiumLimitCents" INTEGER NOT NULL,
    "maxPendingPerChild" INTEGER NOT NULL,
    "expiryMinutes" INTEGER NOT NULL,
    "childBudgets" JSONB NOT NULL DEFAULT '{}',
    "orderingStart" TEXT,
    "orderingEnd" TEXT,
    "outsideHours" TEXT NOT NULL DEFAULT 'ASK',
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Rules_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Rules" ("createdAt", "createdById", "expiryMinutes", "familyId", "id", "maxPendingPerChild", "premiumLimitCents", "version") SELECT "createdAt", "createdById", "expiryMinutes", "familyId", "id", "maxPendingPerChild", "premiumLimitCents", "version" FROM "Rules";
DROP TABLE "Rules";
ALTER TABLE "new_Rules" RENAME TO "Rules";
CREATE UNIQUE INDEX "Rules_familyId_version_key" ON "Rules"("familyId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "AuditEvent_familyId_childId_seq_idx" ON "AuditEvent"("familyId", "childId", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_familyId_action_seq_idx" ON "AuditEvent"("familyId", "action", "seq");
