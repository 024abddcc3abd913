//! Data loss: the wording of the `-- hazard:` lines the plan writes for statements that lose
//! data, and the same judgement read back from any migration text (a migration written or
//! edited by hand, as the language server shows it). One wording for both, so a reviewer
//! reads the same sentence in a generated file and in the editor.

use pg_query::protobuf::{AlterTableType, ObjectType};
use pg_query::NodeEnum;

use crate::emit::sql::{ident, qualified};
use crate::model::{Catalog, QualifiedName};
use crate::source::names;
use crate::source::renames::range_name;

pub fn drops_schema(name: &str) -> String {
    format!("drops schema {name}")
}

pub fn drops_extension(name: &str) -> String {
    format!("drops extension {name} and the objects it created")
}

pub fn drops_sequence(name: &str) -> String {
    format!("drops sequence {name} and its current value")
}

pub fn drops_table(name: &str) -> String {
    format!("drops table {name} and its data")
}

pub fn drops_server(name: &str) -> String {
    format!("drops server {name} with its user mappings")
}

pub fn drops_subscription(name: &str) -> String {
    format!("drops subscription {name}")
}

/// `table` is the quoted, qualified table name; `column` the quoted column name.
pub fn drops_column(table: &str, column: &str) -> String {
    format!("drops column {table}.{column} and its data")
}

/// A type change that is not known to widen; `old` is `None` when the live type is unknown
/// (the migration is judged from its text alone).
pub fn changes_type(table: &str, column: &str, old: Option<&str>, new: &str) -> String {
    match old {
        Some(old) => {
            format!(
                "changes the type of {table}.{column} from {old} to {new}: values may not convert"
            )
        }
        None => format!("changes the type of {table}.{column} to {new}: values may not convert"),
    }
}

pub fn truncates(table: &str) -> String {
    format!("truncates table {table}: every row is deleted")
}

pub fn deletes_every_row(table: &str) -> String {
    format!("deletes every row of {table} (no WHERE clause)")
}

pub fn updates_every_row(table: &str) -> String {
    format!("updates every row of {table} (no WHERE clause): the values it replaces are lost")
}

/// The data-loss hazards of each statement text, in order (`result[i]` for `statements[i]`).
/// With `live`, a column type change is judged against the live type (widening loses
/// nothing); without it, every type change is reported.
pub fn data_loss_hazards<'a>(
    statements: impl IntoIterator<Item = &'a str>,
    live: Option<&Catalog>,
) -> Vec<Vec<String>> {
    statements
        .into_iter()
        .map(|sql| match pg_query::parse(sql, 0) {
            Ok(parsed) => parsed
                .protobuf
                .stmts
                .iter()
                .filter_map(|raw| raw.stmt.as_ref().and_then(|s| s.node.as_ref()))
                .flat_map(|node| statement_loss(node, live))
                .collect(),
            Err(_) => Vec::new(),
        })
        .collect()
}

fn statement_loss(node: &NodeEnum, live: Option<&Catalog>) -> Vec<String> {
    let mut out = Vec::new();
    match node {
        NodeEnum::DropStmt(d) => {
            let wording: fn(&str) -> String = match ObjectType::try_from(d.remove_type) {
                Ok(ObjectType::ObjectTable) => drops_table,
                Ok(ObjectType::ObjectSchema) => drops_schema,
                Ok(ObjectType::ObjectExtension) => drops_extension,
                Ok(ObjectType::ObjectSequence) => drops_sequence,
                Ok(ObjectType::ObjectForeignServer) => drops_server,
                _ => return out,
            };
            for object in &d.objects {
                let parts = match &object.node {
                    Some(NodeEnum::List(l)) => names::strings(&l.items),
                    // Schemas, extensions and servers are named by a bare string.
                    Some(NodeEnum::String(s)) => vec![s.sval.clone()],
                    _ => continue,
                };
                let name = match parts.as_slice() {
                    [name]
                        if d.remove_type != ObjectType::ObjectTable as i32
                            && d.remove_type != ObjectType::ObjectSequence as i32 =>
                    {
                        ident(name)
                    }
                    [name] => qualified(&QualifiedName::new("public", name.as_str())),
                    [.., schema, name] => qualified(&QualifiedName::new(schema, name)),
                    [] => continue,
                };
                out.push(wording(&name));
            }
        }
        NodeEnum::DropSubscriptionStmt(d) => out.push(drops_subscription(&ident(&d.subname))),
        NodeEnum::TruncateStmt(t) => {
            for rel in &t.relations {
                if let Some(NodeEnum::RangeVar(rv)) = &rel.node {
                    out.push(truncates(&qualified(&range_name(rv))));
                }
            }
        }
        NodeEnum::DeleteStmt(d) if d.where_clause.is_none() => {
            if let Some(rv) = &d.relation {
                out.push(deletes_every_row(&qualified(&range_name(rv))));
            }
        }
        NodeEnum::UpdateStmt(u) if u.where_clause.is_none() && u.from_clause.is_empty() => {
            if let Some(rv) = &u.relation {
                out.push(updates_every_row(&qualified(&range_name(rv))));
            }
        }
        NodeEnum::AlterTableStmt(a) => {
            let Some(rv) = &a.relation else { return out };
            let table_name = range_name(rv);
            let table = qualified(&table_name);
            let live_table = live.and_then(|c| c.tables.iter().find(|t| t.name == table_name));
            for cmd in &a.cmds {
                let Some(NodeEnum::AlterTableCmd(cmd)) = &cmd.node else {
                    continue;
                };
                let column = ident(&cmd.name);
                match AlterTableType::try_from(cmd.subtype) {
                    Ok(AlterTableType::AtDropColumn) => out.push(drops_column(&table, &column)),
                    Ok(AlterTableType::AtAlterColumnType) => {
                        let Some(NodeEnum::ColumnDef(def)) =
                            cmd.def.as_ref().and_then(|d| d.node.as_ref())
                        else {
                            continue;
                        };
                        let Some(new) = def.type_name.as_ref().map(super::locks::type_with_typmods)
                        else {
                            continue;
                        };
                        let old = live_table
                            .and_then(|t| t.columns.iter().find(|c| c.name == cmd.name))
                            .map(|c| c.data_type.as_str());
                        match old {
                            Some(old) if super::tables::widens(old, &new) => {}
                            _ => out.push(changes_type(&table, &column, old, &new)),
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loss(sql: &str) -> Vec<String> {
        data_loss_hazards([sql], None).concat()
    }

    #[test]
    fn drops_and_unbounded_dml_lose_data() {
        assert_eq!(
            loss("DROP TABLE users, app.\"Orders\""),
            [
                "drops table public.users and its data",
                "drops table app.\"Orders\" and its data"
            ]
        );
        assert_eq!(loss("DROP SCHEMA app CASCADE"), ["drops schema app"]);
        assert_eq!(
            loss("DROP SEQUENCE s"),
            ["drops sequence public.s and its current value"]
        );
        assert_eq!(
            loss("ALTER TABLE public.t DROP COLUMN email"),
            ["drops column public.t.email and its data"]
        );
        assert_eq!(
            loss("TRUNCATE t"),
            ["truncates table public.t: every row is deleted"]
        );
        assert_eq!(
            loss("DELETE FROM t"),
            ["deletes every row of public.t (no WHERE clause)"]
        );
        assert!(loss("DELETE FROM t WHERE id = 1").is_empty());
        assert!(loss("UPDATE t SET a = 1 WHERE id = 1").is_empty());
        assert!(loss("DROP VIEW v").is_empty());
        assert!(loss("CREATE TABLE t (id integer)").is_empty());
        assert!(loss("not sql").is_empty());
    }

    #[test]
    fn type_changes_are_judged_against_the_live_type_when_known() {
        let sql = "ALTER TABLE t ALTER COLUMN c TYPE varchar(10)";
        assert_eq!(
            loss(sql),
            ["changes the type of public.t.c to character varying(10): values may not convert"]
        );
        let mut live = Catalog::default();
        let json = serde_json::json!({
            "oid": 1, "name": {"schema": "public", "name": "t"}, "owner": "o", "kind": "r",
            "unlogged": false, "of_type": null, "access_method": null, "options": [],
            "toast_options": [], "replica_identity": "d", "row_security": false,
            "force_row_security": false, "partition_key": null, "partition_bound": null,
            "parents": [], "columns": [{
                "num": 1, "name": "c", "data_type": "character varying(5)", "local": true,
                "inherited": false, "not_null": false, "default": null, "identity": "",
                "identity_sequence": null, "generated": "", "collation": null, "storage": "x",
                "type_storage": "x", "compression": "", "stattarget": null, "options": [],
                "comment": null, "acl": {"grants": [], "revokes": []}
            }],
            "constraints": [], "cluster_constraint_index": null,
            "replica_constraint_index": null, "comment": null,
            "acl": {"grants": [], "revokes": []}
        });
        live.tables
            .push(serde_json::from_value(json).unwrap_or_else(|e| panic!("{e}")));
        // Wider than live: nothing lost.
        assert!(data_loss_hazards([sql], Some(&live))[0].is_empty());
        let narrower = "ALTER TABLE t ALTER COLUMN c TYPE varchar(2)";
        assert_eq!(
            data_loss_hazards([narrower], Some(&live))[0],
            ["changes the type of public.t.c from character varying(5) to character varying(2): values may not convert"]
        );
    }
}
