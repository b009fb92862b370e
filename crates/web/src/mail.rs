//! Email, sent through a real SMTP server.
//!
//! Configured with an SMTP URL: `smtp://host:25` (plain, for a relay on the same
//! network), `smtp://user:password@host:587?tls=required` (STARTTLS) or
//! `smtps://user:password@host:465` (TLS). Messages are plain text. The URL's password
//! is never printed or logged.

use std::fmt;

use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

/// Sends email through one SMTP server.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    shown: String,
}

impl fmt::Debug for Mailer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Mailer({})", self.shown)
    }
}

impl Mailer {
    /// Reads an SMTP URL and the address mail comes from. Fails with a one-line reason.
    pub fn new(url: &str, from: &str) -> Result<Mailer, String> {
        let shown = coproduce_store::redact(url);
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("the SMTP URL {shown} cannot be used: {e}"))?
            .build();
        let from: Mailbox = from
            .parse()
            .map_err(|e| format!("the sender address \"{from}\" cannot be used: {e}"))?;
        Ok(Mailer {
            transport,
            from,
            shown,
        })
    }

    /// Sends a plain-text message.
    pub async fn send(&self, to: &str, subject: &str, body: String) -> Result<(), String> {
        let to: Mailbox = to
            .parse()
            .map_err(|e| format!("the address {to} cannot be used: {e}"))?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .body(body)
            .map_err(|e| format!("the message could not be built: {e}"))?;
        self.transport.send(message).await.map(|_| ()).map_err(|e| {
            format!(
                "the SMTP server at {} did not take the message: {e}",
                self.shown
            )
        })
    }
}
