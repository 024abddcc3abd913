-- Row triggers on a partitioned table (cloned onto partitions), plus a partition-only trigger and a disabled clone.
CREATE SCHEMA part;
CREATE TABLE part.measurements (id bigint, at date NOT NULL, v numeric) PARTITION BY RANGE (at);
CREATE TABLE part.m2024 PARTITION OF part.measurements FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE part.m2025 PARTITION OF part.measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE FUNCTION part.clamp() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN NEW.v := greatest(NEW.v, 0); RETURN NEW; END$$;
CREATE TRIGGER clamp_v BEFORE INSERT OR UPDATE ON part.measurements FOR EACH ROW EXECUTE FUNCTION part.clamp();
CREATE TRIGGER after_row AFTER INSERT ON part.measurements FOR EACH ROW WHEN (NEW.v > 100) EXECUTE FUNCTION part.clamp();
CREATE TRIGGER only_2025 BEFORE UPDATE ON part.m2025 FOR EACH ROW EXECUTE FUNCTION part.clamp();
CREATE TRIGGER stmt_parent AFTER DELETE ON part.measurements FOR EACH STATEMENT EXECUTE FUNCTION part.clamp();
CREATE TABLE part.m2026 (id bigint, at date NOT NULL, v numeric);
ALTER TABLE part.measurements ATTACH PARTITION part.m2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
