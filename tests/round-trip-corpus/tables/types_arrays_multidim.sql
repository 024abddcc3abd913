-- A sensor store with one- and multidimensional arrays of many element types, array defaults and checks.
CREATE SCHEMA sensors;
CREATE TABLE sensors.readings (
    id serial PRIMARY KEY,
    tags text[] NOT NULL DEFAULT '{}',
    samples double precision[],
    grid integer[][] DEFAULT '{{0,0},{0,0}}',
    cube smallint[3][3][3],
    fixed int[4],
    labels varchar(20)[],
    amounts numeric(8, 2)[] DEFAULT ARRAY[1.00, 2.50]::numeric(8,2)[],
    stamps timestamptz[],
    flags boolean[] DEFAULT ARRAY[true, false],
    ids uuid[],
    blobs bytea[],
    CONSTRAINT readings_tags_small CHECK (cardinality(tags) <= 10),
    CONSTRAINT readings_grid_2d CHECK (array_ndims(grid) = 2)
);
CREATE INDEX readings_tags_gin ON sensors.readings USING gin (tags);
COMMENT ON COLUMN sensors.readings.grid IS 'declared [][] but stored as int[]';
