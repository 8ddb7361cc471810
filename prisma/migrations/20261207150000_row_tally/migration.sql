-- Running counts kept by statement-level triggers (ADR 090). Each statement that inserts, updates
-- or deletes verdicts or people appends one row per changed group with its +n/-n; a truncate
-- resets the subject. Readers sum the rows (a few dozen) instead of counting the whole table.
CREATE TABLE "RowTally" (
    "id" BIGSERIAL NOT NULL,
    "subject" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "delta" BIGINT NOT NULL,

    CONSTRAINT "RowTally_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "RowTally_subject_idx" ON "RowTally"("subject");

-- A verdict's group: its computed outcome, and the override outcome when an override with an
-- expiry is present (expired ones are subtracted by the reader, which knows the time).
CREATE FUNCTION "row_tally_verdict_key"(outcome "EligibilityOutcome", override "EligibilityOutcome", expires TIMESTAMPTZ)
RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT outcome::text || '/' || CASE WHEN override IS NOT NULL AND expires IS NOT NULL THEN override::text ELSE '' END
$$;

CREATE FUNCTION "row_tally_verdict_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RowTally" ("subject", "key", "delta")
  SELECT 'verdict', "row_tally_verdict_key"(n."outcome", n."overrideOutcome", n."overrideExpiresAt"), count(*)
  FROM new_rows n GROUP BY 2;
  RETURN NULL;
END $$;

CREATE FUNCTION "row_tally_verdict_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RowTally" ("subject", "key", "delta")
  SELECT 'verdict', k, sum(d) FROM (
    SELECT "row_tally_verdict_key"(o."outcome", o."overrideOutcome", o."overrideExpiresAt") AS k, -1 AS d FROM old_rows o
    UNION ALL
    SELECT "row_tally_verdict_key"(n."outcome", n."overrideOutcome", n."overrideExpiresAt"), 1 FROM new_rows n
  ) changes GROUP BY k HAVING sum(d) <> 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "row_tally_verdict_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RowTally" ("subject", "key", "delta")
  SELECT 'verdict', "row_tally_verdict_key"(o."outcome", o."overrideOutcome", o."overrideExpiresAt"), -count(*)
  FROM old_rows o GROUP BY 2;
  RETURN NULL;
END $$;

CREATE FUNCTION "row_tally_alumnus_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RowTally" ("subject", "key", "delta") SELECT 'alumnus', '', count(*) FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "row_tally_alumnus_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "RowTally" ("subject", "key", "delta") SELECT 'alumnus', '', -count(*) FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION "row_tally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "RowTally" WHERE "subject" = TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER "EligibilityVerdict_tally_insert" AFTER INSERT ON "EligibilityVerdict"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "row_tally_verdict_insert"();
CREATE TRIGGER "EligibilityVerdict_tally_update" AFTER UPDATE ON "EligibilityVerdict"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "row_tally_verdict_update"();
CREATE TRIGGER "EligibilityVerdict_tally_delete" AFTER DELETE ON "EligibilityVerdict"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "row_tally_verdict_delete"();
CREATE TRIGGER "EligibilityVerdict_tally_truncate" AFTER TRUNCATE ON "EligibilityVerdict"
  FOR EACH STATEMENT EXECUTE FUNCTION "row_tally_truncate"('verdict');
CREATE TRIGGER "Alumnus_tally_insert" AFTER INSERT ON "Alumnus"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "row_tally_alumnus_insert"();
CREATE TRIGGER "Alumnus_tally_delete" AFTER DELETE ON "Alumnus"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "row_tally_alumnus_delete"();
CREATE TRIGGER "Alumnus_tally_truncate" AFTER TRUNCATE ON "Alumnus"
  FOR EACH STATEMENT EXECUTE FUNCTION "row_tally_truncate"('alumnus');

-- What is there already.
INSERT INTO "RowTally" ("subject", "key", "delta")
SELECT 'verdict', "row_tally_verdict_key"("outcome", "overrideOutcome", "overrideExpiresAt"), count(*)
FROM "EligibilityVerdict" GROUP BY 2;
INSERT INTO "RowTally" ("subject", "key", "delta") SELECT 'alumnus', '', count(*) FROM "Alumnus" HAVING count(*) > 0;
