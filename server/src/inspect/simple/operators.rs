//! Operators, operator classes and operator families (with their members), as pg_dump's
//! dumpOpr, dumpOpclass and dumpOpfamily write them.
//!
//! A member of a family (a `pg_amop` or `pg_amproc` row) belongs to the object its pg_depend
//! row points to, as pg_dump decides: the class it was created with, or the family itself (a
//! "loose" member, added by `ALTER OPERATOR FAMILY … ADD`, or a cross-type member of a class
//! that the access method binds to the family). A class's members are part of its `create`; a
//! family's loose members are its settings, each added and dropped in place.

use super::{read, user_made};
use crate::error::Result;
use crate::inspect::sql::{comment, in_scope, Context};
use crate::model::{SimpleKind, SimpleObject};

pub(super) async fn objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let mut out = Vec::new();
    out.extend(operators(ctx).await?);
    out.extend(families(ctx).await?);
    out.extend(classes(ctx).await?);
    Ok(out)
}

/// SQL expression: a function's name as `CREATE OPERATOR` takes it (without its arguments),
/// qualified unless it is in pg_catalog.
fn proc_name(oid: &str) -> String {
    format!(
        "(SELECT CASE WHEN pn.nspname = 'pg_catalog' THEN pg_catalog.quote_ident(p.proname) \
                 ELSE pg_catalog.format('%I.%I', pn.nspname, p.proname) END \
            FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace pn ON pn.oid = p.pronamespace \
           WHERE p.oid = {oid})"
    )
}

/// SQL expression: `OPERATOR(schema.name)` for an operator oid (operator names are never
/// quoted).
fn operator_ref(oid: &str) -> String {
    format!(
        "(SELECT pg_catalog.format('OPERATOR(%s.%s)', pg_catalog.quote_ident(rn.nspname), r.oprname) \
            FROM pg_catalog.pg_operator r JOIN pg_catalog.pg_namespace rn ON rn.oid = r.oprnamespace \
           WHERE r.oid = {oid})"
    )
}

/// SQL expression: an operand type as `format_type` prints it, `NONE` for none.
fn operand(oid: &str) -> String {
    format!("CASE WHEN {oid} = 0 THEN 'NONE' ELSE pg_catalog.format_type({oid}, NULL) END")
}

/// `CREATE OPERATOR s.op (FUNCTION = …, LEFTARG = …, RIGHTARG = …, COMMUTATOR = …, NEGATOR =
/// …, MERGES, HASHES)`; RESTRICT and JOIN, which `ALTER OPERATOR … SET` changes, are settings.
/// Shells (made by a commutator or negator that names an operator not yet defined) have no
/// function and are not objects of their own: the operator naming them makes them again.
async fn operators(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT o.oid, n.nspname::text AS schema, o.oprname::text AS name, \
                ARRAY[{left}, {right}] AS args, NULL::text AS method, \
                pg_catalog.pg_get_userbyid(o.oprowner)::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE OPERATOR %I.%s (', n.nspname, o.oprname) \
                || E'\\n    FUNCTION = ' || {function} \
                || CASE WHEN o.oprleft <> 0 \
                        THEN E',\\n    LEFTARG = ' || pg_catalog.format_type(o.oprleft, NULL) ELSE '' END \
                || CASE WHEN o.oprright <> 0 \
                        THEN E',\\n    RIGHTARG = ' || pg_catalog.format_type(o.oprright, NULL) ELSE '' END \
                || CASE WHEN o.oprcom <> 0 THEN E',\\n    COMMUTATOR = ' || {commutator} ELSE '' END \
                || CASE WHEN o.oprnegate <> 0 THEN E',\\n    NEGATOR = ' || {negator} ELSE '' END \
                || CASE WHEN o.oprcanmerge THEN E',\\n    MERGES' ELSE '' END \
                || CASE WHEN o.oprcanhash THEN E',\\n    HASHES' ELSE '' END \
                || E'\\n);\\n' AS \"create\", \
                CASE WHEN o.oprrest <> 0 THEN ARRAY['RESTRICT', {restrict}] ELSE '{{}}'::text[] END \
                || CASE WHEN o.oprjoin <> 0 THEN ARRAY['JOIN', {join}] ELSE '{{}}'::text[] END \
                AS settings \
         FROM pg_catalog.pg_operator o \
         JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace \
         WHERE o.oprcode <> 0 AND {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", o.oprname COLLATE \"C\", 4",
        left = operand("o.oprleft"),
        right = operand("o.oprright"),
        comment = comment("pg_operator", "o.oid"),
        function = proc_name("o.oprcode"),
        commutator = operator_ref("o.oprcom"),
        negator = operator_ref("o.oprnegate"),
        restrict = proc_name("o.oprrest"),
        join = proc_name("o.oprjoin"),
        user_made = user_made("pg_operator", "o.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::Operator, &sql).await
}

/// SQL: the members (`pg_amop` and `pg_amproc` rows) whose pg_depend row points to
/// `refclass`'s row `refoid`, as rows `(sort, key, item)`: `key` names the member as `ALTER
/// OPERATOR FAMILY … DROP` does (`OPERATOR 1 (integer, integer)`), `item` as `CREATE OPERATOR
/// CLASS` and `ALTER OPERATOR FAMILY … ADD` do. Sorted as pg_dump lists them: operators by
/// strategy, then functions by number, members of one number in the order they were made.
fn members(refclass: &str, refoid: &str) -> String {
    format!(
        "SELECT pg_catalog.format('1 %s %s', pg_catalog.lpad(ao.amopstrategy::text, 5, '0'), \
                  pg_catalog.lpad(ao.oid::text, 10, '0')) AS sort, \
                pg_catalog.format('OPERATOR %s (%s, %s)', ao.amopstrategy, {aol}, {aor}) AS key, \
                pg_catalog.format('OPERATOR %s %s', ao.amopstrategy, ao.amopopr::pg_catalog.regoperator) \
                || CASE WHEN ao.amoppurpose = 'o' \
                        THEN (SELECT pg_catalog.format(' FOR ORDER BY %I.%I', sn.nspname, sf.opfname) \
                                FROM pg_catalog.pg_opfamily sf \
                                JOIN pg_catalog.pg_namespace sn ON sn.oid = sf.opfnamespace \
                               WHERE sf.oid = ao.amopsortfamily) \
                        ELSE '' END AS item \
           FROM pg_catalog.pg_amop ao \
           JOIN pg_catalog.pg_depend md ON md.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass \
                AND md.objid = ao.oid \
          WHERE md.refclassid = 'pg_catalog.{refclass}'::pg_catalog.regclass AND md.refobjid = {refoid} \
         UNION ALL \
         SELECT pg_catalog.format('2 %s %s', pg_catalog.lpad(ap.amprocnum::text, 5, '0'), \
                  pg_catalog.lpad(ap.oid::text, 10, '0')), \
                pg_catalog.format('FUNCTION %s (%s, %s)', ap.amprocnum, {apl}, {apr}), \
                pg_catalog.format('FUNCTION %s (%s, %s) %s', ap.amprocnum, {apl}, {apr}, \
                  ap.amproc::pg_catalog.regprocedure) \
           FROM pg_catalog.pg_amproc ap \
           JOIN pg_catalog.pg_depend md ON md.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass \
                AND md.objid = ap.oid \
          WHERE md.refclassid = 'pg_catalog.{refclass}'::pg_catalog.regclass AND md.refobjid = {refoid}",
        aol = operand("ao.amoplefttype"),
        aor = operand("ao.amoprighttype"),
        apl = operand("ap.amproclefttype"),
        apr = operand("ap.amprocrighttype"),
    )
}

/// `CREATE OPERATOR FAMILY s.f USING am`, with its loose members as settings (member → the
/// item `ALTER OPERATOR FAMILY … ADD` takes). Every family is written, also one that
/// `CREATE OPERATOR CLASS` made for itself, as pg_dump does: the class then names it.
async fn families(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT f.oid, n.nspname::text AS schema, f.opfname::text AS name, \
                NULL::text[] AS args, am.amname::text AS method, \
                pg_catalog.pg_get_userbyid(f.opfowner)::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE OPERATOR FAMILY %I.%I USING %I;' || E'\\n', \
                  n.nspname, f.opfname, am.amname) AS \"create\", \
                (SELECT pg_catalog.array_agg(x ORDER BY m.sort COLLATE \"C\", part) \
                   FROM ({members}) m \
                   CROSS JOIN LATERAL (VALUES (1, m.key), (2, m.item)) kv(part, x)) AS settings \
         FROM pg_catalog.pg_opfamily f \
         JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace \
         JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", f.opfname COLLATE \"C\", am.amname COLLATE \"C\"",
        comment = comment("pg_opfamily", "f.oid"),
        members = members("pg_opfamily", "f.oid"),
        user_made = user_made("pg_opfamily", "f.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::OperatorFamily, &sql).await
}

/// `CREATE OPERATOR CLASS s.c [DEFAULT] FOR TYPE t USING am FAMILY s.f AS <members>[,
/// STORAGE t]`, its members those bound to it. A class whose members are all gone still has
/// an item: its STORAGE (the grammar wants one).
async fn classes(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT c.oid, n.nspname::text AS schema, c.opcname::text AS name, \
                NULL::text[] AS args, am.amname::text AS method, \
                pg_catalog.pg_get_userbyid(c.opcowner)::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format(E'CREATE OPERATOR CLASS %I.%I\\n    %sFOR TYPE %s USING %I FAMILY %I.%I AS\\n    ', \
                  n.nspname, c.opcname, CASE WHEN c.opcdefault THEN 'DEFAULT ' ELSE '' END, \
                  pg_catalog.format_type(c.opcintype, NULL), am.amname, fn.nspname, f.opfname) \
                || pg_catalog.array_to_string( \
                     COALESCE((SELECT pg_catalog.array_agg(m.item ORDER BY m.sort COLLATE \"C\") \
                                 FROM ({members}) m), '{{}}') \
                     || CASE WHEN c.opckeytype <> 0 \
                             THEN ARRAY['STORAGE ' || pg_catalog.format_type(c.opckeytype, NULL)] \
                             WHEN NOT EXISTS ({members}) \
                             THEN ARRAY['STORAGE ' || pg_catalog.format_type(c.opcintype, NULL)] \
                             ELSE '{{}}'::text[] END, \
                     E',\\n    ') || E';\\n' AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_opclass c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace \
         JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod \
         JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily \
         JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", c.opcname COLLATE \"C\", am.amname COLLATE \"C\"",
        comment = comment("pg_opclass", "c.oid"),
        members = members("pg_opclass", "c.oid"),
        user_made = user_made("pg_opclass", "c.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::OperatorClass, &sql).await
}
