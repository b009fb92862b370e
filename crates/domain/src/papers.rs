//! Meeting papers: the formats a paper comes in, and what a file must be to be one.
//! A file's type is read from its content, never trusted from its name: a program
//! renamed `.pdf` is refused, and so is a file whose content is not what its name
//! says. Nothing here reads a file: the caller gives its name and its bytes.

use crate::text::Problem;
use crate::vocabulary;

vocabulary! {
    /// The form a paper is written in, so each person is sent the one they need.
    pub enum PaperFormat ("paper format") {
        Standard => ("standard", "Standard print"),
        EasyRead => ("easy-read", "Easy Read"),
        LargePrint => ("large-print", "Large print"),
        Audio => ("audio", "Audio"),
    }
}

/// The largest paper: 20 MB.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// The longest file name kept.
pub const NAME_LENGTH: usize = 200;

/// A kind of file a paper may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileKind {
    /// The extension a file of this kind is named with.
    pub extension: &'static str,
    pub media_type: &'static str,
    /// What people call it.
    pub label: &'static str,
}

/// Every kind of file a paper may be, with the other extensions it is named with.
pub const KINDS: [(FileKind, &[&str]); 10] = [
    (kind("pdf", "application/pdf", "PDF"), &[]),
    (
        kind(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "Word document",
        ),
        &[],
    ),
    (
        kind(
            "odt",
            "application/vnd.oasis.opendocument.text",
            "OpenDocument text",
        ),
        &[],
    ),
    (kind("rtf", "application/rtf", "Rich text"), &[]),
    (
        kind(
            "pptx",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "PowerPoint slides",
        ),
        &[],
    ),
    (
        kind(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "Excel spreadsheet",
        ),
        &[],
    ),
    (kind("jpg", "image/jpeg", "JPEG picture"), &["jpeg"]),
    (kind("png", "image/png", "PNG picture"), &[]),
    (kind("mp3", "audio/mpeg", "MP3 audio"), &[]),
    (
        kind("txt", "text/plain; charset=utf-8", "Plain text"),
        &["text"],
    ),
];

const fn kind(extension: &'static str, media_type: &'static str, label: &'static str) -> FileKind {
    FileKind {
        extension,
        media_type,
        label,
    }
}

/// The kinds, as a list people read: "PDF, Word document, ...".
pub fn kinds_in_words() -> String {
    KINDS
        .iter()
        .map(|(k, _)| k.label)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The file's name as it is kept: the last part of a path, trimmed, at most
/// [`NAME_LENGTH`] characters, without control characters.
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    last.chars()
        .filter(|c| !c.is_control())
        .take(NAME_LENGTH)
        .collect::<String>()
        .trim()
        .to_string()
}

fn kind_named(name: &str) -> Option<FileKind> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    KINDS
        .iter()
        .find(|(k, other)| k.extension == ext || other.contains(&ext.as_str()))
        .map(|(k, _)| *k)
}

/// What the content of a file is, in words, for a refusal.
fn found_in(bytes: &[u8]) -> String {
    match infer::get(bytes) {
        Some(t) if t.matcher_type() == infer::MatcherType::App => "a program".into(),
        Some(t) => match KINDS.iter().find(|(k, _)| k.extension == t.extension()) {
            Some((k, _)) => format!("a {}", k.label),
            None => format!("a file of type {}", t.mime_type()),
        },
        None if std::str::from_utf8(bytes).is_ok() => "plain text".into(),
        None => "a file of a kind not known".into(),
    }
}

/// Checks a file offered as a paper: not empty, at most [`MAX_BYTES`], named as one
/// of the [`KINDS`], and with content of that kind.
pub fn check_file(name: &str, bytes: &[u8]) -> Result<FileKind, Problem> {
    if bytes.is_empty() {
        return Err(Problem::FileEmpty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(Problem::FileTooLarge(MAX_BYTES / (1024 * 1024)));
    }
    let name = clean_name(name);
    let Some(named) = kind_named(&name) else {
        return Err(Problem::NotPaperKind(kinds_in_words()));
    };
    let matches = match named.extension {
        // Plain text has no signature: it is UTF-8 with no NUL and nothing else a
        // signature names.
        "txt" => {
            infer::get(bytes).is_none() && std::str::from_utf8(bytes).is_ok() && !bytes.contains(&0)
        }
        ext => infer::get(bytes).is_some_and(|t| t.extension() == ext),
    };
    if matches {
        Ok(named)
    } else {
        Err(Problem::NotWhatItSays {
            named: named.label.into(),
            found: found_in(bytes),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n%%EOF\n";

    #[test]
    fn a_file_is_what_its_content_says() {
        assert_eq!(check_file("agenda.pdf", PDF).unwrap().extension, "pdf");
        assert_eq!(
            check_file("C:\\Users\\ann\\Agenda.PDF", PDF).unwrap().label,
            "PDF"
        );
        assert_eq!(
            check_file("notes.txt", "Café at 10:00".as_bytes())
                .unwrap()
                .extension,
            "txt"
        );
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'];
        assert_eq!(check_file("map.jpeg", &jpeg).unwrap().extension, "jpg");
    }

    #[test]
    fn a_program_renamed_is_refused() {
        // A Windows program and a Linux one, each renamed as a PDF.
        let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
        exe.resize(128, 0);
        let mut elf = b"\x7fELF\x02\x01\x01\x00".to_vec();
        elf.resize(128, 0);
        elf[16] = 2;
        for bytes in [&exe[..], &elf[..]] {
            assert_eq!(
                check_file("agenda.pdf", bytes),
                Err(Problem::NotWhatItSays {
                    named: "PDF".into(),
                    found: "a program".into()
                })
            );
        }
        // Binary data named as text.
        assert!(check_file("notes.txt", &[0, 159, 146, 150]).is_err());
        // A PDF named as a Word document.
        assert_eq!(
            check_file("agenda.docx", PDF),
            Err(Problem::NotWhatItSays {
                named: "Word document".into(),
                found: "a PDF".into()
            })
        );
    }

    #[test]
    fn empty_large_and_unknown_files_are_refused() {
        assert_eq!(check_file("a.pdf", b""), Err(Problem::FileEmpty));
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(check_file("a.txt", &big), Err(Problem::FileTooLarge(20)));
        assert!(matches!(
            check_file("setup.exe", PDF),
            Err(Problem::NotPaperKind(_))
        ));
        assert!(matches!(
            check_file("agenda", PDF),
            Err(Problem::NotPaperKind(_))
        ));
    }

    #[test]
    fn names_are_kept_clean() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name(" Agenda\u{0007}.pdf "), "Agenda.pdf");
        assert_eq!(clean_name(&"a".repeat(500)).chars().count(), NAME_LENGTH);
    }
}
