//! One decoder for the messages the SMTP sink receives: headers (RFC 2047 subjects) and bodies
//! (base64 or quoted-printable, text and HTML parts).

/// A received message with its subject and text body decoded (quoted-printable or 7bit).
#[derive(Debug, Clone)]
pub struct Mail {
    pub subject: String,
    pub text: String,
}

impl Mail {
    /// Decodes a raw message: RFC 2047 subjects, and the first text/plain part in 7bit,
    /// quoted-printable or base64.
    pub fn decode(raw: &str) -> Mail {
        let (head, _) = raw.split_once("\r\n\r\n").expect("message headers");
        let subject = decode_header(header(&headers(head), "subject").unwrap_or_default());
        let start = raw
            .find("Content-Type: text/plain")
            .expect("a text/plain part");
        let part = &raw[start..];
        let (part_head, body) = part.split_once("\r\n\r\n").expect("part body");
        let body = body.split("\r\n--").next().unwrap_or_default();
        let encoding = header(&headers(part_head), "content-transfer-encoding")
            .unwrap_or("7bit")
            .to_ascii_lowercase();
        let bytes = match encoding.as_str() {
            "base64" => base64(body),
            "quoted-printable" => quoted_printable(body, false),
            _ => body.as_bytes().to_vec(),
        };
        Mail {
            subject,
            text: String::from_utf8_lossy(&bytes).replace("\r\n", "\n"),
        }
    }

    /// The first link in the text that contains `needle`.
    pub fn link(&self, needle: &str) -> String {
        self.text
            .split_whitespace()
            .find(|w| w.starts_with("http") && w.contains(needle))
            .unwrap_or_else(|| panic!("no link with {needle} in {}", self.text))
            .to_string()
    }
}

fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        } as u32)
    };
    let mut out = Vec::new();
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

/// Quoted-printable; `underscore_is_space` for the Q encoding of header words.
fn quoted_printable(s: &str, underscore_is_space: bool) -> Vec<u8> {
    let s = s.replace("=\r\n", "");
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(if underscore_is_space && bytes[i] == b'_' {
            b' '
        } else {
            bytes[i]
        });
        i += 1;
    }
    out
}

/// A header value with its encoded words (`=?utf-8?b?…?=`, `=?utf-8?q?…?=`) decoded.
fn decode_header(value: &str) -> String {
    let mut out = String::new();
    let mut last_encoded = false;
    for (i, word) in value.split_whitespace().enumerate() {
        let encoded = word
            .strip_prefix("=?")
            .and_then(|w| w.strip_suffix("?="))
            .and_then(|w| {
                let mut parts = w.splitn(3, '?');
                let (_charset, enc, text) = (parts.next()?, parts.next()?, parts.next()?);
                let bytes = match enc {
                    "b" | "B" => base64(text),
                    "q" | "Q" => quoted_printable(text, true),
                    _ => return None,
                };
                Some(String::from_utf8_lossy(&bytes).into_owned())
            });
        match encoded {
            // Whitespace between two encoded words is folding, not text.
            Some(text) => {
                if i > 0 && !last_encoded {
                    out.push(' ');
                }
                out.push_str(&text);
                last_encoded = true;
            }
            None => {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(word);
                last_encoded = false;
            }
        }
    }
    out
}

/// The headers of a message or part, unfolded, as (lower-case name, value).
fn headers(block: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in block.split("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((name, value)) = line.split_once(':') {
            out.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    out
}

fn header<'a>(hs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    hs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}
