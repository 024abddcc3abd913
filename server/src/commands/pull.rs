//! `pg-flux pull`: the undeclared live objects, rendered by the emitters dump uses, into a
//! quarantine file `<schema-dir>/_pulled/<UTC timestamp>_pulled.sql` for review. Source files
//! are never touched.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use crate::commands::dump::read_catalog;
use crate::commands::verify::{compare, load_source};
use crate::emit::{self, Dir, Phase};
use crate::error::{Error, Result};
use crate::identity::{Identity, ObjectKind};
use crate::inspect::Scope;
use crate::inventory::{LiveObject, Render};
use crate::load::PULLED_DIR;
use crate::model::{Catalog, CatalogRef};
use crate::source::Problem;

#[derive(Debug, Clone)]
pub struct PullOptions {
    pub conninfo: String,
    pub schema_dir: PathBuf,
    pub default_schema: String,
    pub scope: Scope,
    pub dry_run: bool,
}

#[derive(Debug, Clone, Default)]
pub struct PullReport {
    /// How many objects the file captures.
    pub objects: usize,
    /// Undeclared live objects of kinds pg-flux cannot render (the caller warns).
    pub unmodeled: Vec<Identity>,
    /// The file written (or, for a dry run, that would be written); `None` when there was
    /// nothing to capture.
    pub path: Option<PathBuf>,
    /// The file's content.
    pub text: String,
    pub problems: Vec<Problem>,
}

pub async fn pull(options: &PullOptions) -> Result<PullReport> {
    let source = load_source(&options.schema_dir, &options.default_schema)?;
    let catalog = read_catalog(&options.conninfo, &options.scope).await?;
    let verify = compare(&catalog, &source, &options.scope.ignore);
    let (objects, text) = render(&catalog, &verify.undeclared);
    let unmodeled = verify
        .undeclared
        .iter()
        .filter(|o| o.render == Render::Nothing)
        .map(|o| o.identity.clone())
        .collect();
    let mut report = PullReport {
        objects,
        unmodeled,
        path: None,
        text,
        problems: verify.problems,
    };
    if objects == 0 {
        return Ok(report);
    }
    let dir = options.schema_dir.join(PULLED_DIR);
    let stamp = utc_stamp(SystemTime::now());
    let mut path = dir.join(format!("{stamp}_pulled.sql"));
    if options.dry_run {
        report.path = Some(path);
        return Ok(report);
    }
    std::fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    // Never overwrite an earlier pull (two in the same second).
    let mut n = 1;
    loop {
        // Until it is whole, the file is removed on failure or interruption.
        let created = crate::layout::Staged::create(|| {
            let file = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&path)?;
            Ok((file, path.clone()))
        });
        match created {
            Ok((mut file, staged)) => {
                use std::io::Write;
                if let Err(e) = file
                    .write_all(report.text.as_bytes())
                    .and_then(|_| file.sync_all())
                {
                    drop(file);
                    let _ = std::fs::remove_file(&path);
                    return Err(Error::io(&path, e));
                }
                drop(staged);
                break;
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                n += 1;
                path = dir.join(format!("{stamp}_{n}_pulled.sql"));
            }
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    report.path = Some(path);
    Ok(report)
}

/// Renders `objects` in an order that loads: whole objects created before tables are, then
/// added columns, then added constraints, then whole objects that may use those (views,
/// indexes), then cross-object links (foreign keys), then grants. Returns how many objects the
/// text captures.
pub fn render(catalog: &Catalog, objects: &[LiveObject]) -> (usize, String) {
    let header = |o: &LiveObject| {
        let file = o
            .file
            .as_ref()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        format!(
            "-- pg-flux pull: {} {} (belongs in {file})\n",
            o.identity.kind.singular(),
            o.identity
        )
    };
    // (stage, position, object, sql)
    let mut units: Vec<(u8, usize, usize, String)> = Vec::new();
    let mut owner: HashMap<CatalogRef, usize> = HashMap::new();
    for (i, o) in objects.iter().enumerate() {
        match &o.render {
            Render::Blocks(refs) => {
                for r in refs {
                    owner.entry(*r).or_insert(i);
                }
            }
            Render::Sql(sql) => {
                let stage = match o.identity.kind {
                    ObjectKind::Column => 1,
                    ObjectKind::Constraint => 2,
                    _ => 5,
                };
                units.push((stage, units.len(), i, sql.clone()));
            }
            // (Pull lists with `inventory`, which renders.)
            Render::Nothing | Render::NotRendered => {}
        }
    }
    if !owner.is_empty() {
        for (position, block) in emit::emit(catalog).into_iter().enumerate() {
            // A block belongs to the object it provides; a block that provides nothing (an
            // `OWNED BY`) to the object it needs.
            let refs = if block.provides.is_empty() {
                &block.requires
            } else {
                &block.provides
            };
            let Some(&i) = refs.iter().find_map(|r| owner.get(r)) else {
                continue;
            };
            let stage = if block.phase == Phase::Label {
                // With the object it labels, after it.
                units
                    .iter()
                    .rev()
                    .find(|(_, _, o, _)| *o == i)
                    .map_or(3, |(stage, _, _, _)| *stage)
            } else if block.phase == Phase::Link {
                4
            } else if block.file.dir <= Dir::Tables {
                0
            } else {
                3
            };
            units.push((stage, position, i, block.sql));
        }
    }
    units.sort_by_key(|(stage, position, _, _)| (*stage, *position));
    let mut captured = vec![false; objects.len()];
    let mut text = String::from(
        "-- Captured by pg-flux pull: live objects not declared in source.\n\
         -- Review each block and move it into the source file it belongs in.\n",
    );
    for (_, _, i, sql) in &units {
        captured[*i] = true;
        text.push('\n');
        text.push_str(&header(&objects[*i]));
        text.push_str(sql);
    }
    let missing: Vec<&LiveObject> = objects
        .iter()
        .filter(|o| o.render == Render::Nothing)
        .collect();
    if !missing.is_empty() {
        text.push_str("\n-- Not captured (pg-flux does not model these kinds yet):\n");
        for o in missing {
            // One line each: an identity never holds a newline that could end the comment.
            let identity = o.identity.to_string().replace(['\n', '\r'], " ");
            text.push_str(&format!("-- - {identity}\n"));
        }
    }
    (captured.iter().filter(|c| **c).count(), text)
}

/// `YYYYMMDD_HHMMSS` in UTC.
pub fn utc_stamp(time: SystemTime) -> String {
    let secs = time
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}{month:02}{day:02}_{:02}{:02}{:02}",
        rem / 3600,
        (rem % 3600) / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn stamps_are_utc() {
        let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_779_273_165);
        assert_eq!(utc_stamp(t), "20260520_103245");
        assert_eq!(utc_stamp(SystemTime::UNIX_EPOCH), "19700101_000000");
    }
}
