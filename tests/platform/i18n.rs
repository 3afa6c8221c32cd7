//! Every translation key the code uses exists in every language, and the languages have the
//! same keys.

use std::collections::BTreeSet;
use std::path::Path;

use gestdesk::i18n::Lang;

/// The keys passed as literals to `.t(`, `.t_args(` and `msg(` in the sources.
fn keys_used_in(dir: &Path, keys: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            keys_used_in(&path, keys);
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        for marker in [".t(", ".t_args(", "msg("] {
            for (at, _) in text.match_indices(marker) {
                // `msg(` must not be the tail of another name (e.g. `some_msg(`).
                if marker == "msg(" {
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                }
                let rest = text[at + marker.len()..].trim_start();
                if let Some(quoted) = rest.strip_prefix('"')
                    && let Some(end) = quoted.find('"')
                {
                    keys.insert(quoted[..end].to_owned());
                }
            }
        }
    }
}

#[test]
fn every_key_used_in_code_exists_in_every_language() {
    let mut used = BTreeSet::new();
    for dir in ["src", "crates/core/src", "src-tauri/src"] {
        keys_used_in(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut used);
    }
    assert!(used.len() > 50, "the scan found too few keys: {used:?}");
    let missing: Vec<String> = used
        .iter()
        .flat_map(|k| {
            Lang::ALL
                .into_iter()
                .filter(move |l| !l.has(k))
                .map(move |l| format!("{}: {k}", l.code()))
        })
        .collect();
    assert!(missing.is_empty(), "missing translations: {missing:#?}");
}

#[test]
fn every_language_has_the_same_keys() {
    let reference = Lang::Fr.keys();
    assert!(reference.len() > 100);
    for lang in Lang::ALL {
        let keys = lang.keys();
        let only_fr: Vec<_> = reference.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&reference).collect();
        assert!(
            only_fr.is_empty() && extra.is_empty(),
            "{}: missing {only_fr:?}, extra {extra:?}",
            lang.code()
        );
    }
}

/// Whether `key` is named somewhere: as a literal in the sources, as a quoted value in the
/// migrations (names of built-in list rows), or, for `right-*`, as a right the schema declares.
fn is_named(key: &str, sources: &str, migrations: &str) -> bool {
    sources.contains(&format!("\"{key}\""))
        || migrations.contains(&format!("'{key}'"))
        || key
            .strip_prefix("right-")
            .is_some_and(|r| migrations.contains(&format!("'{}'", r.replace('-', "_"))))
}

fn read_tree(dir: &Path, extension: &str, out: &mut String) {
    for entry in std::fs::read_dir(dir).expect("read dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            read_tree(&path, extension, out);
        } else if path.extension().and_then(|e| e.to_str()) == Some(extension) {
            out.push_str(&std::fs::read_to_string(&path).expect("read"));
        }
    }
}

#[test]
fn every_translation_is_used_somewhere() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut sources, mut migrations) = (String::new(), String::new());
    read_tree(&root.join("src"), "rs", &mut sources);
    read_tree(&root.join("crates/core/src"), "rs", &mut sources);
    read_tree(&root.join("src-tauri/src"), "rs", &mut sources);
    read_tree(&root.join("migrations"), "sql", &mut migrations);
    let unused: Vec<String> = Lang::Fr
        .keys()
        .into_iter()
        .filter(|k| !is_named(k, &sources, &migrations))
        .collect();
    assert!(unused.is_empty(), "translations no code uses: {unused:#?}");
}

/// Every message that counts something, rendered for 0, 1 and 2 in every language: no "(s)"
/// left for the reader to sort out, English never says "1 tickets", and French (whose "one"
/// covers zero) never says "un"/"une" or "encore un" for nothing.
#[test]
fn counted_messages_agree_with_their_number_in_every_language() {
    let names = ["count", "minutes", "attempts"];
    // Every variable any message uses gets a value, so that no lookup fails (a failed lookup
    // would be recorded as a missing translation for the whole test process).
    let mut variables: BTreeSet<String> = BTreeSet::new();
    for lang in ["en", "fr", "es", "de"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("assets/i18n")
            .join(lang);
        for entry in std::fs::read_dir(dir).expect("i18n dir") {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("ftl");
            for (at, _) in text.match_indices('$') {
                let name: String = text[at + 1..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect();
                if !name.is_empty() {
                    variables.insert(name);
                }
            }
        }
    }
    let mut problems = Vec::new();
    for lang in Lang::ALL {
        for key in lang.keys() {
            for n in ["0", "1", "2"] {
                let args: Vec<(&str, &str)> = variables
                    .iter()
                    .map(|v| {
                        (
                            v.as_str(),
                            if names.contains(&v.as_str()) { n } else { "X" },
                        )
                    })
                    .collect();
                let text = lang.t_args(&key, &args);
                for hedge in ["(s)", "(n)", "(e)", "(en)", "(es)"] {
                    if text.contains(hedge) {
                        problems.push(format!("{}:{key} [{n}] {text}", lang.code()));
                    }
                }
                if lang == Lang::En && n == "1" {
                    for plural in [
                        "1 tickets",
                        "1 entries",
                        "1 minutes",
                        "1 files",
                        "1 mails",
                        "1 attempts",
                        "1 accounts",
                        "1 members",
                        "1 procedures",
                        "1 reminders",
                    ] {
                        if text.contains(plural) {
                            problems.push(format!("en:{key} [1] {text}"));
                        }
                    }
                }
                let counted = {
                    let other: Vec<(&str, &str)> = args
                        .iter()
                        .map(|(k, v)| (*k, if names.contains(k) { "2" } else { *v }))
                        .collect();
                    lang.t_args(&key, &other) != text
                };
                if lang == Lang::Fr && n == "0" && counted {
                    let lower = format!(" {} ", text.to_lowercase());
                    for wrong in [
                        " un ticket",
                        " une catégorie",
                        " un compte",
                        " un membre",
                        " une procédure",
                        " un rappel",
                        "encore un",
                        " un fichier",
                        " un mail",
                    ] {
                        if lower.contains(wrong)
                            && !lower.contains("aucun")
                            && !lower.contains("plus aucun")
                        {
                            problems.push(format!("fr:{key} [0] {text}"));
                        }
                    }
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
