//! A reply cut from the history it quotes: everything from the first line that starts a quoted
//! history is dropped — Gestdesk's own "reply above this line" marker (in each language), the
//! "On … wrote:" line of common mail clients in the four languages, Outlook's
//! "-----Original Message-----" or its From/Sent header block — and so are the `>` lines
//! that end the text. A reply that would be left empty is kept whole rather than lost.

use crate::i18n::Lang;

/// The translation key of the marker line Gestdesk's mails carry above their history.
pub const MARKER_KEY: &str = "mail-reply-above";

/// Lines that start Outlook's quoted header, with the line that follows within three lines.
const OUTLOOK_FROM: &[&str] = &["from:", "de :", "de:", "von:"];
const OUTLOOK_SENT: &[&str] = &[
    "sent:",
    "envoyé :",
    "envoyé:",
    "enviado:",
    "gesendet:",
    "date:",
];
const ORIGINAL: &[&str] = &[
    "-----original message-----",
    "----- original message -----",
    "-----message d'origine-----",
    "----- message d'origine -----",
    "-----mensaje original-----",
    "-----ursprüngliche nachricht-----",
];

/// Whether `line` (lower case, trimmed) introduces a quote: "On … wrote:" and its kin.
fn wrote(line: &str) -> bool {
    (line.starts_with("on ") && line.ends_with("wrote:"))
        || (line.starts_with("le ") && (line.ends_with("a écrit :") || line.ends_with("a écrit:")))
        || (line.starts_with("el ") && line.ends_with("escribió:"))
        || (line.starts_with("am ") && line.contains("schrieb") && line.ends_with(':'))
}

/// `body` without the history it quotes.
pub fn cut(body: &str) -> String {
    let markers: Vec<String> = Lang::ALL
        .iter()
        .map(|l| l.t(MARKER_KEY).to_lowercase())
        .collect();
    let lines: Vec<&str> = body.lines().collect();
    let lower: Vec<String> = lines.iter().map(|l| l.trim().to_lowercase()).collect();
    let start = lower.iter().enumerate().find_map(|(i, l)| {
        let outlook = OUTLOOK_FROM.iter().any(|f| l.starts_with(f))
            && lower[i + 1..lower.len().min(i + 4)]
                .iter()
                .any(|n| OUTLOOK_SENT.iter().any(|s| n.starts_with(s)));
        let starts = markers
            .iter()
            .any(|m| !m.is_empty() && l.contains(m.as_str()))
            || ORIGINAL.iter().any(|o| l.starts_with(o))
            || wrote(l)
            || (i > 0 && outlook);
        starts.then_some(i)
    });
    let mut kept: Vec<&str> = lines[..start.unwrap_or(lines.len())].to_vec();
    while kept
        .last()
        .is_some_and(|l| l.trim().is_empty() || l.trim_start().starts_with('>'))
    {
        kept.pop();
    }
    let reply = kept.join("\n").trim().to_owned();
    if reply.is_empty() {
        body.trim().to_owned()
    } else {
        reply
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_history_under_each_kind_of_quote_header_is_cut() {
        let marker = Lang::Fr.t(MARKER_KEY);
        for (history, reply) in [
            (
                format!("Thanks, it works.\n\n{marker}\nOld text"),
                "Thanks, it works.",
            ),
            (
                "Thanks.\n\nOn Mon, 7 Dec 2026 at 10:00, Helpdesk <h@x> wrote:\n> old".to_owned(),
                "Thanks.",
            ),
            (
                "Merci.\n\nLe lun. 7 déc. 2026 à 10:00, Helpdesk a écrit :\n> old".to_owned(),
                "Merci.",
            ),
            (
                "Gracias.\n\nEl lun, 7 dic 2026 a las 10:00, Helpdesk escribió:\n> old".to_owned(),
                "Gracias.",
            ),
            (
                "Danke.\n\nAm Mo., 7. Dez. 2026 um 10:00 Uhr schrieb Helpdesk <h@x>:\n> old"
                    .to_owned(),
                "Danke.",
            ),
            (
                "Done.\n\n-----Original Message-----\nFrom: x".to_owned(),
                "Done.",
            ),
            (
                "Done.\n\nFrom: Helpdesk\nSent: Monday\nSubject: old".to_owned(),
                "Done.",
            ),
            (
                "Fixed, see below.\n> quoted line\n> another".to_owned(),
                "Fixed, see below.",
            ),
        ] {
            assert_eq!(cut(&history), reply, "{history}");
        }
    }

    #[test]
    fn a_reply_that_is_all_quote_is_kept_whole_and_inline_answers_stay() {
        assert_eq!(cut("> only a quote"), "> only a quote");
        let inline = "> Is it plugged in?\nYes.\n> Does it blink?\nNo.";
        assert_eq!(cut(inline), inline);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// The cut text is a start of the mail's lines, never anything the mail did not say,
        /// and never empty when the mail was not.
        #[test]
        fn cutting_only_ever_keeps_the_start_of_the_mail(body in "([a-zA-Z>:,. -]{0,30}\n){0,12}") {
            let out = cut(&body);
            prop_assert!(body.trim().starts_with(out.as_str()) || body.contains(out.as_str()));
            if !body.trim().is_empty() {
                prop_assert!(!out.is_empty());
            }
        }
    }
}
