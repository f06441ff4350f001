//! How a form's checkbox arrives: absent when unticked, "on" from a plain HTML form, "true" from
//! the app's own calls. One parser for every form.

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
