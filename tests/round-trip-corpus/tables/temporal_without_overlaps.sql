-- Temporal primary keys, unique constraints and PERIOD foreign keys with WITHOUT OVERLAPS (18+).
-- min-major: 18
CREATE SCHEMA temporal;
CREATE TABLE temporal.rooms (
    room int4range,
    valid daterange,
    CONSTRAINT rooms_pk PRIMARY KEY (room, valid WITHOUT OVERLAPS)
);
CREATE TABLE temporal.bookings (
    id int4range,
    room int4range,
    valid daterange,
    CONSTRAINT bookings_uq UNIQUE (id, valid WITHOUT OVERLAPS),
    CONSTRAINT bookings_room_fk FOREIGN KEY (room, PERIOD valid) REFERENCES temporal.rooms (room, PERIOD valid)
);
