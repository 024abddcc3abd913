//! Text search configurations (with their mappings), dictionaries, parsers and templates.

use super::{read, user_made};
use crate::emit::dictionary_create;
use crate::error::Result;
use crate::inspect::sql::{comment, in_scope, Context};
use crate::model::{SimpleKind, SimpleObject};

pub(super) async fn objects(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let mut out = Vec::new();
    out.extend(parsers(ctx).await?);
    out.extend(templates(ctx).await?);
    out.extend(dictionaries(ctx).await?);
    out.extend(configurations(ctx).await?);
    Ok(out)
}

/// `CREATE TEXT SEARCH CONFIGURATION … (PARSER = …)`, then one mapping per token type (by the
/// parser's alias for it) to its dictionaries in order, as pg_dump writes them.
async fn configurations(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT c.oid, n.nspname::text AS schema, c.cfgname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, \
                pg_catalog.pg_get_userbyid(c.cfgowner)::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE TEXT SEARCH CONFIGURATION %I.%I (PARSER = %I.%I);' || E'\\n', \
                  n.nspname, c.cfgname, pn.nspname, p.prsname) AS \"create\", \
                (SELECT pg_catalog.array_agg(x ORDER BY t.tokid, part) \
                   FROM pg_catalog.ts_token_type(c.cfgparser) t \
                   CROSS JOIN LATERAL (SELECT pg_catalog.string_agg( \
                          pg_catalog.format('%I.%I', dn.nspname, d.dictname), ', ' ORDER BY m.mapseqno) AS dicts \
                        FROM pg_catalog.pg_ts_config_map m \
                        JOIN pg_catalog.pg_ts_dict d ON d.oid = m.mapdict \
                        JOIN pg_catalog.pg_namespace dn ON dn.oid = d.dictnamespace \
                        WHERE m.mapcfg = c.oid AND m.maptokentype = t.tokid) mapped \
                   CROSS JOIN LATERAL (VALUES (1, t.alias), (2, mapped.dicts)) kv(part, x) \
                   WHERE mapped.dicts IS NOT NULL) AS settings \
         FROM pg_catalog.pg_ts_config c \
         JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace \
         JOIN pg_catalog.pg_ts_parser p ON p.oid = c.cfgparser \
         JOIN pg_catalog.pg_namespace pn ON pn.oid = p.prsnamespace \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", c.cfgname COLLATE \"C\"",
        comment = comment("pg_ts_config", "c.oid"),
        user_made = user_made("pg_ts_config", "c.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::TextSearchConfiguration, &sql).await
}

/// `CREATE TEXT SEARCH PARSER … (START = …, GETTOKEN = …, END = …, LEXTYPES = …[, HEADLINE =
/// …])`, functions as `regproc` prints them (qualified unless in `pg_catalog`).
async fn parsers(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT p.oid, n.nspname::text AS schema, p.prsname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, NULL::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE TEXT SEARCH PARSER %I.%I (' || E'\\n' \
                  || '    START = %s,' || E'\\n' || '    GETTOKEN = %s,' || E'\\n' \
                  || '    END = %s,' || E'\\n' || '    LEXTYPES = %s', \
                  n.nspname, p.prsname, p.prsstart::pg_catalog.regproc::text, \
                  p.prstoken::pg_catalog.regproc::text, p.prsend::pg_catalog.regproc::text, \
                  p.prslextype::pg_catalog.regproc::text) \
                || CASE WHEN p.prsheadline <> 0 THEN ',' || E'\\n' || '    HEADLINE = ' \
                     || p.prsheadline::pg_catalog.regproc::text ELSE '' END \
                || ' );' || E'\\n' AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_ts_parser p \
         JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", p.prsname COLLATE \"C\"",
        comment = comment("pg_ts_parser", "p.oid"),
        user_made = user_made("pg_ts_parser", "p.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::TextSearchParser, &sql).await
}

/// `CREATE TEXT SEARCH TEMPLATE … ([INIT = …, ]LEXIZE = …)`.
async fn templates(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT t.oid, n.nspname::text AS schema, t.tmplname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, NULL::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('CREATE TEXT SEARCH TEMPLATE %I.%I (', n.nspname, t.tmplname) \
                || E'\\n' \
                || CASE WHEN t.tmplinit <> 0 THEN '    INIT = ' \
                     || t.tmplinit::pg_catalog.regproc::text || ',' || E'\\n' ELSE '' END \
                || '    LEXIZE = ' || t.tmpllexize::pg_catalog.regproc::text \
                || ' );' || E'\\n' AS \"create\", \
                NULL::text[] AS settings \
         FROM pg_catalog.pg_ts_template t \
         JOIN pg_catalog.pg_namespace n ON n.oid = t.tmplnamespace \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", t.tmplname COLLATE \"C\"",
        comment = comment("pg_ts_template", "t.oid"),
        user_made = user_made("pg_ts_template", "t.oid"),
        scope = in_scope("n"),
    );
    read(ctx, SimpleKind::TextSearchTemplate, &sql).await
}

/// `CREATE TEXT SEARCH DICTIONARY … (TEMPLATE = …, options)`. The options are its settings
/// too (`dictinitoption` split into `name`, `value` as SQL writes them, in the stored order),
/// so that a change of options alone is made in place (see [`dictionary_create`]).
async fn dictionaries(ctx: &Context<'_>) -> Result<Vec<SimpleObject>> {
    let sql = format!(
        "SELECT d.oid, n.nspname::text AS schema, d.dictname::text AS name, \
                NULL::text[] AS args, NULL::text AS method, \
                pg_catalog.pg_get_userbyid(d.dictowner)::text AS owner, \
                {comment} AS comment, NULL::text[] AS acl, \
                pg_catalog.format('TEMPLATE = %I.%I', tn.nspname, t.tmplname) AS \"create\", \
                CASE WHEN d.dictinitoption IS NOT NULL \
                     THEN ARRAY['', d.dictinitoption] END AS settings \
         FROM pg_catalog.pg_ts_dict d \
         JOIN pg_catalog.pg_namespace n ON n.oid = d.dictnamespace \
         JOIN pg_catalog.pg_ts_template t ON t.oid = d.dicttemplate \
         JOIN pg_catalog.pg_namespace tn ON tn.oid = t.tmplnamespace \
         WHERE {user_made} AND {scope} \
         ORDER BY n.nspname COLLATE \"C\", d.dictname COLLATE \"C\"",
        comment = comment("pg_ts_dict", "d.oid"),
        user_made = user_made("pg_ts_dict", "d.oid"),
        scope = in_scope("n"),
    );
    let mut out = read(ctx, SimpleKind::TextSearchDictionary, &sql).await?;
    for o in &mut out {
        // The query put `TEMPLATE = …` in `create` and the stored options, whole, in one
        // setting; a text that does not split is kept whole, in `create` (a change of it then
        // recreates the dictionary).
        let template = std::mem::take(&mut o.create);
        let stored = o.settings.pop().map(|(_, raw)| raw);
        let (settings, rest) = match stored.as_deref().map(parse_options) {
            Some(Some(options)) => (options, None),
            Some(None) => (Vec::new(), stored),
            None => (Vec::new(), None),
        };
        o.settings = settings;
        o.create = dictionary_create(o, &template, rest.as_deref());
    }
    Ok(out)
}

/// Splits `dictinitoption` as PostgreSQL stores it (`name = value, …`: each name as
/// `quote_identifier` writes it, each value a number or a string literal, `E'…'` when it holds
/// a backslash, quotes and backslashes doubled) into `(name, value)` pairs, both as written.
/// `None` when the text is not in that form.
fn parse_options(raw: &str) -> Option<Vec<(String, String)>> {
    let mut out = Vec::new();
    let mut rest = raw;
    loop {
        let key_len = if rest.starts_with('"') {
            quoted_len(rest, b'"')?
        } else {
            rest.find(' ')?
        };
        let (key, after) = rest.split_at(key_len);
        let after = after.strip_prefix(" = ")?;
        let value_len = if after.starts_with("E'") {
            1 + quoted_len(&after[1..], b'\'')?
        } else if after.starts_with('\'') {
            quoted_len(after, b'\'')?
        } else {
            // A number.
            let len = after.find(',').unwrap_or(after.len());
            if after[..len].contains(char::is_whitespace) {
                return None;
            }
            len
        };
        let (value, after) = after.split_at(value_len);
        if key.is_empty() || value.is_empty() {
            return None;
        }
        out.push((key.to_string(), value.to_string()));
        if after.is_empty() {
            return Some(out);
        }
        rest = after.strip_prefix(", ")?;
    }
}

/// The length of the quoted token `s` starts with (quote `q`, doubled inside), or `None` when
/// it does not end.
fn quoted_len(s: &str, q: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = 1;
    while i < bytes.len() {
        if bytes[i] == q {
            if bytes.get(i + 1) == Some(&q) {
                i += 2;
                continue;
            }
            return Some(i + 1);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::parse_options;

    fn pairs(raw: &str) -> Option<Vec<(String, String)>> {
        parse_options(raw)
    }

    #[test]
    fn stored_options_split_into_names_and_values() {
        let got = pairs("stopwords = 'english', accept = 'false'");
        assert_eq!(
            got,
            Some(vec![
                ("stopwords".into(), "'english'".into()),
                ("accept".into(), "'false'".into()),
            ])
        );
        let got = pairs(r#""Odd, name" = 'it''s, here', maxlen = 12, x = E'a\\''b'"#);
        assert_eq!(
            got,
            Some(vec![
                (r#""Odd, name""#.into(), "'it''s, here'".into()),
                ("maxlen".into(), "12".into()),
                ("x".into(), r"E'a\\''b'".into()),
            ])
        );
    }

    #[test]
    fn text_in_another_form_is_refused() {
        assert_eq!(pairs(""), None);
        assert_eq!(pairs("stopwords='english'"), None);
        assert_eq!(pairs("stopwords = 'english"), None);
        assert_eq!(pairs("a = 1,b = 2"), None);
    }
}
