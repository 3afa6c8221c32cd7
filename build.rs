//! Rebuilds the crate when translation files or migrations are added or changed: both are
//! embedded by macros that only track the files they already knew.
fn main() {
    for dir in ["assets/i18n", "migrations", "ui", "assets/icons"] {
        println!("cargo:rerun-if-changed={dir}");
    }
}
