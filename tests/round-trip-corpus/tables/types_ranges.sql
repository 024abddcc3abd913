-- A booking system with builtin and user-defined range columns, range defaults and GiST indexes.
CREATE SCHEMA booking;
CREATE TYPE booking.floatrange AS RANGE (subtype = float8, subtype_diff = float8mi);
CREATE TABLE booking.slots (
    id int PRIMARY KEY,
    during tstzrange NOT NULL,
    days daterange DEFAULT daterange(CURRENT_DATE, NULL),
    local_time tsrange,
    seats int4range DEFAULT '[1,10)',
    big int8range,
    price numrange CHECK (NOT isempty(price)),
    temp booking.floatrange DEFAULT booking.floatrange(0, 1, '[]')
);
CREATE INDEX slots_during ON booking.slots USING gist (during);
CREATE INDEX slots_seats_spgist ON booking.slots USING spgist (seats);
