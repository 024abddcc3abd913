//! Functions, procedures, aggregates, triggers and event triggers. One query per kind.

use super::sql::Field;
use serde::de::DeserializeOwned;
use tokio_postgres::Row;

use super::query_error;
use super::sql::{acl, acl_items, comment, in_scope, not_extension_member, Context};
use crate::error::{Error, Result};
use crate::model::{EventTrigger, Function, FunctionKind, QualifiedName, Trigger};

/// Reads a `jsonb` column into `T` (a NULL column is `None`).
fn json<T: DeserializeOwned>(row: &Row, column: &str) -> Result<Option<T>> {
    let value: Option<serde_json::Value> =
        row.try_get(column).map_err(|e| query_error(column, e))?;
    value
        .map(|v| {
            serde_json::from_value(v).map_err(|e| Error::Inspect {
                what: column.to_string(),
                message: e.to_string(),
            })
        })
        .transpose()
}

/// SQL expression: the regproc column `f` as text, NULL when it is 0.
fn regproc(f: &str) -> String {
    format!("CASE WHEN {f}::pg_catalog.oid <> 0 THEN {f}::pg_catalog.text END")
}

/// pg_get_functiondef ends its text with a newline and no semicolon.
fn trim_definition(text: String) -> String {
    text.trim_end().trim_end_matches(';').trim_end().to_string()
}

pub(crate) async fn functions(ctx: &Context<'_>) -> Result<Vec<Function>> {
    // Functions internal to another object (a range type's constructors, deptype 'i') are
    // made and dropped with it.
    let sql = format!(
        "SELECT p.oid, n.nspname, p.proname, p.prokind::text AS prokind, \
                pg_catalog.pg_get_function_identity_arguments(p.oid) AS identity_arguments, \
                ARRAY(SELECT pg_catalog.format_type(a.t, NULL) \
                        FROM ROWS FROM (pg_catalog.unnest(COALESCE(p.proallargtypes, \
                                                                   p.proargtypes::pg_catalog.oid[])), \
                                        pg_catalog.unnest(p.proargmodes)) WITH ORDINALITY AS a(t, m, o) \
                       WHERE COALESCE(a.m, 'i') IN ('i', 'b', 'v') \
                          OR (a.m = 'o' AND p.prokind = 'p') \
                       ORDER BY a.o) AS identity_types, \
                {functiondef} AS definition, \
                pg_catalog.pg_get_userbyid(p.proowner) AS owner, \
                {comment} AS comment, \
                {acl} AS acl, \
                (SELECT pg_catalog.jsonb_build_object( \
                   'arguments', pg_catalog.pg_get_function_arguments(p.oid), \
                   'kind', a.aggkind::text, \
                   'transfn', a.aggtransfn::pg_catalog.text, \
                   'transtype', pg_catalog.format_type(a.aggtranstype, NULL), \
                   'transspace', a.aggtransspace, \
                   'initval', a.agginitval, \
                   'finalfn', {finalfn}, \
                   'finalextra', a.aggfinalextra, \
                   'finalmodify', a.aggfinalmodify::text, \
                   'combinefn', {combinefn}, \
                   'serialfn', {serialfn}, \
                   'deserialfn', {deserialfn}, \
                   'mtransfn', {mtransfn}, \
                   'minvtransfn', {minvtransfn}, \
                   'mtranstype', CASE WHEN a.aggmtranstype <> 0 \
                                      THEN pg_catalog.format_type(a.aggmtranstype, NULL) END, \
                   'mtransspace', a.aggmtransspace, \
                   'mfinalfn', {mfinalfn}, \
                   'mfinalextra', a.aggmfinalextra, \
                   'mfinalmodify', a.aggmfinalmodify::text, \
                   'minitval', a.aggminitval, \
                   'sortop', (SELECT 'OPERATOR(' || pg_catalog.quote_ident(opn.nspname) || '.' \
                                     || op.oprname || ')' \
                                FROM pg_catalog.pg_operator op \
                                JOIN pg_catalog.pg_namespace opn ON opn.oid = op.oprnamespace \
                               WHERE op.oid = a.aggsortop), \
                   'parallel', p.proparallel::text) \
                   FROM pg_catalog.pg_aggregate a WHERE a.aggfnoid = p.oid) AS aggregate \
         FROM pg_catalog.pg_proc p \
         JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace \
         WHERE {scope} AND {not_member} \
           AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d \
                           WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass \
                             AND d.objid = p.oid AND d.deptype = 'i') \
         ORDER BY n.nspname COLLATE \"C\", p.proname COLLATE \"C\", \
                  pg_catalog.pg_get_function_identity_arguments(p.oid) COLLATE \"C\"",
        comment = comment("pg_proc", "p.oid"),
        acl = acl_items("p.proacl", "pg_catalog.acldefault('f', p.proowner)", "p.proowner"),
        finalfn = regproc("a.aggfinalfn"),
        combinefn = regproc("a.aggcombinefn"),
        serialfn = regproc("a.aggserialfn"),
        deserialfn = regproc("a.aggdeserialfn"),
        mtransfn = regproc("a.aggmtransfn"),
        minvtransfn = regproc("a.aggminvtransfn"),
        mfinalfn = regproc("a.aggmfinalfn"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_proc", "p.oid"),
        functiondef = ctx.deparsed(
            "CASE WHEN p.prokind <> 'a' THEN pg_catalog.pg_get_functiondef(p.oid) END",
            "p.prokind <> 'a'"
        ),
    );
    let rows = ctx.query("functions", &sql).await?;
    rows.iter()
        .map(|r| {
            let prokind: String = r.field("prokind")?;
            let kind = match prokind.as_str() {
                "p" => FunctionKind::Procedure,
                "a" => FunctionKind::Aggregate,
                "w" => FunctionKind::Window,
                _ => FunctionKind::Function,
            };
            let definition: Option<String> = r.field("definition")?;
            Ok(Function {
                oid: r.field("oid")?,
                name: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("proname")?,
                ),
                kind,
                identity_arguments: r.field("identity_arguments")?,
                identity_types: r.field("identity_types")?,
                definition: definition.map(trim_definition),
                aggregate: json(r, "aggregate")?,
                owner: r.field("owner")?,
                comment: r.field("comment")?,
                acl: acl(r, "acl")?,
            })
        })
        .collect()
}

pub(crate) async fn triggers(ctx: &Context<'_>) -> Result<Vec<Trigger>> {
    // A trigger on a partitioned table is cloned onto every partition (tgparentid): the
    // clones come with the parent's trigger; only their enabled state can differ. Only
    // partitioned tables have clones, and tgparentid has no index: look only there.
    let sql = format!(
        "SELECT t.oid, t.tgname, n.nspname, c.relname, \
                {triggerdef} AS definition, \
                t.tgenabled::text AS enabled, \
                {comment} AS comment, \
                CASE WHEN c.relkind = 'p' THEN (WITH RECURSIVE clones AS ( \
                   SELECT ct.oid, ct.tgrelid, ct.tgenabled FROM pg_catalog.pg_trigger ct \
                    WHERE ct.tgparentid = t.oid \
                   UNION ALL \
                   SELECT ct.oid, ct.tgrelid, ct.tgenabled FROM pg_catalog.pg_trigger ct \
                   JOIN clones ON ct.tgparentid = clones.oid) \
                 SELECT pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object( \
                          'schema', cn.nspname, 'table', cc.relname, \
                          'enabled', clones.tgenabled::text) \
                        ORDER BY cn.nspname COLLATE \"C\", cc.relname COLLATE \"C\") \
                   FROM clones \
                   JOIN pg_catalog.pg_class cc ON cc.oid = clones.tgrelid \
                   JOIN pg_catalog.pg_namespace cn ON cn.oid = cc.relnamespace \
                  WHERE clones.tgenabled <> 'O') END AS clone_states \
         FROM pg_catalog.pg_trigger t \
         JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace \
         WHERE NOT t.tgisinternal AND t.tgparentid = 0 AND {scope} AND {not_member} \
         ORDER BY n.nspname COLLATE \"C\", c.relname COLLATE \"C\", t.tgname COLLATE \"C\"",
        comment = comment("pg_trigger", "t.oid"),
        scope = in_scope("n"),
        not_member = not_extension_member("pg_class", "c.oid"),
        triggerdef = ctx.deparsed("pg_catalog.pg_get_triggerdef(t.oid, false)", "true"),
    );
    let rows = ctx.query("triggers", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(Trigger {
                oid: r.field("oid")?,
                name: r.field("tgname")?,
                table: QualifiedName::new(
                    r.field::<String>("nspname")?,
                    r.field::<String>("relname")?,
                ),
                definition: trim_definition(r.field("definition")?),
                enabled: r.field("enabled")?,
                comment: r.field("comment")?,
                clone_states: json(r, "clone_states")?.unwrap_or_default(),
            })
        })
        .collect()
}

pub(crate) async fn event_triggers(ctx: &Context<'_>) -> Result<Vec<EventTrigger>> {
    // Event triggers belong to the database, not to a schema: read those whose function is
    // in scope (the others could not be created from the dump).
    let sql = format!(
        "SELECT e.oid, e.evtname, e.evtevent, e.evttags, \
                pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.proname) \
                  AS function, \
                e.evtfoid, e.evtenabled::text AS enabled, \
                pg_catalog.pg_get_userbyid(e.evtowner) AS owner, \
                {comment} AS comment \
         FROM pg_catalog.pg_event_trigger e \
         JOIN pg_catalog.pg_proc f ON f.oid = e.evtfoid \
         JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace \
         WHERE {scope} AND {not_member} \
         ORDER BY e.evtname COLLATE \"C\"",
        comment = comment("pg_event_trigger", "e.oid"),
        scope = in_scope("fn"),
        not_member = not_extension_member("pg_event_trigger", "e.oid"),
    );
    let rows = ctx.query("event triggers", &sql).await?;
    rows.iter()
        .map(|r| {
            Ok(EventTrigger {
                oid: r.field("oid")?,
                name: r.field("evtname")?,
                event: r.field("evtevent")?,
                tags: r.field("evttags")?,
                function: r.field("function")?,
                function_oid: r.field("evtfoid")?,
                enabled: r.field("enabled")?,
                owner: r.field("owner")?,
                comment: r.field("comment")?,
            })
        })
        .collect()
}
