//! Reading server-sent events (`/live`) as a browser's `EventSource` would.

use std::time::Duration;

/// Reads events from `stream` until one named `name` arrives (within 10 s); returns its data.
pub async fn next_event(stream: &mut reqwest::Response, buffer: &mut String, name: &str) -> String {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        while let Some(end) = buffer.find("\n\n") {
            let block: String = buffer.drain(..end + 2).collect();
            let mut event = "message";
            let mut data = String::new();
            for line in block.lines() {
                if let Some(e) = line.strip_prefix("event:") {
                    event = e.trim();
                } else if let Some(d) = line.strip_prefix("data:") {
                    data.push_str(d.trim());
                }
            }
            if event == name {
                return data;
            }
        }
        let chunk = tokio::time::timeout_at(deadline, stream.chunk())
            .await
            .unwrap_or_else(|_| panic!("no `{name}` event within 10 s"))
            .expect("stream")
            .expect("stream still open");
        buffer.push_str(&String::from_utf8_lossy(&chunk));
    }
}

/// Waits (at most `within`) for the server to close `stream`; panics if it stays open.
pub async fn closes_within(stream: &mut reqwest::Response, within: Duration) {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        match tokio::time::timeout_at(deadline, stream.chunk()).await {
            Err(_) => panic!("the stream is still open after {within:?}"),
            Ok(Ok(Some(_))) => {}
            Ok(Ok(None) | Err(_)) => return,
        }
    }
}
