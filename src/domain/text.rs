//! Small rules about typed text shared by several capabilities.

/// Whether `c` is an invisible formatting character (Unicode's "format" category): bidirectional
/// overrides and isolates, zero-width spaces and joiners, the byte-order mark, soft hyphens and
/// tags. A right-to-left override makes `report\u{202e}fdp.exe` read as `reportexe.pdf`.
pub fn is_format_char(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{0600}'..='\u{0605}'
            | '\u{061C}'
            | '\u{06DD}'
            | '\u{070F}'
            | '\u{0890}'..='\u{0891}'
            | '\u{08E2}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{110BD}'
            | '\u{110CD}'
            | '\u{13430}'..='\u{1343F}'
            | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

/// `text` without control characters and invisible formatting characters.
pub fn visible(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !is_format_char(*c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overrides_and_invisible_characters_go() {
        assert_eq!(visible("report\u{202e}fdp.exe"), "reportfdp.exe");
        assert_eq!(visible("a\u{200b}b\u{feff}c\u{2067}d\td"), "abcdd");
        assert_eq!(visible("Café déjà vu ✓"), "Café déjà vu ✓");
    }
}
