-- Partitions with their own owners and grants, differing from the partitioned parent's.
-- roles: tb_owner, tb_reader, tb_writer
CREATE SCHEMA pp;
GRANT USAGE ON SCHEMA pp TO tb_reader, tb_writer;
CREATE TABLE pp.docs (id int NOT NULL, year int NOT NULL, body text) PARTITION BY LIST (year);
ALTER TABLE pp.docs OWNER TO tb_owner;
CREATE TABLE pp.docs_2024 PARTITION OF pp.docs FOR VALUES IN (2024);
CREATE TABLE pp.docs_2025 PARTITION OF pp.docs FOR VALUES IN (2025);
ALTER TABLE pp.docs_2025 OWNER TO tb_writer;
GRANT SELECT ON pp.docs TO tb_reader;
GRANT SELECT, INSERT, UPDATE ON pp.docs_2024 TO tb_writer;
REVOKE ALL ON pp.docs_2024 FROM tb_reader;
GRANT SELECT (id, year) ON pp.docs_2025 TO tb_reader;
GRANT TRUNCATE ON pp.docs TO tb_writer WITH GRANT OPTION;
