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

/// `text` compared loosely: lower case, accents of Latin letters removed, inner spaces
/// collapsed ("Réseau  Wi-Fi" and "reseau wi-fi" are the same name).
pub fn folded(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let base: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
            'ç' | 'ć' | 'č' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'ī' => "i",
            'ñ' | 'ń' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' => "u",
            'ý' | 'ÿ' => "y",
            'œ' => "oe",
            'æ' => "ae",
            'ß' => "ss",
            c if c.is_whitespace() => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                continue;
            }
            c => {
                out.push(c);
                continue;
            }
        };
        out.push_str(base);
    }
    out
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

    #[test]
    fn names_fold_case_accents_and_spaces() {
        assert_eq!(super::folded("  Réseau   Wi-Fi "), "reseau wi-fi");
        assert_eq!(super::folded("ÉTAGE"), super::folded("etage"));
        assert_eq!(super::folded("Straße"), "strasse");
    }
}
