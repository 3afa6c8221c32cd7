//! `demo`: sample data in an instance without tickets.

use super::*;

/// A language code as `--lang` takes it.
pub(super) fn parse_lang(code: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::from_code(code).ok_or_else(|| "expected fr, en, es or de".to_owned())
}

/// `gestdesk demo`: fills the instance and says how to log in.
pub(super) async fn demo(
    config: Config,
    options: crate::domain::demo::Options,
) -> Result<(), AppError> {
    crate::logging::init_stderr("warn");
    let lang = cli_lang();
    let app = App::open(config)?;
    let started = std::time::Instant::now();
    let s = crate::domain::demo::fill(app.db(), &app.config().attachments_dir(), options)
        .await
        .map_err(explain)?;
    app.setup().disarm();
    let seconds = format!("{:.1}", started.elapsed().as_secs_f64());
    say(&lang.t_args(
        "cli-demo-done",
        &[
            ("tickets", &s.tickets.to_string()),
            ("entries", &s.entries.to_string()),
            ("attachments", &s.attachments.to_string()),
            ("procedures", &s.procedures.to_string()),
            ("users", &s.users.to_string()),
            ("companies", &s.companies.to_string()),
            ("technicians", &s.technicians.to_string()),
            ("seconds", &seconds),
        ],
    ))?;
    say(&lang.t_args(
        "cli-demo-assets",
        &[
            ("assets", &s.assets.to_string()),
            ("ifaces", &s.asset_ifaces.to_string()),
            ("networks", &s.networks.to_string()),
        ],
    ))?;
    say(&lang.t_args(
        "cli-demo-calendar",
        &[
            ("interventions", &s.interventions.to_string()),
            ("reminders", &s.reminders.to_string()),
        ],
    ))?;
    say(&lang.t_args(
        "cli-demo-availability",
        &[("outages", &s.outages.to_string())],
    ))?;
    say(&lang.t_args(
        "cli-demo-surveys",
        &[
            ("sent", &s.surveys.0.to_string()),
            ("answered", &s.surveys.1.to_string()),
        ],
    ))?;
    if let Some(admin) = &s.admin_login {
        say(&lang.t_args("cli-demo-admin", &[("login", admin)]))?;
    }
    say(&lang.t_args(
        "cli-demo-logins",
        &[
            ("first_tech", &s.technician_logins.0),
            ("last_tech", &s.technician_logins.1),
            ("first_user", &s.user_logins.0),
            ("last_user", &s.user_logins.1),
            ("password", &s.password),
        ],
    ))?;
    Ok(())
}
