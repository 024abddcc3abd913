//! A guard in front of the protocol decoder: the stock decoder ends the session at the first
//! frame whose body is not JSON, so malformed frames are dropped here (with a log line on
//! stderr) and only well-formed ones reach the server.

use serde::de::IgnoredAny;
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

/// Largest body accepted (a whole schema file sent by the editor fits many times over).
const MAX_BODY: usize = 256 << 20;

/// Copies LSP frames from `input` to `output`, dropping malformed ones, until `input` ends.
pub async fn forward_frames<R, W>(input: R, mut output: W)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    loop {
        let mut length: Option<usize> = None;
        let mut header_lines = 0;
        loop {
            let mut line = String::new();
            match reader.read_line(&mut line).await {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            if line == "\r\n" || line == "\n" {
                if header_lines > 0 {
                    break;
                }
                continue;
            }
            header_lines += 1;
            if let Some((name, value)) = line.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    length = value.trim().parse().ok();
                }
            }
        }
        let Some(length) = length.filter(|n| *n <= MAX_BODY) else {
            eprintln!("pg-flux lsp: dropped a frame without a valid Content-Length");
            continue;
        };
        let mut body = vec![0; length];
        if reader.read_exact(&mut body).await.is_err() {
            return;
        }
        if serde_json::from_slice::<IgnoredAny>(&body).is_err() {
            eprintln!("pg-flux lsp: dropped a frame whose body is not JSON ({length} bytes)");
            continue;
        }
        let header = format!("Content-Length: {length}\r\n\r\n");
        let written = async {
            output.write_all(header.as_bytes()).await?;
            output.write_all(&body).await?;
            output.flush().await
        };
        if written.await.is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn malformed_frames_are_dropped() {
        let input = b"Content-Length: 9\r\n\r\n{not json\
                      Content-Length: 2\r\n\r\n{}\
                      X-Nothing: 1\r\n\r\n\
                      Content-Length: 7\r\nContent-Type: application/vscode-jsonrpc\r\n\r\n[1,2,3]";
        let mut out = Vec::new();
        forward_frames(&input[..], &mut out).await;
        assert_eq!(
            String::from_utf8_lossy(&out),
            "Content-Length: 2\r\n\r\n{}Content-Length: 7\r\n\r\n[1,2,3]"
        );
    }
}
