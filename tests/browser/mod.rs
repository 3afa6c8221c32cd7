//! Pages in a real headless Chromium through WebDriver.

/// Pages in a real headless Chromium through WebDriver: set-up, login, phone layout.
pub mod pages;

/// The asset inventory in a real headless Chromium: a model, a batch, a sheet, the warranty
/// view, free addresses and the phone layout.
pub mod assets;

/// Incoming mail in a real headless Chromium: the mailbox form, its test, "Fetch now", the
/// rejected mails and the fetch history, on a phone too.
pub mod mail_in;

/// The directory's settings in a real headless Chromium: filled in, saved, tested, on a phone.
pub mod directory;

/// "Move from GestSup" from the set-up page in a real headless Chromium.
pub mod moving_in;

/// The API's tokens page and reference in a real headless Chromium, on a phone too.
pub mod api;

/// The intranet form framed in an intranet page of another origin, in a real headless
/// Chromium, on a phone too.
pub mod intranet;

/// The calendar in a real headless Chromium: the week of all technicians, an intervention
/// moved by dragging and by its plain form, the ticket's interventions, the month on a phone.
pub mod calendar;

/// Availability in a real headless Chromium: the report with its charts, in the light and
/// black themes and on a phone.
pub mod availability;

/// Statistics in a real headless Chromium: charts and tables in the four themes, on a phone and
/// printable.
pub mod statistics;

/// A survey answered on a phone, and its answers as charts.
pub mod surveys;
/// The system page with its jobs and connectors, a job run from it, and the log viewer, on a
/// desk and on a phone.
pub mod system;
/// Two-factor login set up from the profile with a QR code, the recovery codes, and the code
/// asked at login, on a desk and on a phone.
pub mod two_factor;
