-- AlterTable
ALTER TABLE "Family" ADD COLUMN     "factsVersion" INTEGER NOT NULL DEFAULT 0;

-- Every change to what a chat turn reads about a family (catalogue, rules, grants) bumps that family's
-- factsVersion in the same transaction, whoever makes it (the app, a script, another instance), so the in-memory
-- cache keyed by it (lib/catalogue/facts.ts) is never stale. Written by hand: Prisma's schema has no triggers.
CREATE FUNCTION "bump_family_facts_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = OLD."familyId";
    END IF;
    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."familyId" IS DISTINCT FROM OLD."familyId") THEN
        UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = NEW."familyId";
    END IF;
    RETURN NULL;
END;
$$;
CREATE TRIGGER "Restaurant_facts" AFTER INSERT OR UPDATE OR DELETE ON "Restaurant"
    FOR EACH ROW EXECUTE FUNCTION "bump_family_facts_version"();
CREATE TRIGGER "Dish_facts" AFTER INSERT OR UPDATE OR DELETE ON "Dish"
    FOR EACH ROW EXECUTE FUNCTION "bump_family_facts_version"();
CREATE TRIGGER "Rules_facts" AFTER INSERT OR UPDATE OR DELETE ON "Rules"
    FOR EACH ROW EXECUTE FUNCTION "bump_family_facts_version"();
CREATE TRIGGER "AccessGrant_facts" AFTER INSERT OR UPDATE OR DELETE ON "AccessGrant"
    FOR EACH ROW EXECUTE FUNCTION "bump_family_facts_version"();
