-- A partitioned table whose key comes from a serial sequence owned by the parent; partitions inherit the default.
CREATE SCHEMA psr;
CREATE TABLE psr.jobs (id bigserial, queue text NOT NULL, PRIMARY KEY (id, queue)) PARTITION BY LIST (queue);
CREATE TABLE psr.jobs_fast PARTITION OF psr.jobs FOR VALUES IN ('fast');
CREATE TABLE psr.jobs_slow PARTITION OF psr.jobs FOR VALUES IN ('slow');
CREATE TABLE psr.jobs_other (id bigint NOT NULL DEFAULT -1, queue text NOT NULL);
ALTER TABLE psr.jobs ATTACH PARTITION psr.jobs_other DEFAULT;
