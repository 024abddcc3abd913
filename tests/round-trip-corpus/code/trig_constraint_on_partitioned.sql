-- A deferrable constraint trigger on a partitioned table (cloned to partitions) and one on a single partition.
CREATE SCHEMA ctp;
CREATE TABLE ctp.orders (id int, placed date) PARTITION BY RANGE (placed);
CREATE TABLE ctp.orders_2024 PARTITION OF ctp.orders FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE FUNCTION ctp.check_it() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NULL; END$$;
CREATE CONSTRAINT TRIGGER orders_check AFTER INSERT ON ctp.orders DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION ctp.check_it();
CREATE CONSTRAINT TRIGGER p2024_only AFTER UPDATE ON ctp.orders_2024 FOR EACH ROW EXECUTE FUNCTION ctp.check_it();
CREATE TABLE ctp.orders_2025 PARTITION OF ctp.orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
