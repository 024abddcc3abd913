-- Feature-flag masks stored as bit(n), bit varying(n) and unbounded bit varying with bit-literal defaults.
CREATE SCHEMA flags;
CREATE TABLE flags.masks (
    id int PRIMARY KEY,
    fixed bit(8) NOT NULL DEFAULT B'00000000',
    one bit DEFAULT B'1',
    varying bit varying(64) DEFAULT X'FF',
    unbounded varbit,
    CHECK (length(varying) <= 64)
);
CREATE INDEX masks_fixed ON flags.masks (fixed);
