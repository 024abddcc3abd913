//! Connecting to real servers: settings, passwords, errors, TLS per sslmode, client
//! certificates, service files, several hosts, target_session_attrs against a real standby,
//! and the read-only inspection session.

use std::fs;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use pg_flux::connect::{connect, ConnInfo, Session, StaticEnv};
use pg_flux::embedded::{Binaries, Cluster};
use pg_flux_tests::{cluster, default_major, majors, OutputOk, TestDb};

/// An environment with nothing set, so the machine's PG* variables and ~/.pgpass stay out.
fn env() -> StaticEnv {
    StaticEnv::new("no-such-os-user")
}

fn resolve(text: &str) -> ConnInfo {
    ConnInfo::resolve(text, &env()).unwrap_or_else(|e| panic!("{e}"))
}

async fn connect_err(info: &ConnInfo) -> String {
    match connect(info).await {
        Ok(_) => panic!("connecting with {info} should have failed"),
        Err(e) => {
            let message = e.to_string();
            eprintln!("{message}");
            message
        }
    }
}

async fn one_string(client: &tokio_postgres::Client, sql: &str) -> String {
    let row = client
        .query_one(sql, &[])
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
    row.get::<_, String>(0)
}

async fn uses_tls(client: &tokio_postgres::Client) -> bool {
    let row = client
        .query_one(
            "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()",
            &[],
        )
        .await
        .unwrap_or_else(|e| panic!("pg_stat_ssl: {e}"));
    row.get(0)
}

#[tokio::test]
async fn connects_by_uri() {
    let db = TestDb::new();
    let client = connect(&resolve(&db.url()))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_database()::text").await,
        db.name
    );
    assert_eq!(
        one_string(&client, "SHOW application_name").await,
        "pg-flux"
    );
}

#[tokio::test]
async fn connects_by_keyword_string_with_a_quoted_password() {
    let db = TestDb::new();
    let text = format!(
        "host=127.0.0.1 port={} dbname='{}' user=postgres password='{}' application_name='my tool'",
        db.cluster.port(),
        db.name,
        db.cluster.password()
    );
    let client = connect(&resolve(&text))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_user::text").await,
        "postgres"
    );
    assert_eq!(
        one_string(&client, "SHOW application_name").await,
        "my tool"
    );
}

#[tokio::test]
async fn connects_through_the_unix_socket() {
    let db = TestDb::new();
    let info = resolve(&db.cluster.socket_conninfo(&db.name));
    assert!(info.is_unix_socket());
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_database()::text").await,
        db.name
    );
    let row = client
        .query_one("SELECT inet_client_addr() IS NULL", &[])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(row.get::<_, bool>(0), "expected a unix-socket connection");
}

#[tokio::test]
async fn takes_user_and_password_from_the_environment() {
    let db = TestDb::new();
    let env = env()
        .with_var("PGHOST", "127.0.0.1")
        .with_var("PGPORT", db.cluster.port().to_string())
        .with_var("PGUSER", "postgres")
        .with_var("PGPASSWORD", db.cluster.password())
        .with_var("PGDATABASE", db.name.clone());
    let info = ConnInfo::resolve("", &env).unwrap_or_else(|e| panic!("{e}"));
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_database()::text").await,
        db.name
    );
}

#[tokio::test]
async fn takes_the_password_from_a_password_file() {
    let db = TestDb::new();
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pgpass = home.path().join(".pgpass");
    fs::write(
        &pgpass,
        format!(
            "# test\nother:1:*:*:nope\n127.0.0.1:{}:*:postgres:{}\n",
            db.cluster.port(),
            db.cluster.password()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&pgpass, fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let env = env().with_home(home.path());
    let text = format!(
        "host=127.0.0.1 port={} user=postgres dbname={}",
        db.cluster.port(),
        db.name
    );
    let info = ConnInfo::resolve(&text, &env).unwrap_or_else(|e| panic!("{e}"));
    assert!(info.password().is_some());
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_database()::text").await,
        db.name
    );

    // A file others may read is ignored, as libpq does: no password, so authentication fails.
    fs::set_permissions(&pgpass, fs::Permissions::from_mode(0o644))
        .unwrap_or_else(|e| panic!("{e}"));
    let info = ConnInfo::resolve(&text, &env).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(info.password(), None);
    let message = connect_err(&info).await;
    assert!(
        message.contains("authentication failed for user \"postgres\""),
        "{message}"
    );
}

#[tokio::test]
async fn a_wrong_password_is_reported_without_any_password() {
    let db = TestDb::new();
    let wrong = "Wr0ng-Pa55word-xyzzy";
    let text = format!(
        "postgres://postgres:{wrong}@127.0.0.1:{}/{}",
        db.cluster.port(),
        db.name
    );
    let message = connect_err(&resolve(&text)).await;
    assert!(
        message.starts_with("could not connect to the database: "),
        "{message}"
    );
    assert!(
        message.contains("authentication failed for user \"postgres\""),
        "{message}"
    );
    assert!(message.contains("password=********"), "{message}");
    assert!(!message.contains(wrong), "{message}");
    assert!(!message.contains(db.cluster.password()), "{message}");
}

#[tokio::test]
async fn a_missing_database_is_named() {
    let db = TestDb::new();
    let message = connect_err(&resolve(&db.cluster.url("no_such_db"))).await;
    assert!(
        message.contains("database \"no_such_db\" does not exist"),
        "{message}"
    );
    assert!(!message.contains(db.cluster.password()), "{message}");
}

#[tokio::test]
async fn an_unreachable_server_is_reported_clearly() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
        listener
            .local_addr()
            .unwrap_or_else(|e| panic!("{e}"))
            .port()
    };
    let message = connect_err(&resolve(&format!(
        "postgres://u:topsecret@127.0.0.1:{port}/d"
    )))
    .await;
    assert!(
        message.starts_with("could not connect to the database: "),
        "{message}"
    );
    assert!(
        message.contains(&format!("connection refused by 127.0.0.1:{port}")),
        "{message}"
    );
    assert!(!message.contains("topsecret"), "{message}");

    let message = connect_err(&resolve("host=no-such-host.invalid user=u")).await;
    assert!(
        message.contains("host no-such-host.invalid not found"),
        "{message}"
    );

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let message = connect_err(&resolve(&format!("host={} user=u", dir.path().display()))).await;
    assert!(
        message.contains("no server is listening on socket"),
        "{message}"
    );
}

#[tokio::test]
async fn a_server_that_never_answers_times_out() {
    // The kernel completes the TCP handshake; nobody ever speaks the protocol.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    let port = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("{e}"))
        .port();
    let message = connect_err(&resolve(&format!(
        "host=127.0.0.1 port={port} user=u connect_timeout=2"
    )))
    .await;
    assert!(
        message.contains(&format!("timeout after 2s connecting to 127.0.0.1:{port}")),
        "{message}"
    );
    // No connect_timeout given: libpq would wait forever; pg-flux gives up after 10 s.
    let message = connect_err(&resolve(&format!("host=127.0.0.1 port={port} user=u"))).await;
    assert!(
        message.contains(&format!(
            "timeout after 10s connecting to 127.0.0.1:{port} (the server did not answer; set \
             connect_timeout in the connection string to wait longer)"
        )),
        "{message}"
    );
    drop(listener);
}

#[tokio::test]
async fn an_unknown_role_is_reported_as_the_server_reports_it() {
    let db = TestDb::new();
    let message = connect_err(&resolve(
        &db.cluster.socket_conninfo_as(&db.name, "no_such_role"),
    ))
    .await;
    assert!(
        message.contains("refused the connection: role \"no_such_role\" does not exist"),
        "{message}"
    );
    assert!(!message.contains("authentication failed"), "{message}");
}

#[tokio::test]
async fn a_session_opens_from_a_connection_string_too() {
    let db = TestDb::new();
    let session = Session::open(db.url().as_str())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(session.server_major(), db.major());
    assert!(format!("{}", session.conninfo()).contains("password=********"));
}

#[tokio::test]
async fn the_session_is_a_read_only_snapshot_with_an_empty_search_path() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec("CREATE TYPE public.mood AS ENUM ('ok'); CREATE TABLE public.t (m mood)");
        let session = Session::open(&resolve(&db.url()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(session.server_major(), major);
        assert_eq!(session.server_version_num() / 10000, major as i32);
        let client = session.client();
        assert_eq!(one_string(client, "SHOW search_path").await, "");
        assert_eq!(
            one_string(client, "SELECT current_schemas(false)::text").await,
            "{}"
        );
        assert_eq!(
            one_string(client, "SELECT format_type('public.mood'::regtype, NULL)").await,
            "public.mood"
        );
        assert_eq!(
            one_string(client, "SELECT current_setting('transaction_isolation')").await,
            "repeatable read"
        );
        assert_eq!(one_string(client, "SHOW DateStyle").await, "ISO, MDY");
        assert_eq!(one_string(client, "SHOW extra_float_digits").await, "3");
        assert_eq!(one_string(client, "SHOW application_name").await, "pg-flux");
        let err = client
            .batch_execute("CREATE TABLE public.u (id int)")
            .await
            .err()
            .unwrap_or_else(|| panic!("CREATE TABLE succeeded in the read-only session"));
        let message = err
            .as_db_error()
            .map(|d| d.message().to_string())
            .unwrap_or_default();
        assert!(message.contains("read-only transaction"), "{message}");
        drop(session);
        assert_eq!(
            db.query("SELECT count(*) FROM pg_class WHERE relname = 'u'")
                .trim(),
            "0"
        );
    }
}

#[tokio::test]
async fn both_readers_of_a_session_see_its_one_snapshot() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec("CREATE TABLE public.before (id int)");
        let session = Session::open(&resolve(&db.url()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let readers = session.readers();
        assert_eq!(readers.len(), 2, "PostgreSQL {major}: no second reader");
        // Committed after the snapshot was taken: neither reader may see it.
        db.exec("CREATE TABLE public.after (id int); CREATE INDEX after_i ON public.after (id)");
        for reader in &readers {
            assert_eq!(
                one_string(reader, "SELECT string_agg(relname, ',' ORDER BY relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace").await,
                "before"
            );
            assert_eq!(
                one_string(reader, "SELECT current_setting('transaction_read_only')").await,
                "on"
            );
        }
        let catalog = pg_flux::inspect::inspect_session(
            &session,
            &Default::default(),
            pg_flux::inspect::Depth::Ordered,
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        let tables: Vec<_> = catalog
            .tables
            .iter()
            .map(|t| t.name.name.as_str())
            .collect();
        assert_eq!(tables, ["before"]);
        assert!(catalog.indexes.is_empty(), "{:?}", catalog.indexes);
    }
}

/// A cancelled request (or a timeout) drops an inspection mid-query: its query is cancelled
/// on the server, not left running. The inspection is held up by a lock on a view (reading a
/// view's definition waits for it); the lock stays held for the whole test, so only the
/// cancellation can end the waiting query.
#[tokio::test]
async fn a_dropped_inspection_cancels_its_query_on_the_server() {
    for major in majors() {
        let db = TestDb::on(major);
        db.exec("CREATE VIEW public.v AS SELECT 1 AS x");
        let locker = connect(&resolve(&db.url()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        locker
            .batch_execute("BEGIN; LOCK TABLE public.v IN ACCESS EXCLUSIVE MODE")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let session = Session::open(&resolve(&db.url()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let scope = pg_flux::inspect::Scope::default();
        let inspection = pg_flux::inspect::inspect_session(
            &session,
            &scope,
            pg_flux::inspect::Depth::Definitions,
        );
        let waiting = "SELECT count(*)::text FROM pg_catalog.pg_stat_activity \
            WHERE wait_event_type = 'Lock' AND datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()";
        // Watched from a session of its own: a transaction (the locker's) sees one snapshot of
        // pg_stat_activity throughout.
        let watcher = connect(&resolve(&db.url()))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        // Run until its query is seen waiting for the lock (it must not end before), then drop.
        let seen_waiting = async {
            while one_string(&watcher, waiting).await == "0" {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        };
        tokio::select! {
            _ = inspection => {
                panic!("PostgreSQL {major}: the inspection did not wait for the lock")
            }
            seen = tokio::time::timeout(Duration::from_secs(20), seen_waiting) => {
                seen.unwrap_or_else(|_| {
                    panic!("PostgreSQL {major}: the inspection's query never waited for the lock")
                });
            }
        }
        drop(session);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if one_string(&watcher, waiting).await == "0" {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "PostgreSQL {major}: the dropped inspection's query still waits 10 s later"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// TLS

/// Certificates made with the `openssl` tool: a CA, a server certificate for `localhost` only
/// (no IP address) signed by it, and an unrelated CA.
struct Certs {
    dir: PathBuf,
}

impl Certs {
    fn ca(&self) -> String {
        self.dir.join("ca.crt").display().to_string()
    }
    fn other_ca(&self) -> String {
        self.dir.join("other-ca.crt").display().to_string()
    }
}

fn openssl(dir: &Path, args: &[&str]) {
    Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output_ok();
}

fn make_certs(dir: &Path) -> Certs {
    fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
    for ca in ["ca", "other-ca"] {
        openssl(
            dir,
            &[
                "req",
                "-x509",
                "-newkey",
                "ec",
                "-pkeyopt",
                "ec_paramgen_curve:prime256v1",
                "-nodes",
                "-days",
                "30",
                "-subj",
                &format!("/CN=pg-flux test {ca}"),
                "-keyout",
                &format!("{ca}.key"),
                "-out",
                &format!("{ca}.crt"),
                "-addext",
                "basicConstraints=critical,CA:TRUE",
                "-addext",
                "keyUsage=critical,keyCertSign,cRLSign",
            ],
        );
    }
    fs::write(
        dir.join("server.ext"),
        "subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n\
         keyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-set_serial",
            "2",
            "-days",
            "30",
            "-extfile",
            "server.ext",
            "-out",
            "server.crt",
        ],
    );
    make_client_cert(dir, CERT_USER);
    Certs {
        dir: dir.to_path_buf(),
    }
}

/// The role that logs in with a client certificate (`cert` authentication: the certificate's
/// common name is the role).
const CERT_USER: &str = "cert_user";

/// `<cn>.crt` and `<cn>.key` (mode 0600): a client certificate for `cn`, signed by the test CA;
/// and `<cn>-v1.crt`, the same as an X.509 v1 certificate (no extensions), as PostgreSQL
/// how-tos make them.
fn make_client_cert(dir: &Path, cn: &str) {
    fs::write(
        dir.join("client.ext"),
        "basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\n\
         extendedKeyUsage=clientAuth\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    openssl(
        dir,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-subj",
            &format!("/CN={cn}"),
            "-keyout",
            &format!("{cn}.key"),
            "-out",
            &format!("{cn}.csr"),
        ],
    );
    let sign = |serial: &str, out: String, extensions: &[&str]| {
        let csr = format!("{cn}.csr");
        let mut args = vec![
            "x509", "-req", "-in", &csr, "-CA", "ca.crt", "-CAkey", "ca.key", "-days", "30",
        ];
        args.extend(["-set_serial", serial, "-out", &out]);
        args.extend(extensions);
        openssl(dir, &args);
    };
    sign("3", format!("{cn}.crt"), &["-extfile", "client.ext"]);
    sign("4", format!("{cn}-v1.crt"), &[]);
    fs::set_permissions(
        dir.join(format!("{cn}.key")),
        fs::Permissions::from_mode(0o600),
    )
    .unwrap_or_else(|e| panic!("{e}"));
}

struct TlsCluster {
    cluster: Cluster,
    certs: Certs,
}

/// A cluster of the default major serving TLS with the test certificates. The key goes into
/// the data directory as `server.key` (the default `ssl_key_file`), owned by the server's user
/// with mode 0600; `ssl = on` takes effect on reload (PostgreSQL 10+).
fn tls_cluster() -> &'static TlsCluster {
    static TLS: OnceLock<TlsCluster> = OnceLock::new();
    TLS.get_or_init(|| {
        let bins = Binaries::discover(Some(default_major())).unwrap_or_else(|e| panic!("{e}"));
        let cluster = Cluster::start(&bins).unwrap_or_else(|e| panic!("{e}"));
        let data = cluster.data_dir();
        let root = data
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| data.clone());
        let certs = make_certs(&root.join("certs"));
        let owner = fs::metadata(&data).unwrap_or_else(|e| panic!("{e}"));
        for (name, copy) in [
            ("server.crt", "server.crt"),
            ("server.key", "server.key"),
            ("ca.crt", "root.crt"),
        ] {
            let target = data.join(copy);
            fs::copy(certs.dir.join(name), &target).unwrap_or_else(|e| panic!("{e}"));
            std::os::unix::fs::chown(&target, Some(owner.uid()), Some(owner.gid()))
                .unwrap_or_else(|e| panic!("{e}"));
            fs::set_permissions(&target, fs::Permissions::from_mode(0o600))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        // Client certificates: trusted when the test CA signed them; CERT_USER must show one.
        let hba = data.join("pg_hba.conf");
        let rules = fs::read_to_string(&hba).unwrap_or_else(|e| panic!("{e}"));
        fs::write(
            &hba,
            format!("hostssl all {CERT_USER} 127.0.0.1/32 cert\n{rules}"),
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let conninfo = cluster.socket_conninfo("postgres");
        std::thread::scope(|s| {
            s.spawn(|| {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap_or_else(|e| panic!("{e}"));
                rt.block_on(enable_ssl(&conninfo, cluster.port()));
            });
        });
        TlsCluster { cluster, certs }
    })
}

async fn enable_ssl(socket_conninfo: &str, port: u16) {
    let admin = connect(&resolve(socket_conninfo))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // One statement per call: ALTER SYSTEM may not run inside a multi-statement batch.
    for sql in [
        format!("CREATE ROLE {CERT_USER} LOGIN"),
        "ALTER SYSTEM SET ssl_ca_file = 'root.crt'".to_string(),
    ] {
        admin
            .batch_execute(&sql)
            .await
            .unwrap_or_else(|e| panic!("{sql}: {e:?}"));
    }
    admin
        .batch_execute("ALTER SYSTEM SET ssl = on")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    admin
        .batch_execute("SELECT pg_reload_conf()")
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    // Wait until new backends come up with TLS.
    let probe = resolve(&format!(
        "host=127.0.0.1 port={port} user=postgres dbname=postgres sslmode=require"
    ));
    let start = Instant::now();
    loop {
        match connect(&probe).await {
            Err(e) if e.to_string().contains("does not support TLS") => {}
            // Authentication fails (no password): but the TLS handshake came first.
            _ => return,
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "TLS never came up"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn tls_info(host: &str, extra: &str) -> ConnInfo {
    let tls = tls_cluster();
    resolve(&format!(
        "host={host} port={} user=postgres dbname=postgres password={} {extra}",
        tls.cluster.port(),
        tls.cluster.password()
    ))
}

#[tokio::test]
async fn tls_require_encrypts_without_verifying() {
    let client = connect(&tls_info("127.0.0.1", "sslmode=require"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&client).await);
    // prefer uses TLS when the server offers it.
    let client = connect(&tls_info("127.0.0.1", "sslmode=prefer"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&client).await);
    // disable does not.
    let client = connect(&tls_info("127.0.0.1", "sslmode=disable"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!uses_tls(&client).await);
}

#[tokio::test]
async fn tls_verify_full_checks_chain_and_host_name() {
    let certs = &tls_cluster().certs;
    let ok = format!("sslmode=verify-full sslrootcert={}", certs.ca());
    let client = connect(&tls_info("localhost", &ok))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&client).await);

    let wrong_ca = format!("sslmode=verify-full sslrootcert={}", certs.other_ca());
    let message = connect_err(&tls_info("localhost", &wrong_ca)).await;
    assert!(
        message.contains(
            "certificate verification failed: the server certificate is not signed \
                          by a trusted certificate authority"
        ),
        "{message}"
    );

    // The certificate names localhost only.
    let message = connect_err(&tls_info("127.0.0.1", &ok)).await;
    assert!(
        message.contains(
            "certificate verification failed: the server certificate is not valid \
                          for host 127.0.0.1"
        ),
        "{message}"
    );
    assert!(
        !message.contains(tls_cluster().cluster.password()),
        "{message}"
    );
}

#[tokio::test]
async fn tls_verify_ca_checks_the_chain_but_not_the_host_name() {
    let certs = &tls_cluster().certs;
    let client = connect(&tls_info(
        "127.0.0.1",
        &format!("sslmode=verify-ca sslrootcert={}", certs.ca()),
    ))
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&client).await);

    let message = connect_err(&tls_info(
        "127.0.0.1",
        &format!("sslmode=verify-ca sslrootcert={}", certs.other_ca()),
    ))
    .await;
    assert!(
        message.contains("certificate verification failed"),
        "{message}"
    );

    // As in libpq, require with a root certificate verifies the chain like verify-ca.
    let message = connect_err(&tls_info(
        "127.0.0.1",
        &format!("sslmode=require sslrootcert={}", certs.other_ca()),
    ))
    .await;
    assert!(
        message.contains("certificate verification failed"),
        "{message}"
    );
    let client = connect(&tls_info(
        "127.0.0.1",
        &format!("sslmode=require sslrootcert={}", certs.ca()),
    ))
    .await
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(uses_tls(&client).await);
}

#[tokio::test]
async fn tls_unix_sockets_never_use_tls() {
    let tls = tls_cluster();
    let info = resolve(&format!(
        "{} sslmode=require",
        tls.cluster.socket_conninfo("postgres")
    ));
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert!(!uses_tls(&client).await);
}

#[tokio::test]
async fn tls_against_a_server_without_tls() {
    let plain = cluster(default_major());
    let base = format!(
        "host=127.0.0.1 port={} user=postgres dbname=postgres password={}",
        plain.port(),
        plain.password()
    );
    let message = connect_err(&resolve(&format!("{base} sslmode=require"))).await;
    assert!(
        message.contains(&format!(
            "the server at 127.0.0.1:{} does not support TLS but sslmode=require",
            plain.port()
        )),
        "{message}"
    );
    assert!(!message.contains(plain.password()), "{message}");

    let client = connect(&resolve(&format!("{base} sslmode=prefer")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!uses_tls(&client).await);
    let client = connect(&resolve(&base))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(!uses_tls(&client).await);
}

// ---------------------------------------------------------------------------------------------
// Client certificates

/// The test client certificate's files: `(certificate, key)`.
fn client_cert_files() -> (String, String) {
    let dir = &tls_cluster().certs.dir;
    (
        dir.join(format!("{CERT_USER}.crt")).display().to_string(),
        dir.join(format!("{CERT_USER}.key")).display().to_string(),
    )
}

/// Settings for CERT_USER on the TLS cluster, with `extra` keywords.
fn cert_user_info(extra: &str) -> ConnInfo {
    resolve(&format!(
        "host=127.0.0.1 port={} user={CERT_USER} dbname=postgres sslmode=require {extra}",
        tls_cluster().cluster.port()
    ))
}

/// A copy of the client key in a directory of its own, with `mode`.
fn key_copy(mode: u32) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let copy = dir.path().join("client.key");
    fs::copy(client_cert_files().1, &copy).unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&copy, fs::Permissions::from_mode(mode)).unwrap_or_else(|e| panic!("{e}"));
    let path = copy.display().to_string();
    (dir, path)
}

#[tokio::test]
async fn tls_a_client_certificate_logs_in_as_its_common_name() {
    let (cert, key) = client_cert_files();
    let client = connect(&cert_user_info(&format!("sslcert={cert} sslkey={key}")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_user::text").await,
        CERT_USER
    );
    assert!(uses_tls(&client).await);
    // An X.509 v1 certificate works too (the server accepts it).
    let v1 = cert.replace(".crt", "-v1.crt");
    let client = connect(&cert_user_info(&format!("sslcert={v1} sslkey={key}")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_user::text").await,
        CERT_USER
    );

    // The same through PGSSLCERT / PGSSLKEY, and through libpq's default files in
    // ~/.postgresql.
    let cert_env = env()
        .with_var("PGSSLCERT", &cert)
        .with_var("PGSSLKEY", &key);
    let text = cert_user_info("").to_string();
    let info = ConnInfo::resolve(&text, &cert_env).unwrap_or_else(|e| panic!("{e}"));
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_user::text").await,
        CERT_USER
    );
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dot = home.path().join(".postgresql");
    fs::create_dir(&dot).unwrap_or_else(|e| panic!("{e}"));
    fs::copy(&cert, dot.join("postgresql.crt")).unwrap_or_else(|e| panic!("{e}"));
    fs::copy(&key, dot.join("postgresql.key")).unwrap_or_else(|e| panic!("{e}"));
    let info =
        ConnInfo::resolve(&text, &env().with_home(home.path())).unwrap_or_else(|e| panic!("{e}"));
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_user::text").await,
        CERT_USER
    );
}

#[tokio::test]
async fn tls_without_a_client_certificate_the_server_refuses_in_its_words() {
    let info = cert_user_info("");
    let message = connect_err(&info).await;
    assert_eq!(
        message,
        format!(
            "could not connect to the database: the server at 127.0.0.1:{} refused the \
             connection: connection requires a valid client certificate; connection settings: \
             {info}",
            tls_cluster().cluster.port()
        )
    );
}

#[tokio::test]
async fn tls_client_key_files_that_cannot_be_used_are_refused_with_a_reason() {
    let (cert, key) = client_cert_files();
    // Readable by others: refused as libpq refuses it.
    let (_dir, open_key) = key_copy(0o644);
    let message = connect_err(&cert_user_info(&format!(
        "sslcert={cert} sslkey={open_key}"
    )))
    .await;
    assert_eq!(
        message,
        format!(
            "invalid connection settings: private key file \"{open_key}\" has group or world \
             access; permissions should be u=rw (0600) or less, or u=rw,g=r (0640) or less if \
             owned by root"
        )
    );
    // The key of another certificate.
    let server_key = tls_cluster().certs.dir.join("server.key");
    fs::set_permissions(&server_key, fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let server_key = server_key.display().to_string();
    let message = connect_err(&cert_user_info(&format!(
        "sslcert={cert} sslkey={server_key}"
    )))
    .await;
    assert_eq!(
        message,
        format!(
            "invalid connection settings: the private key in \"{server_key}\" does not match \
             the certificate in \"{cert}\""
        )
    );
    // A password-protected key: sslpassword is not supported, and the message says what to do.
    let (dir, _) = key_copy(0o600);
    let encrypted = dir.path().join("encrypted.key");
    openssl(
        dir.path(),
        &[
            "pkey",
            "-in",
            &key,
            "-aes256",
            "-passout",
            "pass:secret",
            "-out",
            "encrypted.key",
        ],
    );
    fs::set_permissions(&encrypted, fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let encrypted = encrypted.display().to_string();
    let message = connect_err(&cert_user_info(&format!(
        "sslcert={cert} sslkey={encrypted}"
    )))
    .await;
    assert_eq!(
        message,
        format!(
            "invalid connection settings: private key file \"{encrypted}\" is encrypted, and \
             pg-flux does not support sslpassword; decrypt it (openssl pkey -in {encrypted} -out \
             NEW.key, then chmod 0600 NEW.key) and name the decrypted file in sslkey"
        )
    );
    // A certificate file that is not there.
    let message = connect_err(&cert_user_info(&format!(
        "sslcert=/nonexistent/client.crt sslkey={key}"
    )))
    .await;
    assert_eq!(
        message,
        "invalid connection settings: could not read certificate file \
         \"/nonexistent/client.crt\": No such file or directory (os error 2)"
    );
}

// ---------------------------------------------------------------------------------------------
// Service files

#[tokio::test]
async fn a_service_file_gives_the_settings_and_the_string_overrides_them() {
    let db = TestDb::new();
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = dir.path().join("pg_service.conf");
    fs::write(
        &file,
        format!(
            "# services for the test\n[other]\nhost=no-such-host.invalid\n\n[test]\n\
             host=127.0.0.1\nport={}\nuser=postgres\npassword={}\ndbname=no_such_db\n",
            db.cluster.port(),
            db.cluster.password()
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let env = env().with_var("PGSERVICEFILE", file.display().to_string());
    let text = format!("service=test dbname={}", db.name);
    let info = ConnInfo::resolve(&text, &env).unwrap_or_else(|e| panic!("{e}"));
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_database()::text").await,
        db.name
    );
    // PGSERVICE names the service when the string does not; the service's dbname then holds.
    let env = env.with_var("PGSERVICE", "test");
    let info = ConnInfo::resolve("", &env).unwrap_or_else(|e| panic!("{e}"));
    let message = connect_err(&info).await;
    assert!(
        message.contains("database \"no_such_db\" does not exist"),
        "{message}"
    );
    let message = ConnInfo::resolve("service=missing", &env)
        .map(|info| info.to_string())
        .unwrap_or_else(|e| e.to_string());
    assert_eq!(
        message,
        "invalid connection settings: definition of service \"missing\" not found"
    );
}

// ---------------------------------------------------------------------------------------------
// Several hosts

/// A TCP port nobody listens on (bound, then released).
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}"));
    listener
        .local_addr()
        .unwrap_or_else(|e| panic!("{e}"))
        .port()
}

async fn server_port(client: &tokio_postgres::Client) -> i32 {
    let row = client
        .query_one("SELECT inet_server_port()", &[])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    row.get(0)
}

#[tokio::test]
async fn several_hosts_are_tried_in_order() {
    let db = TestDb::new();
    let (closed, port) = (closed_port(), db.cluster.port());
    // A keyword string, with the password from the password file's line for the second host.
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let pgpass = home.path().join(".pgpass");
    fs::write(
        &pgpass,
        format!("127.0.0.1:{port}:*:postgres:{}\n", db.cluster.password()),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&pgpass, fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = format!(
        "host=127.0.0.1,127.0.0.1 port={closed},{port} user=postgres dbname={}",
        db.name
    );
    let info =
        ConnInfo::resolve(&text, &env().with_home(home.path())).unwrap_or_else(|e| panic!("{e}"));
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(server_port(&client).await, i32::from(port));
    assert_eq!(
        pg_flux::connect::endpoint(&info),
        format!("127.0.0.1:{closed}, 127.0.0.1:{port}")
    );
    // A URI with a host list.
    let uri = format!(
        "postgresql://postgres:{}@127.0.0.1:{closed},127.0.0.1:{port}/{}",
        db.cluster.password(),
        db.name
    );
    let client = connect(&resolve(&uri))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(server_port(&client).await, i32::from(port));
    // A session reads its snapshot from the host it reached, on both of its connections.
    let session = Session::open(&resolve(&uri))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        pg_flux::connect::endpoint(session.conninfo()),
        format!("127.0.0.1:{port}")
    );
}

#[tokio::test]
async fn when_every_host_fails_the_message_names_each_with_its_reason() {
    let db = TestDb::new();
    let (a, b, port) = (closed_port(), closed_port(), db.cluster.port());
    let info = resolve(&format!(
        "host=127.0.0.1,127.0.0.1,127.0.0.1 port={a},{b},{port} user=postgres \
         password=Wr0ng-xyzzy dbname=postgres connect_timeout=5"
    ));
    let message = connect_err(&info).await;
    assert_eq!(
        message,
        format!(
            "could not connect to the database: none of the 3 hosts could be used: connection \
             refused by 127.0.0.1:{a} (is a server running there?); connection refused by \
             127.0.0.1:{b} (is a server running there?); 127.0.0.1:{port}: authentication \
             failed for user \"postgres\"; connection settings: host=127.0.0.1,127.0.0.1,127.0.0.1 \
             port={a},{b},{port} dbname=postgres user=postgres password=******** sslmode=prefer \
             connect_timeout=5"
        )
    );
    assert!(!message.contains("xyzzy"), "{message}");
}

#[tokio::test]
async fn load_balance_hosts_random_still_reaches_a_working_host() {
    let db = TestDb::new();
    let uri = format!(
        "postgresql://postgres:{}@127.0.0.1:{},127.0.0.1:{}/{}?load_balance_hosts=random",
        db.cluster.password(),
        closed_port(),
        db.cluster.port(),
        db.name
    );
    for _ in 0..4 {
        let client = connect(&resolve(&uri))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(server_port(&client).await, i32::from(db.cluster.port()));
    }
}

// ---------------------------------------------------------------------------------------------
// target_session_attrs

/// A hot standby without a primary (started from a copy of a fresh cluster's data), of the
/// default major.
fn standby() -> &'static Cluster {
    static STANDBY: OnceLock<Cluster> = OnceLock::new();
    STANDBY.get_or_init(|| {
        let bins = Binaries::discover(Some(default_major())).unwrap_or_else(|e| panic!("{e}"));
        let mut cluster = Cluster::start(&bins).unwrap_or_else(|e| panic!("{e}"));
        cluster
            .restart_as_standby()
            .unwrap_or_else(|e| panic!("{e}"));
        cluster
    })
}

/// Settings for `servers` (clusters sharing no password: each target gets its own from a
/// password file) with `attrs`.
fn attrs_info(servers: &[&Cluster], attrs: &str, home: &Path) -> ConnInfo {
    let pgpass = home.join(".pgpass");
    let lines: String = servers
        .iter()
        .map(|c| format!("127.0.0.1:{}:*:postgres:{}\n", c.port(), c.password()))
        .collect();
    fs::write(&pgpass, lines).unwrap_or_else(|e| panic!("{e}"));
    fs::set_permissions(&pgpass, fs::Permissions::from_mode(0o600))
        .unwrap_or_else(|e| panic!("{e}"));
    let hosts = vec!["127.0.0.1"; servers.len()].join(",");
    let ports: Vec<String> = servers.iter().map(|c| c.port().to_string()).collect();
    let text = format!(
        "host={hosts} port={} user=postgres dbname=postgres target_session_attrs={attrs}",
        ports.join(",")
    );
    ConnInfo::resolve(&text, &env().with_home(home)).unwrap_or_else(|e| panic!("{e}"))
}

#[tokio::test]
async fn target_session_attrs_picks_the_primary_or_the_standby() {
    let primary: &Cluster = &cluster(default_major());
    let standby = standby();
    let home = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let reached = |servers: &[&Cluster], attrs: &str| {
        let info = attrs_info(servers, attrs, home.path());
        let attrs = attrs.to_string();
        async move {
            let client = connect(&info)
                .await
                .unwrap_or_else(|e| panic!("{attrs}: {e}"));
            server_port(&client).await
        }
    };
    let (p, s) = (i32::from(primary.port()), i32::from(standby.port()));
    assert_eq!(reached(&[standby, primary], "any").await, s);
    assert_eq!(reached(&[standby, primary], "read-write").await, p);
    assert_eq!(reached(&[standby, primary], "primary").await, p);
    assert_eq!(reached(&[primary, standby], "read-only").await, s);
    assert_eq!(reached(&[primary, standby], "standby").await, s);
    assert_eq!(reached(&[primary, standby], "prefer-standby").await, s);
    // With no standby, prefer-standby takes any server.
    assert_eq!(reached(&[primary], "prefer-standby").await, p);

    let message = connect_err(&attrs_info(&[primary], "standby", home.path())).await;
    assert!(
        message.starts_with(&format!(
            "could not connect to the database: the server is not a standby (not in recovery) \
             at 127.0.0.1:{p}, and target_session_attrs=standby; connection settings: "
        )),
        "{message}"
    );
    let message = connect_err(&attrs_info(&[standby, standby], "read-write", home.path())).await;
    assert!(
        message.starts_with(&format!(
            "could not connect to the database: none of the 2 hosts could be used: the session \
             is read-only at 127.0.0.1:{s}, and target_session_attrs=read-write; the session is \
             read-only at 127.0.0.1:{s}, and target_session_attrs=read-write; connection \
             settings: "
        )),
        "{message}"
    );
    let message = connect_err(&attrs_info(&[standby], "primary", home.path())).await;
    assert!(
        message.starts_with(&format!(
            "could not connect to the database: the server is a standby (in recovery) at \
             127.0.0.1:{s}, and target_session_attrs=primary; connection settings: "
        )),
        "{message}"
    );
}

/// As libpq, read-write and read-only look at the session (`transaction_read_only`), not at
/// recovery: a primary whose sessions default to read-only is not read-write.
#[tokio::test]
async fn read_write_is_about_the_session_not_the_server() {
    let db = TestDb::new();
    let base = format!(
        "host=127.0.0.1 port={} user=postgres password={} dbname={} \
         options='-c default_transaction_read_only=on'",
        db.cluster.port(),
        db.cluster.password(),
        db.name
    );
    let message = connect_err(&resolve(&format!("{base} target_session_attrs=read-write"))).await;
    assert!(
        message.starts_with(&format!(
            "could not connect to the database: the session is read-only at 127.0.0.1:{}, and \
             target_session_attrs=read-write; connection settings: ",
            db.cluster.port()
        )),
        "{message}"
    );
    connect(&resolve(&format!("{base} target_session_attrs=read-only")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    connect(&resolve(&format!("{base} target_session_attrs=primary")))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

/// As libpq, connect_timeout is each host's: two hosts that never answer use up theirs, and the
/// third is still tried.
#[tokio::test]
async fn connect_timeout_applies_to_each_host() {
    let db = TestDb::new();
    // The kernel completes the TCP handshakes; nobody ever speaks the protocol.
    let silent: Vec<std::net::TcpListener> = (0..2)
        .map(|_| std::net::TcpListener::bind("127.0.0.1:0").unwrap_or_else(|e| panic!("{e}")))
        .collect();
    let ports: Vec<u16> = silent
        .iter()
        .map(|l| l.local_addr().unwrap_or_else(|e| panic!("{e}")).port())
        .collect();
    let base = format!(
        "user=postgres password={} dbname={} connect_timeout=2",
        db.cluster.password(),
        db.name
    );
    let info = resolve(&format!(
        "host=127.0.0.1,127.0.0.1,127.0.0.1 port={},{},{} {base}",
        ports[0],
        ports[1],
        db.cluster.port()
    ));
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(server_port(&client).await, i32::from(db.cluster.port()));

    let info = resolve(&format!(
        "host=127.0.0.1,127.0.0.1 port={},{} {base}",
        ports[0], ports[1]
    ));
    let message = connect_err(&info).await;
    let (a, b) = (ports[0], ports[1]);
    assert!(
        message.starts_with(&format!(
            "could not connect to the database: none of the 2 hosts could be used: timeout \
             after 2s connecting to 127.0.0.1:{a} (the server did not answer; set \
             connect_timeout in the connection string to wait longer); timeout after 2s \
             connecting to 127.0.0.1:{b} (the server did not answer; set connect_timeout in \
             the connection string to wait longer); connection settings: "
        )),
        "{message}"
    );
    drop(silent);
}
