//! A real SMTP server for tests: `tests/smtp/sink.py` (aiosmtpd), run as a separate
//! process, which writes each message it accepts to a folder.
//!
//! The Python that has aiosmtpd installed is named by `COPRODUCE_TEST_PYTHON`
//! (`scripts/test.sh` makes one in `target/test-venv`). Without it the email tests say
//! so and do nothing, unless `CI` is set, where they fail.

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Mailbox {
    child: Child,
    pub port: u16,
    dir: PathBuf,
    python: String,
}

impl Mailbox {
    /// Starts the SMTP server on a free port, or `None` outside CI without a Python.
    pub fn start() -> Option<Mailbox> {
        Mailbox::start_slow(0.0)
    }

    /// Starts one that waits `delay` seconds before taking each message.
    pub fn start_slow(delay: f64) -> Option<Mailbox> {
        let python = match std::env::var("COPRODUCE_TEST_PYTHON") {
            Ok(p) if !p.is_empty() => p,
            _ => {
                if std::env::var_os("CI").is_some() {
                    panic!(
                        "COPRODUCE_TEST_PYTHON is not set: CI must run the email tests against a real SMTP server"
                    );
                }
                eprintln!(
                    "email test skipped: set COPRODUCE_TEST_PYTHON to a Python with aiosmtpd"
                );
                return None;
            }
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .map(|a| a.port())
            .expect("a free port");
        let dir =
            std::env::temp_dir().join(format!("coproduce-mail-{}-{port}", std::process::id()));
        let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/smtp/sink.py");
        let mut child = Command::new(&python)
            .arg(script)
            .args(["--port", &port.to_string(), "--dir"])
            .arg(&dir)
            .args(["--delay", &delay.to_string()])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the SMTP server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read from the SMTP server");
        assert_eq!(line.trim(), "ready", "the SMTP server did not start");
        Some(Mailbox {
            child,
            port,
            dir,
            python,
        })
    }

    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every message received so far, oldest first, waiting up to 10 seconds for at
    /// least `n`.
    pub fn messages(&self, n: usize) -> Vec<String> {
        self.messages_within(n, Duration::from_secs(10))
    }

    /// Every message received so far, waiting up to `wait` for at least `n`.
    pub fn messages_within(&self, n: usize, wait: Duration) -> Vec<String> {
        let deadline = Instant::now() + wait;
        loop {
            let mut files: Vec<_> = std::fs::read_dir(&self.dir)
                .map(|d| {
                    d.filter_map(|e| e.ok())
                        .map(|e| e.path())
                        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                        .collect()
                })
                .unwrap_or_default();
            files.sort();
            if files.len() >= n || Instant::now() > deadline {
                return files
                    .iter()
                    .map(|p| std::fs::read_to_string(p).unwrap_or_default())
                    .collect();
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Mailbox {
    /// The first `n` messages as an independent reader sees them
    /// (`tests/smtp/read_calendar.py`, with Python's `icalendar`): each one's subject,
    /// words, and the calendar events it carries, as JSON.
    pub fn calendars(&self, n: usize) -> serde_json::Value {
        let _ = self.messages(n);
        let mut files: Vec<_> = std::fs::read_dir(&self.dir)
            .map(|d| {
                d.filter_map(|e| e.ok())
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "eml"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        let script =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/smtp/read_calendar.py");
        let out = Command::new(&self.python)
            .arg(script)
            .args(&files)
            .output()
            .expect("run the calendar reader");
        assert!(
            out.status.success(),
            "the calendar reader failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("the calendar reader's JSON")
    }
}

impl Drop for Mailbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The first link in a message that starts with `prefix`. Handles quoted-printable
/// soft line breaks.
pub fn link(message: &str, prefix: &str) -> Option<String> {
    let joined = message.replace("=\r\n", "").replace("=\n", "");
    let start = joined.find(prefix)?;
    let rest = &joined[start..];
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    Some(rest[..end].to_string())
}
