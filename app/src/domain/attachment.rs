//! A file attached to a message (issue 15): which kinds are taken (PDF, PNG, JPEG, HEIC), how large
//! (10 MB each, 20 MB and 3 files to a message), and the name it is saved under — the person's
//! name, sanitised: no folders, no control or reserved characters, at most 100 characters, its
//! extension kept. Both targets: the browser checks a chosen file before uploading it; the server
//! checks again, and checks the content itself (`messages/attachments.rs`).

use serde::{Deserialize, Serialize};

/// Largest file, in bytes (10 MB).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Largest total of a message's files, in bytes (20 MB).
pub const MAX_TOTAL_BYTES: u64 = 20 * 1024 * 1024;
/// Files to a message.
pub const MAX_FILES: usize = 3;
/// Longest saved name, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// The kinds of file a message may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Heic,
}

impl FileKind {
    /// The `accept` list of a file input.
    pub const ACCEPT: &'static str = ".pdf,.png,.jpg,.jpeg,.heic,.heif";

    /// The kind a file name's extension claims (case-insensitive).
    pub fn from_name(name: &str) -> Option<FileKind> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "pdf" => Some(FileKind::Pdf),
            "png" => Some(FileKind::Png),
            "jpg" | "jpeg" => Some(FileKind::Jpeg),
            "heic" | "heif" => Some(FileKind::Heic),
            _ => None,
        }
    }

    /// The kind a sniffed media type is (`infer`'s names).
    pub fn from_media_type(media: &str) -> Option<FileKind> {
        match media {
            "application/pdf" => Some(FileKind::Pdf),
            "image/png" => Some(FileKind::Png),
            "image/jpeg" => Some(FileKind::Jpeg),
            "image/heif" | "image/heic" => Some(FileKind::Heic),
            _ => None,
        }
    }

    /// The media type it is served with (always as a download).
    pub fn media_type(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Heic => "image/heic",
        }
    }

    /// Its name for people ("PDF", "PNG image"…) is a text key: `attachment-kind-…`.
    pub fn code(self) -> &'static str {
        match self {
            FileKind::Pdf => "pdf",
            FileKind::Png => "png",
            FileKind::Jpeg => "jpeg",
            FileKind::Heic => "heic",
        }
    }
}

/// Why a file was not taken; each has a sentence (`file-…`) and the upload's HTTP status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FileProblem {
    /// Over `MAX_FILE_BYTES` (413).
    TooLarge,
    /// The message's files together over `MAX_TOTAL_BYTES` (413).
    TooMuchTogether,
    /// More than `MAX_FILES` to a message.
    TooMany,
    /// Nothing in it.
    Empty,
    /// Not a PDF, PNG, JPEG or HEIC file (by its name or by its content) (415).
    Kind,
    /// Its content is another kind than its name says (415).
    Mismatch { content: FileKind, name: FileKind },
    /// No file in the upload.
    Missing,
    /// An upload named in a message is not (or no longer) there to send: sent already, or swept.
    Unavailable,
}

impl FileProblem {
    pub fn key(self) -> &'static str {
        match self {
            FileProblem::TooLarge => "file-too-large",
            FileProblem::TooMuchTogether => "file-too-much-together",
            FileProblem::TooMany => "file-too-many",
            FileProblem::Empty => "file-empty",
            FileProblem::Kind => "file-kind",
            FileProblem::Mismatch { .. } => "file-mismatch",
            FileProblem::Missing => "file-missing",
            FileProblem::Unavailable => "file-unavailable",
        }
    }
}

/// The checks a chosen file can be given before it is sent: its size and its name's kind.
pub fn check_before_upload(name: &str, size: u64) -> Result<FileKind, FileProblem> {
    let kind = FileKind::from_name(name).ok_or(FileProblem::Kind)?;
    if size == 0 {
        return Err(FileProblem::Empty);
    }
    if size > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    Ok(kind)
}

/// The name a file is saved under: the last part of whatever path the browser sent (`/` or `\`),
/// without control characters or characters file systems reserve (`<>:"/\|?*`), runs of spaces
/// as one, no leading or trailing dots or spaces, at most `MAX_NAME_CHARS` characters with the
/// extension kept; `attachment.<ext>` when nothing is left of it.
pub fn sanitise_name(raw: &str, kind: FileKind) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let mut clean = String::with_capacity(last.len());
    for c in last.chars() {
        let c = if c.is_control() || "<>:\"|?*".contains(c) {
            ' '
        } else {
            c
        };
        if c == ' ' && (clean.is_empty() || clean.ends_with(' ')) {
            continue;
        }
        clean.push(c);
    }
    let clean = clean.trim_matches(|c| c == ' ' || c == '.');
    let (stem, ext) = match clean.rsplit_once('.') {
        Some((stem, ext)) if FileKind::from_name(clean) == Some(kind) => {
            (stem.trim_end_matches([' ', '.']), ext.to_ascii_lowercase())
        }
        _ => (clean, kind.code().to_string()),
    };
    let stem = if stem.is_empty() { "attachment" } else { stem };
    let room = MAX_NAME_CHARS.saturating_sub(ext.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    format!("{}.{ext}", stem.trim_end_matches([' ', '.']))
}

/// The uploads a message is sent with, as a form sends them: ids separated by commas (none when
/// empty), at most `MAX_FILES`.
pub fn parse_ids(list: &str) -> Result<Vec<i64>, FileProblem> {
    let ids = list
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<i64>().map_err(|_| FileProblem::Unavailable))
        .collect::<Result<Vec<_>, _>>()?;
    if ids.len() > MAX_FILES {
        return Err(FileProblem::TooMany);
    }
    Ok(ids)
}

/// Ids as a form sends them (`parse_ids` reads them back).
pub fn join_ids(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

/// A size for people: "512 KB", "3.4 MB".
pub fn size_label(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(1024).max(1))
    } else {
        format!("{}.{} MB", bytes / MB, (bytes % MB) * 10 / MB)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_their_folders_and_reserved_characters() {
        let pdf = FileKind::Pdf;
        assert_eq!(sanitise_name("../../etc/passwd.pdf", pdf), "passwd.pdf");
        assert_eq!(
            sanitise_name("C:\\Users\\me\\Claim 12.PDF", pdf),
            "Claim 12.pdf"
        );
        assert_eq!(sanitise_name("a\u{0}b\r\nc.pdf", pdf), "a b c.pdf");
        assert_eq!(sanitise_name("my \"file\" <1>?.pdf", pdf), "my file 1.pdf");
        assert_eq!(sanitise_name("..", pdf), "attachment.pdf");
        assert_eq!(sanitise_name("...pdf", pdf), "pdf.pdf");
        assert_eq!(sanitise_name("", FileKind::Heic), "attachment.heic");
        // A name claiming another kind keeps its text and gets the real extension.
        assert_eq!(sanitise_name("photo.exe", FileKind::Jpeg), "photo.exe.jpeg");
        assert_eq!(sanitise_name("scan.jpg", FileKind::Jpeg), "scan.jpg");
    }

    #[test]
    fn long_names_keep_their_extension_within_the_limit() {
        let long = format!("{}.png", "é".repeat(300));
        let name = sanitise_name(&long, FileKind::Png);
        assert_eq!(name.chars().count(), MAX_NAME_CHARS);
        assert!(name.ends_with("é.png"));
    }

    #[test]
    fn a_chosen_file_is_checked_by_name_and_size() {
        assert_eq!(check_before_upload("a.pdf", 1), Ok(FileKind::Pdf));
        assert_eq!(check_before_upload("a.HEIF", 10), Ok(FileKind::Heic));
        assert_eq!(
            check_before_upload("a.jpeg", MAX_FILE_BYTES),
            Ok(FileKind::Jpeg)
        );
        assert_eq!(
            check_before_upload("a.jpg", MAX_FILE_BYTES + 1),
            Err(FileProblem::TooLarge)
        );
        assert_eq!(check_before_upload("a.gif", 10), Err(FileProblem::Kind));
        assert_eq!(check_before_upload("pdf", 10), Err(FileProblem::Kind));
        assert_eq!(check_before_upload("a.png", 0), Err(FileProblem::Empty));
    }

    #[test]
    fn a_form_names_its_uploads_by_id() {
        assert_eq!(parse_ids(""), Ok(vec![]));
        assert_eq!(parse_ids(&join_ids(&[4, 12])), Ok(vec![4, 12]));
        assert_eq!(parse_ids(" 4, ,7 "), Ok(vec![4, 7]));
        assert_eq!(parse_ids("1,2,3,4"), Err(FileProblem::TooMany));
        assert_eq!(parse_ids("1,x"), Err(FileProblem::Unavailable));
    }

    #[test]
    fn sizes_read_as_people_say_them() {
        assert_eq!(size_label(1), "1 KB");
        assert_eq!(size_label(1536), "2 KB");
        assert_eq!(size_label(MAX_FILE_BYTES), "10.0 MB");
        assert_eq!(size_label(3 * 1024 * 1024 + 420 * 1024), "3.4 MB");
    }
}
