-- A catalog-tracking table with oid and reg* alias columns and defaults cast to them.
CREATE SCHEMA meta;
CREATE TABLE meta.tracked (
    id oid PRIMARY KEY,
    rel regclass DEFAULT 'pg_class'::regclass,
    typ regtype DEFAULT 'integer'::regtype,
    fn regproc,
    fn2 regprocedure DEFAULT 'now()'::regprocedure,
    op regoper,
    op2 regoperator,
    ns regnamespace DEFAULT 'pg_catalog'::regnamespace,
    cfg regconfig,
    dict regdictionary DEFAULT 'simple'::regdictionary,
    xid_col xid,
    cid_col cid,
    tid_col tid,
    lsn pg_lsn DEFAULT '0/0'
);
