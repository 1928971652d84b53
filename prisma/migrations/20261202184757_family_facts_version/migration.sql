-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Family" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "factsVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Family" ("createdAt", "id", "name") SELECT "createdAt", "id", "name" FROM "Family";
DROP TABLE "Family";
ALTER TABLE "new_Family" RENAME TO "Family";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Every change to what a chat turn reads about a family (catalogue, rules, grants) bumps that family's
-- factsVersion in the same transaction, whoever makes it (the app, a script, another instance), so the in-memory
-- cache keyed by it (lib/catalogue/facts.ts) is never stale. Written by hand: Prisma's schema has no triggers.
CREATE TRIGGER "Restaurant_facts_insert" AFTER INSERT ON "Restaurant" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = NEW."familyId";
END;
CREATE TRIGGER "Restaurant_facts_update" AFTER UPDATE ON "Restaurant" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" IN (OLD."familyId", NEW."familyId");
END;
CREATE TRIGGER "Restaurant_facts_delete" AFTER DELETE ON "Restaurant" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = OLD."familyId";
END;
CREATE TRIGGER "Dish_facts_insert" AFTER INSERT ON "Dish" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = NEW."familyId";
END;
CREATE TRIGGER "Dish_facts_update" AFTER UPDATE ON "Dish" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" IN (OLD."familyId", NEW."familyId");
END;
CREATE TRIGGER "Dish_facts_delete" AFTER DELETE ON "Dish" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = OLD."familyId";
END;
CREATE TRIGGER "Rules_facts_insert" AFTER INSERT ON "Rules" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = NEW."familyId";
END;
CREATE TRIGGER "Rules_facts_update" AFTER UPDATE ON "Rules" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" IN (OLD."familyId", NEW."familyId");
END;
CREATE TRIGGER "Rules_facts_delete" AFTER DELETE ON "Rules" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = OLD."familyId";
END;
CREATE TRIGGER "AccessGrant_facts_insert" AFTER INSERT ON "AccessGrant" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = NEW."familyId";
END;
CREATE TRIGGER "AccessGrant_facts_update" AFTER UPDATE ON "AccessGrant" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" IN (OLD."familyId", NEW."familyId");
END;
CREATE TRIGGER "AccessGrant_facts_delete" AFTER DELETE ON "AccessGrant" BEGIN
    UPDATE "Family" SET "factsVersion" = "factsVersion" + 1 WHERE "id" = OLD."familyId";
END;
