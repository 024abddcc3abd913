//! TLS with rustls, following libpq's `sslmode`.
//!
//! | sslmode            | encryption            | verification                         |
//! |--------------------|-----------------------|--------------------------------------|
//! | disable            | never                 | —                                    |
//! | allow, prefer      | if the server offers  | none                                 |
//! | require            | always                | none; chain if a root cert is given  |
//! | verify-ca          | always                | chain (host name not checked)        |
//! | verify-full        | always                | chain and host name                  |
//!
//! Roots come from `sslrootcert` (a PEM file), or are the built-in web roots when it is
//! `system` or not set. Unix-socket connections never use TLS.
//!
//! With `sslcert` (and its key, `sslkey`) the client presents that certificate when the server
//! asks for one (`cert` authentication, or `clientcert=verify-*` in `pg_hba.conf`).

use std::fs;
use std::io::BufReader;
use std::os::unix::fs::MetadataExt;
use std::sync::Arc;

use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::client::WebPkiServerVerifier;
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use rustls::sign::{CertifiedKey, SingleCertAndKey};
use rustls::{
    CertificateError, ClientConfig, DigitallySignedStruct, InconsistentKeys, RootCertStore,
    SignatureScheme,
};
use tokio_postgres_rustls::MakeRustlsConnect;

use super::conninfo::{ConnInfo, SslMode, Target};
use crate::error::{Error, Result};

/// What the client checks of the server's certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verification {
    None,
    Chain,
    Full,
}

/// The verification `sslmode` (and the presence of a root certificate) asks for.
pub(crate) fn verification(info: &ConnInfo) -> Verification {
    match info.sslmode {
        SslMode::Disable | SslMode::Allow | SslMode::Prefer => Verification::None,
        SslMode::Require if info.sslrootcert.is_some() => Verification::Chain,
        SslMode::Require => Verification::None,
        SslMode::VerifyCa => Verification::Chain,
        SslMode::VerifyFull => Verification::Full,
    }
}

/// The tokio-postgres mode for `target`: `allow` is treated as `prefer`; unix sockets never use
/// TLS.
pub(crate) fn postgres_ssl_mode(
    info: &ConnInfo,
    target: &Target,
) -> tokio_postgres::config::SslMode {
    use tokio_postgres::config::SslMode as Pg;
    if target.is_unix_socket() {
        return Pg::Disable;
    }
    match info.sslmode {
        SslMode::Disable => Pg::Disable,
        SslMode::Allow | SslMode::Prefer => Pg::Prefer,
        SslMode::Require | SslMode::VerifyCa | SslMode::VerifyFull => Pg::Require,
    }
}

fn provider() -> Arc<CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The TLS connector for `info`; reads the root certificates when it verifies, and the client
/// certificate and key when `sslcert` names one.
pub(crate) fn connector(info: &ConnInfo) -> Result<MakeRustlsConnect> {
    let provider = provider();
    let verifier: Arc<dyn ServerCertVerifier> = match verification(info) {
        Verification::None => Arc::new(NoVerification {
            provider: provider.clone(),
        }),
        mode => {
            let roots = Arc::new(root_store(info.sslrootcert.as_deref())?);
            let webpki = WebPkiServerVerifier::builder_with_provider(roots, provider.clone())
                .build()
                .map_err(|e| Error::ConnectionConfig(format!("unusable root certificates: {e}")))?;
            if mode == Verification::Full {
                webpki
            } else {
                Arc::new(ChainOnly { inner: webpki })
            }
        }
    };
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::ConnectionConfig(format!("TLS set-up failed: {e}")))?
        .dangerous()
        .with_custom_certificate_verifier(verifier);
    let config = match &info.sslcert {
        None => builder.with_no_client_auth(),
        Some(cert_path) => {
            let key_path = info.sslkey.as_deref().ok_or_else(|| {
                Error::ConnectionConfig(format!(
                    "sslcert names the certificate file \"{cert_path}\" but no private key file \
                     is given (set sslkey or PGSSLKEY)"
                ))
            })?;
            let certs = client_certificates(cert_path)?;
            let key = client_key(key_path)?;
            let certified = certified_key(&provider, certs, key, cert_path, key_path)?;
            builder.with_client_cert_resolver(Arc::new(SingleCertAndKey::from(certified)))
        }
    };
    Ok(MakeRustlsConnect::new(config))
}

/// The client certificate chain in the PEM file `path`.
fn client_certificates(path: &str) -> Result<Vec<CertificateDer<'static>>> {
    let bad = |reason: String| {
        Error::ConnectionConfig(format!(
            "could not read certificate file \"{path}\": {reason}"
        ))
    };
    let file = fs::File::open(path).map_err(|e| bad(e.to_string()))?;
    let certs: Vec<CertificateDer<'static>> = rustls_pemfile::certs(&mut BufReader::new(file))
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| bad(e.to_string()))?;
    if certs.is_empty() {
        return Err(bad("it holds no PEM certificate".into()));
    }
    Ok(certs)
}

/// The private key in the PEM file `path` (PKCS#8, PKCS#1 or SEC1), refused as libpq refuses
/// it when others may read it. The key's contents never appear in a message.
fn client_key(path: &str) -> Result<PrivateKeyDer<'static>> {
    let bad = |reason: String| {
        Error::ConnectionConfig(format!(
            "could not read private key file \"{path}\": {reason}"
        ))
    };
    let meta = fs::metadata(path).map_err(|e| bad(e.to_string()))?;
    if !meta.is_file() {
        return Err(bad("it is not a regular file".into()));
    }
    if key_too_open(meta.uid(), meta.mode()) {
        return Err(Error::ConnectionConfig(format!(
            "private key file \"{path}\" has group or world access; permissions should be \
             u=rw (0600) or less, or u=rw,g=r (0640) or less if owned by root"
        )));
    }
    let text = fs::read(path).map_err(|e| bad(e.to_string()))?;
    if is_encrypted_pem(&text) {
        return Err(Error::ConnectionConfig(format!(
            "private key file \"{path}\" is encrypted, and pg-flux does not support \
             sslpassword; decrypt it (openssl pkey -in {path} -out NEW.key, then chmod 0600 \
             NEW.key) and name the decrypted file in sslkey"
        )));
    }
    match rustls_pemfile::private_key(&mut text.as_slice()) {
        Ok(Some(key)) => Ok(key),
        Ok(None) => Err(bad(
            "it holds no PEM private key (PKCS#8, PKCS#1 or SEC1)".into()
        )),
        Err(e) => Err(bad(e.to_string())),
    }
}

/// libpq's rule: a key file owned by the current user must give the group and others nothing;
/// one owned by root may let its group read it.
fn key_too_open(owner: u32, mode: u32) -> bool {
    // SAFETY: geteuid has no preconditions.
    let me = unsafe { libc::geteuid() };
    (owner == me && mode & 0o077 != 0) || (owner == 0 && mode & 0o037 != 0)
}

/// Whether a PEM key is password-protected (PKCS#8 `ENCRYPTED PRIVATE KEY`, or an OpenSSL
/// `Proc-Type: 4,ENCRYPTED` header), which rustls-pemfile would silently skip.
fn is_encrypted_pem(text: &[u8]) -> bool {
    let text = String::from_utf8_lossy(text);
    text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")
        || text.contains("Proc-Type: 4,ENCRYPTED")
}

/// The certificate paired with its key, refused when they do not match. Not rustls'
/// `with_client_auth_cert`: that also refuses X.509 v1 certificates (which webpki cannot
/// parse, and which PostgreSQL how-tos often make), while the server accepts them.
fn certified_key(
    provider: &CryptoProvider,
    certs: Vec<CertificateDer<'static>>,
    key: PrivateKeyDer<'static>,
    cert_path: &str,
    key_path: &str,
) -> Result<CertifiedKey> {
    let signing_key = provider.key_provider.load_private_key(key).map_err(|e| {
        Error::ConnectionConfig(format!(
            "could not use the private key in \"{key_path}\": {e}"
        ))
    })?;
    let certified = CertifiedKey::new(certs, signing_key);
    match certified.keys_match() {
        Err(rustls::Error::InconsistentKeys(InconsistentKeys::KeyMismatch)) => {
            Err(Error::ConnectionConfig(format!(
                "the private key in \"{key_path}\" does not match the certificate in \
                 \"{cert_path}\""
            )))
        }
        // Otherwise matching, or not checkable here (a v1 certificate): the server decides.
        _ => Ok(certified),
    }
}

/// Trusted roots: the PEM file `sslrootcert`, or the built-in web roots for `system`/unset.
fn root_store(sslrootcert: Option<&str>) -> Result<RootCertStore> {
    let mut store = RootCertStore::empty();
    match sslrootcert {
        None | Some("system") => {
            store.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        Some(path) => {
            let bad = |reason: String| {
                Error::ConnectionConfig(format!(
                    "could not read root certificate file {path}: {reason}"
                ))
            };
            let file = fs::File::open(path).map_err(|e| bad(e.to_string()))?;
            let certs: Vec<CertificateDer<'static>> =
                rustls_pemfile::certs(&mut BufReader::new(file))
                    .collect::<std::result::Result<_, _>>()
                    .map_err(|e| bad(e.to_string()))?;
            let (added, _ignored) = store.add_parsable_certificates(certs);
            if added == 0 {
                return Err(bad("it holds no usable PEM certificate".into()));
            }
        }
    }
    Ok(store)
}

/// Accepts any certificate (sslmode `prefer`/`require` without roots) but still checks that the
/// server holds its key, so the session is at least encrypted to whoever answered.
#[derive(Debug)]
struct NoVerification {
    provider: Arc<CryptoProvider>,
}

impl ServerCertVerifier for NoVerification {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(
            message,
            cert,
            dss,
            &self.provider.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.provider
            .signature_verification_algorithms
            .supported_schemes()
    }
}

/// `verify-ca`: full web-PKI verification, except that a certificate not issued for the host
/// name is accepted (the name check is the last step, after the chain has been verified).
#[derive(Debug)]
struct ChainOnly {
    inner: Arc<WebPkiServerVerifier>,
}

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        match self.inner.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        ) {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.inner.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.inner.supported_verify_schemes()
    }
}
