//! A readable name for a browser from its User-Agent ("Chrome on Android"), for the sessions and
//! devices lists. Heuristic by nature. Browser and system names are proper nouns; what is not
//! (an unknown browser, a script, the "on") is named by the page in its language.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Browser {
    /// "Chrome", "Firefox", …
    Named(String),
    /// A program, not a browser (curl, a script).
    Script,
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentName {
    pub browser: Browser,
    /// "Android", "Windows", … when known.
    pub os: Option<String>,
}

pub fn describe(user_agent: &str) -> AgentName {
    let ua = user_agent;
    let named = |n: &str| Browser::Named(n.to_string());
    let browser = if ua.contains("Edg/") {
        named("Edge")
    } else if ua.contains("OPR/") {
        named("Opera")
    } else if ua.contains("Firefox/") {
        named("Firefox")
    } else if ua.contains("Chrome/") || ua.contains("Chromium/") || ua.contains("CriOS/") {
        named("Chrome")
    } else if ua.contains("Safari/") {
        named("Safari")
    } else if ua.contains("reqwest") || ua.contains("curl") {
        Browser::Script
    } else {
        Browser::Unknown
    };
    let os = if ua.contains("Android") {
        Some("Android")
    } else if ua.contains("iPhone") || ua.contains("iPad") {
        Some("iOS")
    } else if ua.contains("Windows") {
        Some("Windows")
    } else if ua.contains("Mac OS X") || ua.contains("Macintosh") {
        Some("macOS")
    } else if ua.contains("Linux") || ua.contains("X11") {
        Some("Linux")
    } else {
        None
    };
    AgentName {
        browser,
        os: os.map(str::to_string),
    }
}

const UNKNOWN: &str = "Unknown browser";
const SCRIPT: &str = "Script";

impl AgentName {
    /// The stored form ("Chrome on Android"), as remembered devices keep it; `from_label` reads it
    /// back. Not for display: the page names it in its language.
    pub fn label(&self) -> String {
        let browser = match &self.browser {
            Browser::Named(n) => n.as_str(),
            Browser::Script => SCRIPT,
            Browser::Unknown => UNKNOWN,
        };
        match &self.os {
            Some(os) => format!("{browser} on {os}"),
            None => browser.to_string(),
        }
    }

    pub fn from_label(label: &str) -> AgentName {
        let (browser, os) = match label.rsplit_once(" on ") {
            Some((b, os)) => (b, Some(os.to_string())),
            None => (label, None),
        };
        let browser = match browser {
            UNKNOWN | "" => Browser::Unknown,
            SCRIPT => Browser::Script,
            other => Browser::Named(other.to_string()),
        };
        AgentName { browser, os }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(ua: &str) -> String {
        describe(ua).label()
    }

    #[test]
    fn the_stored_label_reads_back() {
        for ua in [
            "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36",
            "curl/8.0",
            "",
            "Mozilla/5.0 (Linux; Android 14) Firefox/127.0",
        ] {
            let name = describe(ua);
            assert_eq!(AgentName::from_label(&name.label()), name, "{ua}");
        }
        assert_eq!(describe("curl/8.0").browser, Browser::Script);
        assert_eq!(describe("").os, None);
    }

    #[test]
    fn names_common_browsers() {
        assert_eq!(label("Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36"), "Chrome on Android");
        assert_eq!(label("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"), "Safari on iOS");
        assert_eq!(
            label(
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0"
            ),
            "Firefox on Windows"
        );
        assert_eq!(label("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36 Edg/126.0"), "Edge on Windows");
        assert_eq!(label(""), "Unknown browser");
    }
}
