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
    for dir in ["src", "src-tauri/src"] {
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
    read_tree(&root.join("src-tauri/src"), "rs", &mut sources);
    read_tree(&root.join("migrations"), "sql", &mut migrations);
    let unused: Vec<String> = Lang::Fr
        .keys()
        .into_iter()
        .filter(|k| !is_named(k, &sources, &migrations))
        .collect();
    assert!(unused.is_empty(), "translations no code uses: {unused:#?}");
}
