-- Standalone sequences with every option: AS type, INCREMENT, MIN/MAX, START, CACHE, CYCLE, negative steps.
CREATE SCHEMA seqs;
CREATE SEQUENCE seqs.everything AS integer INCREMENT BY 3 MINVALUE 10 MAXVALUE 100000 START WITH 12 CACHE 10 CYCLE;
CREATE SEQUENCE seqs.descending INCREMENT BY -1;
CREATE SEQUENCE seqs.desc_bounded AS smallint INCREMENT -5 MINVALUE -1000 MAXVALUE -1 START -1;
CREATE SEQUENCE seqs.big_default;
CREATE SEQUENCE seqs.small AS smallint;
CREATE SEQUENCE seqs.restarted START 1;
ALTER SEQUENCE seqs.restarted RESTART WITH 50;
CREATE SEQUENCE seqs.altered;
ALTER SEQUENCE seqs.altered AS integer MAXVALUE 5000 NO CYCLE CACHE 2;
SELECT setval('seqs.everything', 40);
COMMENT ON SEQUENCE seqs.everything IS 'all options';
