-- Lab measurements with uncertainty as seg intervals and a GiST index; seg_size and the seg type re-granted.
-- roles: px_seg
CREATE SCHEMA lab;
CREATE EXTENSION seg SCHEMA lab;
REVOKE EXECUTE ON FUNCTION lab.seg_size(lab.seg) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lab.seg_size(lab.seg) TO px_seg;
REVOKE USAGE ON TYPE lab.seg FROM PUBLIC;
CREATE TABLE public.measurements (id int, value lab.seg NOT NULL);
CREATE INDEX measurements_value ON public.measurements USING gist (value);
