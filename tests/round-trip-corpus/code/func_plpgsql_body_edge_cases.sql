-- PL/pgSQL bodies with dollar quotes inside, #variable_conflict, labels, nested blocks, comments and trailing whitespace.
CREATE SCHEMA plx;
CREATE TABLE plx.t (id int, v text);
CREATE FUNCTION plx.conflict(id int) RETURNS text LANGUAGE plpgsql AS $fn$
#variable_conflict use_column
<<blk>>
DECLARE
  r text := $$it's $q$ nested$$;
BEGIN
  /* block comment with $$ inside */
  SELECT v INTO r FROM plx.t WHERE t.id = blk.id;  -- line comment
  BEGIN
    RETURN coalesce(r, 'none');
  EXCEPTION WHEN division_by_zero THEN RETURN 'x';
  END;
END blk;   
$fn$;
CREATE FUNCTION plx.crlf() RETURNS int LANGUAGE plpgsql AS E'BEGIN\r\n  RETURN 1;\r\nEND';
CREATE FUNCTION plx.strict_into(i int) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE res text;
BEGIN
  SELECT v INTO STRICT res FROM plx.t WHERE id = i;
  RETURN res;
END $$;
