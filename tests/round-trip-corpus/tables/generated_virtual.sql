-- Virtual generated columns (18+), next to stored ones, with a check on the virtual one.
-- min-major: 18
CREATE SCHEMA virt;
CREATE TABLE virt.rects (
    id int PRIMARY KEY,
    w int NOT NULL,
    h int NOT NULL,
    area int GENERATED ALWAYS AS (w * h) VIRTUAL,
    perimeter int GENERATED ALWAYS AS (2 * (w + h)),
    stored_area bigint GENERATED ALWAYS AS (w::bigint * h) STORED,
    CONSTRAINT rects_area_small CHECK (area < 1000000)
);
CREATE TABLE virt.child_rects (note text) INHERITS (virt.rects);
