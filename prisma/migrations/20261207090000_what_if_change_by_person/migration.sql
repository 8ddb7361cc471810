-- A person's what-if rows are found by person: their data export and their erasure (ADR 087).
-- CreateIndex
CREATE INDEX "WhatIfChange_alumnusId_idx" ON "WhatIfChange"("alumnusId");
