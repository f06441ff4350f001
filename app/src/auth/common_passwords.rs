//! The shipped list of 30,000 common/breached passwords (see the header of common_passwords.txt).

use std::collections::HashSet;
use std::sync::LazyLock;

static LIST: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("common_passwords.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .collect()
});

/// Whether the (lower-cased) password is on the list.
pub fn is_common(lower: &str) -> bool {
    LIST.contains(lower)
}

pub fn len() -> usize {
    LIST.len()
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_is_large_and_works() {
        assert!(super::len() >= 10_000, "{}", super::len());
        assert!(super::is_common("password1"));
        assert!(super::is_common("qwertyuiop"));
        assert!(!super::is_common("maple syrup tuesday"));
    }
}
