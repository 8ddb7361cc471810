-- A new alumni sign-in link voids every unused sign-in link of the same person, whichever of
-- their addresses it went to (ADR 037): that update looks tokens up by alumnus.
CREATE INDEX "AuthToken_alumnusId_purpose_idx" ON "AuthToken"("alumnusId", "purpose");
