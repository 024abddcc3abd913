CREATE TABLE public.tiles (
    id integer PRIMARY KEY,
    area box,
    CONSTRAINT tiles_area_excl EXCLUDE USING gist (area WITH &&)
);
