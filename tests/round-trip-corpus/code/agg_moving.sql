-- A moving-aggregate sum for window frames: MSFUNC/MINVFUNC/MSTYPE/MINITCOND and MFINALFUNC(_EXTRA).
CREATE SCHEMA win;
CREATE FUNCTION win.add(s int8, x int) RETURNS int8 LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s + x';
CREATE FUNCTION win.sub(s int8, x int) RETURNS int8 LANGUAGE sql IMMUTABLE STRICT AS 'SELECT s - x';
CREATE FUNCTION win.fin(s int8) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT s::numeric';
CREATE FUNCTION win.fin_x(s int8, x int) RETURNS numeric LANGUAGE sql IMMUTABLE AS 'SELECT s::numeric';
CREATE AGGREGATE win.msum(int) (
  SFUNC = win.add, STYPE = int8, INITCOND = '0', FINALFUNC = win.fin,
  MSFUNC = win.add, MINVFUNC = win.sub, MSTYPE = int8, MINITCOND = '0', MFINALFUNC = win.fin
);
CREATE AGGREGATE win.msum_extra(int) (
  SFUNC = win.add, STYPE = int8, INITCOND = '0', FINALFUNC = win.fin_x, FINALFUNC_EXTRA,
  MSFUNC = win.add, MINVFUNC = win.sub, MSTYPE = int8, MINITCOND = '0', MFINALFUNC = win.fin_x, MFINALFUNC_EXTRA,
  MFINALFUNC_MODIFY = READ_ONLY, MSSPACE = 16
);
CREATE AGGREGATE win.msum_plain(int8) (
  SFUNC = int8pl, STYPE = int8, MSFUNC = int8pl, MINVFUNC = int8mi, MSTYPE = int8);
COMMENT ON AGGREGATE win.msum(int) IS 'moving sum';
CREATE TABLE win.t (x int);
CREATE VIEW win.running AS SELECT x, win.msum(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS s FROM win.t;
