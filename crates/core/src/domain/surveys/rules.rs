//! The rules of surveys that need no database: what a question may hold, what an answer to
//! each kind of question may be, and how the invitation's text takes the ticket's tags.

use crate::domain::FieldErrors;
use crate::i18n::{Lang, msg};

/// The longest question text (GestSup's 250), choice and scale label.
pub const TEXT_MAX: usize = 250;
pub const CHOICE_MAX: usize = 100;
pub const LABEL_MAX: usize = 50;
/// The most choices a list question offers (GestSup's five).
pub const CHOICES_MAX: usize = 5;
/// The longest free-text answer.
pub const ANSWER_MAX: usize = 2_000;
/// The longest invitation text.
pub const MAIL_TEXT_MAX: usize = 4_000;

/// What a question asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    YesNo,
    Text,
    Choice,
    Scale,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::YesNo, Kind::Text, Kind::Choice, Kind::Scale];

    pub fn code(self) -> &'static str {
        match self {
            Kind::YesNo => "yes_no",
            Kind::Text => "text",
            Kind::Choice => "choice",
            Kind::Scale => "scale",
        }
    }

    pub fn from_code(code: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The translation key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Kind::YesNo => "survey-kind-yes-no",
            Kind::Text => "survey-kind-text",
            Kind::Choice => "survey-kind-choice",
            Kind::Scale => "survey-kind-scale",
        }
    }
}

/// A question's words in one language.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Wording {
    pub text: String,
    /// A list question's choices, in order.
    pub choices: Vec<String>,
    /// The words at a scale's two ends ("Poor", "Excellent").
    pub low: String,
    pub high: String,
}

/// A question as typed in the administration form, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionDraft {
    pub kind: Kind,
    pub scale: i64,
    pub wordings: Vec<(Lang, Wording)>,
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The form field of `name` (`text`, `choices`, `low`, `high`) in `lang`: `text_fr` ...
pub fn field_name(name: &str, lang: Lang) -> &'static str {
    const NAMES: [[&str; 4]; 4] = [
        ["text_fr", "text_en", "text_es", "text_de"],
        ["choices_fr", "choices_en", "choices_es", "choices_de"],
        ["low_fr", "low_en", "low_es", "low_de"],
        ["high_fr", "high_en", "high_es", "high_de"],
    ];
    let row = match name {
        "choices" => 1,
        "low" => 2,
        "high" => 3,
        _ => 0,
    };
    let col = Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
    NAMES[row][col]
}

/// Checks a question's form: `get` reads a field (`kind`, `scale`, and per language `text_fr`,
/// `choices_fr`, `low_fr`, `high_fr`). A language whose text is empty is left out; at least
/// one is needed; a list offers two to five choices, as many in every language.
pub fn question(get: &dyn Fn(&str) -> String) -> Result<QuestionDraft, FieldErrors> {
    let mut errors = FieldErrors::new();
    let kind = Kind::from_code(get("kind").trim());
    if kind.is_none() {
        errors.add("kind", msg("survey-error-kind"));
    }
    let kind = kind.unwrap_or(Kind::Text);
    let scale = if kind == Kind::Scale {
        match get("scale").trim().parse::<i64>() {
            Ok(n) if (2..=10).contains(&n) => n,
            _ => {
                errors.add("scale", msg("survey-error-scale"));
                5
            }
        }
    } else {
        5
    };
    let mut wordings = Vec::new();
    let mut counts = Vec::new();
    for lang in Lang::ALL {
        let field = |name: &str| field_name(name, lang);
        let text = get(field("text")).trim().to_owned();
        if text.is_empty() {
            continue;
        }
        if text.chars().count() > TEXT_MAX {
            errors.add(
                field("text"),
                msg("survey-error-too-long").arg("max", TEXT_MAX),
            );
        }
        let choices = if kind == Kind::Choice {
            lines(&get(field("choices")))
        } else {
            Vec::new()
        };
        if kind == Kind::Choice {
            if !(2..=CHOICES_MAX).contains(&choices.len()) {
                errors.add(field("choices"), msg("survey-error-choices"));
            } else if choices.iter().any(|c| c.chars().count() > CHOICE_MAX) {
                errors.add(
                    field("choices"),
                    msg("survey-error-too-long").arg("max", CHOICE_MAX),
                );
            }
            counts.push((field("choices"), choices.len()));
        }
        let (low, high) = if kind == Kind::Scale {
            (
                get(field("low")).trim().to_owned(),
                get(field("high")).trim().to_owned(),
            )
        } else {
            (String::new(), String::new())
        };
        for (name, label) in [("low", &low), ("high", &high)] {
            if label.chars().count() > LABEL_MAX {
                errors.add(
                    field(name),
                    msg("survey-error-too-long").arg("max", LABEL_MAX),
                );
            }
        }
        wordings.push((
            lang,
            Wording {
                text,
                choices,
                low,
                high,
            },
        ));
    }
    if wordings.is_empty() {
        errors.add("text_fr", msg("survey-error-no-text"));
    }
    if let Some((_, first)) = counts.first()
        && let Some((name, _)) = counts.iter().find(|(_, n)| n != first)
    {
        errors.add(name, msg("survey-error-choices-differ"));
    }
    if errors.is_empty() {
        Ok(QuestionDraft {
            kind,
            scale,
            wordings,
        })
    } else {
        Err(errors)
    }
}

/// One checked answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerValue {
    Yes,
    No,
    Text(String),
    /// A list's choice, from 1.
    Choice(i64),
    /// A scale's figure, from 1.
    Scale(i64),
}

impl AnswerValue {
    /// As stored.
    pub fn stored(&self) -> String {
        match self {
            AnswerValue::Yes => "yes".to_owned(),
            AnswerValue::No => "no".to_owned(),
            AnswerValue::Text(t) => t.clone(),
            AnswerValue::Choice(n) | AnswerValue::Scale(n) => n.to_string(),
        }
    }

    /// Read back from storage for a question of `kind`.
    pub fn from_stored(kind: Kind, stored: &str) -> AnswerValue {
        match kind {
            Kind::YesNo if stored == "yes" => AnswerValue::Yes,
            Kind::YesNo => AnswerValue::No,
            Kind::Text => AnswerValue::Text(stored.to_owned()),
            Kind::Choice => AnswerValue::Choice(stored.parse().unwrap_or(0)),
            Kind::Scale => AnswerValue::Scale(stored.parse().unwrap_or(0)),
        }
    }

    /// In words, for `wording` in `lang`: "Yes", the free text, the choice's words, "4 / 5".
    pub fn words(&self, wording: &Wording, scale: i64, lang: Lang) -> String {
        match self {
            AnswerValue::Yes => lang.t("survey-yes"),
            AnswerValue::No => lang.t("survey-no"),
            AnswerValue::Text(t) => t.clone(),
            AnswerValue::Choice(n) => usize::try_from(*n - 1)
                .ok()
                .and_then(|i| wording.choices.get(i))
                .cloned()
                .unwrap_or_else(|| n.to_string()),
            AnswerValue::Scale(n) => format!("{n} / {scale}"),
        }
    }
}

/// Checks the answer typed for a question of `kind` (`scale`, `choices` choices): every kind
/// but free text must be answered; free text may be left empty (`None`).
pub fn answer(
    kind: Kind,
    scale: i64,
    choices: usize,
    typed: &str,
) -> Result<Option<AnswerValue>, crate::i18n::Msg> {
    let typed = typed.trim();
    let number = |max: i64| match typed.parse::<i64>() {
        Ok(n) if (1..=max).contains(&n) => Ok(n),
        _ => Err(msg("survey-error-answer")),
    };
    match kind {
        Kind::Text if typed.is_empty() => Ok(None),
        Kind::Text if typed.chars().count() > ANSWER_MAX => {
            Err(msg("survey-error-too-long").arg("max", ANSWER_MAX))
        }
        Kind::Text => Ok(Some(AnswerValue::Text(typed.to_owned()))),
        Kind::YesNo => match typed {
            "yes" => Ok(Some(AnswerValue::Yes)),
            "no" => Ok(Some(AnswerValue::No)),
            _ => Err(msg("survey-error-answer")),
        },
        Kind::Choice => {
            number(i64::try_from(choices).unwrap_or(0)).map(|n| Some(AnswerValue::Choice(n)))
        }
        Kind::Scale => number(scale).map(|n| Some(AnswerValue::Scale(n))),
    }
}

/// `value` with Markdown's punctuation escaped, so that a ticket's title put in a text
/// becomes neither a link nor emphasis.
pub fn markdown_literal(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars().filter(|c| !c.is_control()) {
        if "\\`*_{}[]()#+-.!<>|~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The tags an invitation's text may hold.
pub const TAGS: [&str; 5] = [
    "{ticket}",
    "{title}",
    "{requester}",
    "{technician}",
    "{expires}",
];

/// `text` with its tags replaced by `values` (in the order of [`TAGS`], already made literal).
pub fn fill(text: &str, values: &[String; 5]) -> String {
    let mut out = text.to_owned();
    for (tag, value) in TAGS.iter().zip(values) {
        out = out.replace(tag, value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> String {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect();
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| n == k)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        }
    }

    #[test]
    fn a_list_needs_two_to_five_choices_as_many_in_every_language() {
        let ok = question(&form(&[
            ("kind", "choice"),
            ("text_en", "Which?"),
            ("choices_en", "A\nB\n\nC"),
            ("text_fr", "Lequel ?"),
            ("choices_fr", "A\nB\nC"),
        ]))
        .expect("valid");
        assert_eq!(ok.wordings.len(), 2);
        assert_eq!(ok.wordings[1].1.choices, ["A", "B", "C"]);
        let differ = question(&form(&[
            ("kind", "choice"),
            ("text_en", "Which?"),
            ("choices_en", "A\nB"),
            ("text_fr", "Lequel ?"),
            ("choices_fr", "A\nB\nC"),
        ]))
        .expect_err("differ");
        assert!(!differ.is_empty());
        let six = question(&form(&[
            ("kind", "choice"),
            ("text_en", "Which?"),
            ("choices_en", "1\n2\n3\n4\n5\n6"),
        ]));
        assert!(six.is_err());
    }

    #[test]
    fn a_question_needs_a_known_kind_and_some_text() {
        assert!(question(&form(&[("kind", "essay"), ("text_en", "x")])).is_err());
        assert!(question(&form(&[("kind", "text")])).is_err());
        assert!(
            question(&form(&[
                ("kind", "scale"),
                ("text_de", "Wie?"),
                ("scale", "11")
            ]))
            .is_err()
        );
    }

    #[test]
    fn answers_are_checked_by_kind() {
        assert_eq!(
            answer(Kind::Scale, 5, 0, "5"),
            Ok(Some(AnswerValue::Scale(5)))
        );
        assert!(answer(Kind::Scale, 5, 0, "6").is_err());
        assert!(answer(Kind::Scale, 5, 0, "").is_err());
        assert!(answer(Kind::Choice, 5, 3, "4").is_err());
        assert_eq!(answer(Kind::YesNo, 5, 0, "no"), Ok(Some(AnswerValue::No)));
        assert!(answer(Kind::YesNo, 5, 0, "maybe").is_err());
        assert_eq!(answer(Kind::Text, 5, 0, "  "), Ok(None));
        assert!(answer(Kind::Text, 5, 0, &"x".repeat(ANSWER_MAX + 1)).is_err());
    }

    #[test]
    fn tags_are_filled_with_literal_values() {
        let title = markdown_literal("[click](http://x)");
        let out = fill(
            "#{ticket} {title}",
            &[
                "12".into(),
                title,
                String::new(),
                String::new(),
                String::new(),
            ],
        );
        assert_eq!(out, "#12 \\[click\\]\\(http://x\\)");
    }
}
