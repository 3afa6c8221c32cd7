//! Messages made of text and variables only, filled without Fluent's resolver: a list page
//! fills one per row (a checkbox's label with the ticket's number), and resolving each through
//! Fluent cost more than the rest of the row. Every other message (plural selectors, terms,
//! functions, literals) goes through Fluent; the tests check that both give the same text for
//! every message this module takes.

use std::sync::OnceLock;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
use rustc_hash::FxHashMap;

use super::{Lang, Sources};

/// A part of a message: text as it is, or the value of a variable.
#[derive(Debug)]
pub(super) enum Piece {
    Text(String),
    Var(String),
}

/// The messages of `lang` made of text and variables only, by id.
pub(super) fn messages(lang: Lang) -> &'static FxHashMap<String, Vec<Piece>> {
    static SIMPLE: [OnceLock<FxHashMap<String, Vec<Piece>>>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    SIMPLE[lang as usize].get_or_init(|| read(lang))
}

fn read(lang: Lang) -> FxHashMap<String, Vec<Piece>> {
    let mut out = FxHashMap::default();
    // Ids met twice are left to Fluent, which knows which one it kept.
    let mut seen = std::collections::HashSet::new();
    let mut twice = Vec::new();
    let prefix = format!("{}/", lang.code());
    for path in Sources::iter().filter(|p| p.starts_with(&prefix)) {
        let Some(file) = Sources::get(&path) else {
            continue;
        };
        let text = String::from_utf8_lossy(&file.data).into_owned();
        // A file Fluent reads with errors keeps what it could parse; so does this.
        let resource = match fluent_syntax::parser::parse_runtime(text.as_str()) {
            Ok(r) => r,
            Err((r, _)) => r,
        };
        for entry in resource.body {
            let Entry::Message(message) = entry else {
                continue;
            };
            let id = message.id.name.to_owned();
            let pieces = message.value.and_then(|pattern| {
                pattern
                    .elements
                    .into_iter()
                    .map(|element| match element {
                        PatternElement::TextElement { value } => {
                            Some(Piece::Text(value.to_owned()))
                        }
                        PatternElement::Placeable {
                            expression:
                                Expression::Inline(InlineExpression::VariableReference { id }),
                        } => Some(Piece::Var(id.name.to_owned())),
                        PatternElement::Placeable { .. } => None,
                    })
                    .collect::<Option<Vec<Piece>>>()
            });
            if !seen.insert(id.clone()) {
                twice.push(id.clone());
            }
            if let Some(pieces) = pieces {
                out.insert(id, pieces);
            }
        }
    }
    for id in twice {
        out.remove(&id);
    }
    out
}

/// `pieces` with the variables taken from `args`, written as Fluent writes them; `None` when
/// one is missing (Fluent then reports it).
pub(super) fn fill(pieces: &[Piece], args: &[(&str, &str)]) -> Option<String> {
    let mut out = String::with_capacity(64);
    for piece in pieces {
        match piece {
            Piece::Text(text) => out.push_str(text),
            Piece::Var(name) => {
                let (_, value) = args.iter().find(|(k, _)| k == name)?;
                push_value(&mut out, value);
            }
        }
    }
    Some(out)
}

/// A value as Fluent writes it: a whole number (see [`super::fluent_value`]) goes through a
/// floating-point number, which changes only numbers past 2^53.
fn push_value(out: &mut String, value: &str) {
    const EXACT: i64 = 1 << 53;
    match value.parse::<i64>() {
        Ok(n) if n.to_string() == value && !(-EXACT..=EXACT).contains(&n) => {
            #[allow(clippy::cast_precision_loss)]
            let as_float = n as f64;
            out.push_str(&as_float.to_string());
        }
        _ => out.push_str(value),
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::collections::HashMap;

    use super::*;
    use crate::i18n::{LOCALES, fluent_value};

    /// Fluent's own text for `key` with `args`.
    fn through_fluent(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
        let map: HashMap<Cow<'static, str>, _> = args
            .iter()
            .map(|(k, v)| (Cow::Owned((*k).to_owned()), fluent_value(v)))
            .collect();
        LOCALES
            .lookup_single_language(lang.id(), key, Some(&map))
            .unwrap_or_else(|e| panic!("{key}: {e:?}"))
    }

    #[test]
    fn every_simple_message_reads_as_fluent_writes_it() {
        let samples = [
            "Alice O'Neil & <Bob>",
            "42",
            "-7",
            "1.5",
            "",
            "9007199254740993",
        ];
        let mut checked = 0;
        for lang in Lang::ALL {
            for (key, pieces) in messages(lang) {
                let names: Vec<&str> = pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Var(name) => Some(name.as_str()),
                        Piece::Text(_) => None,
                    })
                    .collect();
                for sample in samples {
                    let args: Vec<(&str, &str)> = names.iter().map(|n| (*n, sample)).collect();
                    let fast = fill(pieces, &args).expect("every variable given");
                    assert_eq!(fast, through_fluent(lang, key, &args), "{lang:?} {key}");
                }
                checked += 1;
            }
        }
        // The list page's row labels are among them, in every language.
        for lang in Lang::ALL {
            assert!(messages(lang).contains_key("bulk-select-one"), "{lang:?}");
        }
        assert!(checked > 100, "{checked}");
    }

    #[test]
    fn a_message_with_a_plural_is_left_to_fluent() {
        for lang in Lang::ALL {
            assert!(!messages(lang).contains_key("list-count"), "{lang:?}");
        }
    }

    #[test]
    fn a_missing_variable_is_left_to_fluent() {
        let pieces = [Piece::Text("Ticket ".into()), Piece::Var("number".into())];
        assert_eq!(fill(&pieces, &[]), None);
        assert_eq!(
            fill(&pieces, &[("number", "7")]).as_deref(),
            Some("Ticket 7")
        );
    }
}
