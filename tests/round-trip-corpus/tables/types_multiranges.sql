-- Availability calendars stored as multiranges of builtin and user-defined range types (14+).
-- min-major: 14
CREATE SCHEMA avail;
CREATE TYPE avail.timerange AS RANGE (subtype = time, multirange_type_name = avail.timemultirange);
CREATE TABLE avail.calendars (
    id int PRIMARY KEY,
    busy tstzmultirange NOT NULL DEFAULT '{}',
    days datemultirange,
    counts int4multirange DEFAULT int4multirange(int4range(1, 3), int4range(5, 8)),
    money_ranges nummultirange,
    hours avail.timemultirange,
    single avail.timerange
);
CREATE INDEX calendars_busy ON avail.calendars USING gist (busy);
