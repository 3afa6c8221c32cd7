//! Pages in a real headless Chromium through WebDriver.

/// Pages in a real headless Chromium through WebDriver: set-up, login, phone layout.
pub mod pages;
