//! How a form's checkbox arrives: absent when unticked, "on" from a plain HTML form, "true" from
//! the app's own calls; and a form instance's key (`components/form_key.rs` makes it), which makes
//! a repeated send of the same form one action. One parser for every form.

use super::issue::Issue;

/// A form instance's key: letters, digits, dashes; 16–64 characters.
pub fn form_key(key: &str) -> Result<&str, Issue> {
    let ok = (16..=64).contains(&key.len())
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
    ok.then_some(key).ok_or(Issue::OneOf)
}

/// Whether a checkbox field was ticked.
pub fn checked(value: Option<&str>) -> bool {
    value.is_some_and(|v| !matches!(v.trim(), "" | "false" | "off" | "0"))
}

#[cfg(test)]
mod tests {
    use super::checked;

    #[test]
    fn a_checkbox_is_ticked_only_when_sent_with_a_value() {
        assert!(checked(Some("on")));
        assert!(checked(Some("true")));
        assert!(!checked(None));
        for unticked in ["", "false", "off", "0", " "] {
            assert!(!checked(Some(unticked)), "{unticked:?}");
        }
    }
}
