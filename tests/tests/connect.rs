//! Connecting to real servers: settings, passwords, errors, TLS per sslmode, and the
//! read-only inspection session.

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
    assert!(info.password.is_some());
    let client = connect(&info).await.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        one_string(&client, "SELECT current_database()::text").await,
        db.name
    );

    // A file others may read is ignored, as libpq does: no password, so authentication fails.
    fs::set_permissions(&pgpass, fs::Permissions::from_mode(0o644))
        .unwrap_or_else(|e| panic!("{e}"));
    let info = ConnInfo::resolve(&text, &env).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(info.password, None);
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
        let stopped = tokio::time::timeout(Duration::from_millis(1500), inspection).await;
        assert!(
            stopped.is_err(),
            "PostgreSQL {major}: the inspection did not wait for the lock"
        );
        drop(session);
        let waiting = "SELECT count(*)::text FROM pg_catalog.pg_stat_activity \
            WHERE wait_event_type = 'Lock' AND datname = pg_catalog.current_database() AND pid <> pg_catalog.pg_backend_pid()";
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if one_string(&locker, waiting).await == "0" {
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
    Certs {
        dir: dir.to_path_buf(),
    }
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
        for name in ["server.crt", "server.key"] {
            let target = data.join(name);
            fs::copy(certs.dir.join(name), &target).unwrap_or_else(|e| panic!("{e}"));
            std::os::unix::fs::chown(&target, Some(owner.uid()), Some(owner.gid()))
                .unwrap_or_else(|e| panic!("{e}"));
            fs::set_permissions(&target, fs::Permissions::from_mode(0o600))
                .unwrap_or_else(|e| panic!("{e}"));
        }
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
