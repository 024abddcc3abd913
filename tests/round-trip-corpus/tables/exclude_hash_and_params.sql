-- EXCLUDE constraints using hash and btree-equality semantics and index storage parameters.
CREATE SCHEMA ex;
CREATE TABLE ex.tokens (
    token text,
    CONSTRAINT tokens_unique_hash EXCLUDE USING hash (token WITH =)
);
CREATE TABLE ex.windows (
    id int,
    w tsrange,
    CONSTRAINT windows_excl EXCLUDE USING gist (w WITH &&) WITH (fillfactor = 80, buffering = on)
);
CREATE TABLE ex.btree_excl (
    a int,
    b int,
    CONSTRAINT btree_excl_ab EXCLUDE USING btree (a WITH =, b WITH =)
);
