//! Generates Tauri's context (configuration, icons, capabilities) at build time.
fn main() {
    tauri_build::build();
}
