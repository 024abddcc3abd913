-- Tables and columns named with non-ASCII letters, emoji and combining characters.
CREATE SCHEMA "données";
CREATE TABLE "données"."clients_é" (
    "numéro" int PRIMARY KEY,
    "名前" text NOT NULL,
    "größe" numeric,
    "emoji_🎉" text,
    "Ωmega" int CHECK ("Ωmega" > 0)
);
CREATE INDEX "index_名前" ON "données"."clients_é" ("名前");
CREATE TABLE "données"."Ärger" ("id" int REFERENCES "données"."clients_é");
