-- CreateIndex
CREATE INDEX "ApprovalRequest_familyId_decidedAt_idx" ON "ApprovalRequest"("familyId", "decidedAt");
