-- DropIndex
DROP INDEX "ApprovalRequest_familyId_status_createdAt_idx";

-- CreateIndex
CREATE INDEX "ApprovalRequest_familyId_status_createdAt_id_idx" ON "ApprovalRequest"("familyId", "status", "createdAt", "id");
