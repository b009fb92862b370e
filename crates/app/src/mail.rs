//! Sending email: through a real SMTP server, or kept in memory for tests.
//!
//! Only the outbox's job handler sends ([`crate::outbox`]): nothing else in Coproduce
//! talks to an SMTP server, so no message is sent unless its change committed, and
//! none is lost when the server is down. The SMTP URL's password is never printed or
//! logged.
//!
//! An SMTP URL is `smtp://host:25` (plain, for a relay on the same network),
//! `smtp://user:password@host:587?tls=required` (STARTTLS) or
//! `smtps://user:password@host:465` (TLS).

use std::fmt;
use std::sync::{Arc, Mutex};

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use serde::{Deserialize, Serialize};

/// One plain-text message, as the outbox keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub body: String,
    /// The `Message-ID` header, fixed when the message is written, so a copy sent
    /// again after a crash is known as the same message.
    pub message_id: String,
    /// A calendar event sent with the words, which a mail program offers to add to
    /// (or, when cancelled, remove from) the person's calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarPart>,
}

/// An iCalendar text and the method it carries (`REQUEST`, `CANCEL`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarPart {
    pub method: String,
    pub text: String,
}

/// Where email goes.
#[derive(Clone, Default)]
pub enum Mailer {
    /// No email is configured: the pages say so and offer the link instead.
    #[default]
    None,
    Smtp(Smtp),
    /// Messages written as `.eml` files to a folder instead of being sent: for
    /// trying Coproduce out (the demo) without an email server.
    Folder(Folder),
    /// Messages kept in memory, for tests.
    Memory(Memory),
}

/// A folder messages are written to, one `.eml` file each.
#[derive(Clone)]
pub struct Folder {
    transport: AsyncFileTransport<Tokio1Executor>,
    from: Mailbox,
    dir: std::path::PathBuf,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mailer::None => write!(f, "Mailer(none)"),
            Mailer::Smtp(s) => write!(f, "Mailer({})", s.shown),
            Mailer::Folder(d) => write!(f, "Mailer(folder {})", d.dir.display()),
            Mailer::Memory(_) => write!(f, "Mailer(memory)"),
        }
    }
}

/// Why a message was not sent; it stays in the outbox and is tried again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MailError {
    #[error("no email server is configured")]
    NotConfigured,
    #[error("the address {0} cannot be used")]
    BadAddress(String),
    #[error("the message could not be built: {0}")]
    Build(String),
    #[error("the SMTP server at {server} did not take the message: {why}")]
    Refused { server: String, why: String },
    #[error("the message could not be written to the folder {dir}: {why}")]
    Unwritable { dir: String, why: String },
}

/// An SMTP server and the address mail comes from.
#[derive(Clone)]
pub struct Smtp {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    shown: String,
}

/// Messages "sent" to memory, shared by every clone.
#[derive(Clone, Debug, Default)]
pub struct Memory {
    sent: Arc<Mutex<Vec<Email>>>,
    /// While set, every send fails, as when the server is down.
    down: Arc<Mutex<bool>>,
}

impl Memory {
    /// Every message sent so far.
    pub fn sent(&self) -> Vec<Email> {
        self.sent.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Takes the messages sent so far, leaving none.
    pub fn take(&self) -> Vec<Email> {
        std::mem::take(&mut *self.sent.lock().unwrap_or_else(|p| p.into_inner()))
    }

    /// Makes every send fail (`true`) or work again (`false`).
    pub fn set_down(&self, down: bool) {
        *self.down.lock().unwrap_or_else(|p| p.into_inner()) = down;
    }
}

impl Mailer {
    /// An SMTP mailer from a URL and a sender address. Fails with a one-line reason.
    pub fn smtp(url: &str, from: &str) -> Result<Mailer, String> {
        let shown = coproduce_store::redact(url);
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("the SMTP URL {shown} cannot be used: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(30)))
            .build();
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("the sender address \"{from}\" cannot be used: {e}"))?;
        Ok(Mailer::Smtp(Smtp {
            transport,
            from,
            shown,
        }))
    }

    /// A mailer that writes each message to a file in `dir` (made if missing).
    pub fn folder(dir: &std::path::Path, from: &str) -> Result<Mailer, String> {
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot make the mail folder {}: {e}", dir.display()))?;
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("the sender address \"{from}\" cannot be used: {e}"))?;
        Ok(Mailer::Folder(Folder {
            transport: AsyncFileTransport::new(dir),
            from,
            dir: dir.to_path_buf(),
        }))
    }

    /// A mailer that keeps what it sends in memory.
    pub fn memory() -> (Mailer, Memory) {
        let m = Memory::default();
        (Mailer::Memory(m.clone()), m)
    }

    /// Whether messages can be sent at all.
    pub fn configured(&self) -> bool {
        !matches!(self, Mailer::None)
    }

    /// Sends one message.
    pub async fn send(&self, email: &Email) -> Result<(), MailError> {
        match self {
            Mailer::None => Err(MailError::NotConfigured),
            Mailer::Memory(m) => {
                if *m.down.lock().unwrap_or_else(|p| p.into_inner()) {
                    return Err(MailError::Refused {
                        server: "memory".into(),
                        why: "the test set it down".into(),
                    });
                }
                m.sent
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(email.clone());
                Ok(())
            }
            Mailer::Smtp(s) => s
                .transport
                .send(message(&s.from, email)?)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Refused {
                    server: s.shown.clone(),
                    why: e.to_string(),
                }),
            Mailer::Folder(d) => d
                .transport
                .send(message(&d.from, email)?)
                .await
                .map(|_| ())
                .map_err(|e| MailError::Unwritable {
                    dir: d.dir.display().to_string(),
                    why: e.to_string(),
                }),
        }
    }
}

/// The message an email is sent as.
fn message(from: &Mailbox, email: &Email) -> Result<Message, MailError> {
    let to: Mailbox = email
        .to
        .parse()
        .map_err(|_| MailError::BadAddress(email.to.clone()))?;
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(&email.subject)
        .message_id(Some(email.message_id.clone()));
    let built = match &email.calendar {
        None => builder.body(email.body.clone()),
        Some(cal) => {
            // The words and the event as alternatives, as calendar invitations are
            // sent, and the event again as a file to open.
            let kind = format!("text/calendar; method={}; charset=utf-8", cal.method);
            let kind = ContentType::parse(&kind).map_err(|e| MailError::Build(e.to_string()))?;
            let file = ContentType::parse("application/ics; name=\"invite.ics\"")
                .map_err(|e| MailError::Build(e.to_string()))?;
            builder.multipart(
                MultiPart::mixed()
                    .multipart(
                        MultiPart::alternative()
                            .singlepart(SinglePart::plain(email.body.clone()))
                            .singlepart(
                                SinglePart::builder()
                                    .header(kind)
                                    .header(ContentTransferEncoding::Base64)
                                    .body(cal.text.clone()),
                            ),
                    )
                    .singlepart(
                        Attachment::new("invite.ics".to_string()).body(cal.text.clone(), file),
                    ),
            )
        }
    };
    built.map_err(|e| MailError::Build(e.to_string()))
}
