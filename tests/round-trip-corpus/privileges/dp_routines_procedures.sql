-- Defaults written with ON ROUTINES cover procedures as well as functions; procedures made before keep PUBLIC.
-- roles: pv_batch
CREATE SCHEMA batch;
CREATE PROCEDURE batch.p_before(n int) LANGUAGE plpgsql AS $$BEGIN PERFORM n; END$$;
ALTER DEFAULT PRIVILEGES IN SCHEMA batch GRANT EXECUTE ON ROUTINES TO pv_batch;
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON ROUTINES FROM PUBLIC;
CREATE PROCEDURE batch.p_after(n int) LANGUAGE plpgsql AS $$BEGIN PERFORM n; END$$;
CREATE PROCEDURE batch.p_after_inout(INOUT n int) LANGUAGE plpgsql AS $$BEGIN n := n + 1; END$$;
CREATE FUNCTION batch.f_after() RETURNS int LANGUAGE sql AS 'SELECT 1';
CREATE PROCEDURE public.p_public() LANGUAGE sql AS 'SELECT 1';
ALTER DEFAULT PRIVILEGES GRANT EXECUTE ON ROUTINES TO PUBLIC;
CREATE PROCEDURE batch.p_reopened() LANGUAGE sql AS 'SELECT 1';
