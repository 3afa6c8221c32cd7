//! The command line: `serve` (the default), `create-admin`, `reset-password`, `repair-admin`,
//! `settings`, `backup`, `restore`, `mail-test`, `demo`.
//!
//! Only `serve`, `demo`, `restore` and `create-admin --init` make a new instance in an empty
//! data folder; the other commands refuse a folder that holds no Gestdesk database.

use std::io::{BufRead, IsTerminal, Write};
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::app::{App, AppError};
use crate::config::{Config, DEFAULT_LISTEN};
use crate::domain::DomainError;
use crate::domain::settings::{self, Settings, registry};
use crate::domain::users::{self, AdminOrigin, NewAdmin};
use crate::i18n::Lang;

/// Gestdesk: a self-contained helpdesk server.
#[derive(Debug, Parser)]
#[command(name = "gestdesk", version, about, long_about = None)]
pub struct Cli {
    /// Where the database, attachments, backups and logs live [default: the per-user data
    /// directory, e.g. ~/.local/share/gestdesk]
    #[arg(long, global = true, env = "GESTDESK_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The address to listen on, IP:PORT (or just PORT for every interface)
    #[arg(long, global = true, env = "GESTDESK_LISTEN", value_name = "ADDR", default_value = DEFAULT_LISTEN)]
    pub listen: String,

    /// Requests come through a reverse proxy on this machine (nginx, Caddy, IIS): take each
    /// client's address from X-Forwarded-For
    #[arg(long, global = true, env = "GESTDESK_BEHIND_PROXY")]
    pub behind_proxy: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The sub-commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server (the default when no sub-command is given)
    Serve,
    /// Create an administrator account; the password is read from standard input
    CreateAdmin {
        /// The login of the new account
        #[arg(long)]
        login: String,
        /// First name
        #[arg(long, default_value = "")]
        firstname: String,
        /// Last name
        #[arg(long, default_value = "")]
        lastname: String,
        /// Mail address
        #[arg(long, default_value = "")]
        mail: String,
        /// Language of the account: fr, en, es or de (default: the browser's)
        #[arg(long, default_value = "")]
        language: String,
        /// Create the instance if the data folder holds none yet (a new headless install)
        #[arg(long)]
        init: bool,
    },
    /// Give an account a temporary password, to be changed at the next login
    ResetPassword {
        /// The login of the account
        login: String,
    },
    /// Restore a working administrator when nobody can administer any more: the account
    /// becomes an enabled administrator, the Administrator profile gets the admin rights back,
    /// and the account's login lock is lifted (works while the server runs)
    RepairAdmin {
        /// The login of the account to make a working administrator
        login: String,
    },
    /// Read or change the settings of the Administration > Settings page (same keys,
    /// same checks, and each change is logged as coming from the command line)
    Settings {
        #[command(subcommand)]
        action: SettingsAction,
    },
    /// Write a backup archive (database copy, attachments, logo, manifest) while the server
    /// keeps running
    Backup {
        /// Where to write it [default: a new archive in the data directory's backups folder]
        #[arg(long, value_name = "FILE")]
        to: Option<PathBuf>,
        /// Replace the file given with --to if it exists
        #[arg(long)]
        force: bool,
    },
    /// Replace the data with a backup archive (the server must be stopped); the current data
    /// is kept in before-restore-<date>/ in the data directory
    Restore {
        /// The archive to restore
        file: PathBuf,
    },
    /// Put a test mail in the outbox, which the running server sends; with --now, send it
    /// at once with the SMTP settings and print the server's answer
    MailTest {
        /// The address to send the test mail to
        #[arg(long)]
        to: String,
        /// Send it now from this command instead of through the server's outbox
        #[arg(long)]
        now: bool,
    },
    /// Fill an instance without tickets with realistic sample data, to try Gestdesk or to
    /// measure it
    Demo {
        /// How many tickets to create, spread over the last two years
        #[arg(long, default_value_t = 1000)]
        tickets: u32,
        /// How many requesters to create (technicians are added in proportion)
        #[arg(long, default_value_t = 50)]
        users: u32,
        /// The same seed gives the same data
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The language of the sample texts: fr, en, es or de [default: the server's default
        /// language]
        #[arg(long, value_parser = parse_lang)]
        lang: Option<crate::i18n::Lang>,
    },
}

/// What `gestdesk settings` does.
#[derive(Debug, Subcommand)]
pub enum SettingsAction {
    /// Every setting with its value, one `key = value` per line
    List,
    /// The value of one setting
    Get {
        /// The setting's key, as `list` shows it
        key: String,
    },
    /// Check and store a new value
    Set {
        /// The setting's key, as `list` shows it
        key: String,
        /// The new value (yes/no settings take 1 or 0; `-` reads it from standard input, for
        /// passwords)
        value: String,
    },
}

/// The language of command-line messages.
fn cli_lang() -> Lang {
    Lang::from_env()
}

/// Runs the command line; errors are meant to be printed on one line.
pub async fn run(cli: Cli) -> Result<(), AppError> {
    let config = Config::new(&cli.listen, cli.data_dir)?.with_proxy(cli.behind_proxy);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::CreateAdmin {
            login,
            firstname,
            lastname,
            mail,
            language,
            init,
        } => {
            crate::logging::init_stderr("warn");
            let app = if init {
                App::open(config)?
            } else {
                App::open_existing(config)?
            };
            let password = read_password()?;
            let input = NewAdmin {
                login,
                firstname,
                lastname,
                mail,
                password_confirm: password.clone(),
                password,
                language,
            };
            let user =
                users::create_admin(app.db(), input, AdminOrigin::CommandLine, String::new())
                    .await
                    .map_err(explain)?;
            app.setup().disarm();
            say(&cli_lang().t_args("cli-admin-created", &[("login", &user.login)]))?;
            Ok(())
        }
        Command::Demo {
            tickets,
            users,
            seed,
            lang,
        } => {
            demo(
                config,
                crate::domain::demo::Options {
                    tickets,
                    users,
                    seed,
                    lang,
                },
            )
            .await
        }
        Command::Settings { action } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            settings_command(&app, action).await
        }
        Command::Backup { to, force } => {
            crate::logging::init_stderr("warn");
            if let Some(file) = to.as_deref().filter(|f| f.exists() && !force) {
                return Err(AppError::Io(std::io::Error::other(cli_lang().t_args(
                    "cli-backup-exists",
                    &[("path", &file.display().to_string())],
                ))));
            }
            let app = App::open_existing(config)?;
            backup(&app, to).await
        }
        Command::Restore { file } => {
            crate::logging::init_stderr("warn");
            restore(&config, &file)
        }
        Command::MailTest { to, now } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            mail_test(&app, &to, now).await
        }
        Command::RepairAdmin { login } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            repair_admin(&app, &login).await
        }
        Command::ResetPassword { login } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            let temporary = users::reset_password(app.db(), &login)
                .await
                .map_err(|e| match e {
                    DomainError::NotFound => AppError::Io(std::io::Error::other(
                        cli_lang().t_args("cli-no-such-login", &[("login", &login)]),
                    )),
                    other => AppError::Domain(other),
                })?;
            say(&cli_lang().t_args(
                "cli-password-reset",
                &[("login", &login), ("password", &temporary)],
            ))?;
            Ok(())
        }
    }
}

/// `gestdesk repair-admin LOGIN`: says what it changed.
async fn repair_admin(app: &App, login: &str) -> Result<(), AppError> {
    let lang = cli_lang();
    let done = users::repair_admin(app.db(), login)
        .await
        .map_err(|e| match e {
            DomainError::NotFound => AppError::Io(std::io::Error::other(
                lang.t_args("cli-no-such-login", &[("login", login)]),
            )),
            other => explain(other),
        })?;
    let mut lines = Vec::new();
    if !done.granted.is_empty() {
        lines.push(lang.t_args(
            "cli-repair-granted",
            &[("rights", &done.granted.join(", "))],
        ));
    }
    if done.made_administrator {
        lines.push(lang.t("cli-repair-profile"));
    }
    if done.enabled {
        lines.push(lang.t("cli-repair-enabled"));
    }
    if done.unlocked {
        lines.push(lang.t("cli-repair-unlocked"));
    }
    if lines.is_empty() {
        lines.push(lang.t("cli-repair-nothing"));
    }
    for l in lines {
        say(&l)?;
    }
    say(&lang.t_args("cli-repair-done", &[("login", login)]))?;
    Ok(())
}

/// `gestdesk backup`.
async fn backup(app: &App, to: Option<PathBuf>) -> Result<(), AppError> {
    let lang = cli_lang();
    let (db, config) = (app.db().clone(), app.config().clone());
    let created = tokio::task::spawn_blocking(move || {
        crate::backup::create(
            &db,
            config.data_dir(),
            &config.attachments_dir(),
            &config.backups_dir(),
            to.as_deref(),
        )
    })
    .await
    .map_err(|e| AppError::Io(std::io::Error::other(e)))?
    .map_err(|e| AppError::Io(std::io::Error::other(e.to_string())))?;
    let c = created.manifest.counts;
    say(&lang.t_args(
        "cli-backup-done",
        &[
            ("path", &created.path.display().to_string()),
            (
                "size",
                &crate::i18n::format_decimal(lang, created.size as f64 / 1_048_576.0),
            ),
            ("seconds", &format!("{:.1}", created.took.as_secs_f64())),
            ("tickets", &c.tickets.to_string()),
            ("attachments", &c.attachments.to_string()),
        ],
    ))?;
    Ok(())
}

/// `gestdesk restore FILE`.
fn restore(config: &Config, file: &std::path::Path) -> Result<(), AppError> {
    let lang = cli_lang();
    let done = crate::backup::restore(config, file).map_err(|e| match e {
        crate::backup::BackupError::InUse => {
            AppError::Io(std::io::Error::other(lang.t("cli-restore-in-use")))
        }
        other => AppError::Io(std::io::Error::other(other.to_string())),
    })?;
    let c = done.manifest.counts;
    say(&lang.t_args(
        "cli-restore-done",
        &[
            ("tickets", &c.tickets.to_string()),
            ("users", &c.users.to_string()),
            ("attachments", &c.attachments.to_string()),
            ("kept", &done.kept_in.display().to_string()),
            ("seconds", &format!("{:.1}", done.took.as_secs_f64())),
        ],
    ))?;
    Ok(())
}

/// `gestdesk mail-test`.
async fn mail_test(app: &App, to: &str, now: bool) -> Result<(), AppError> {
    let lang = cli_lang();
    if !now {
        let id = crate::domain::mail::queue_test(app.db(), to, "", lang)
            .await
            .map_err(explain)?;
        say(&lang.t_args("cli-mail-queued", &[("id", &id.to_string())]))?;
        let current = app
            .db()
            .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
            .await?;
        if !current.flag(crate::domain::settings::mail_registry::SMTP_ENABLED) {
            say(&lang.t("cli-mail-connector-off"))?;
        }
        return Ok(());
    }
    let to = crate::domain::mail::address::check(to)
        .map_err(|m| AppError::Io(std::io::Error::other(m.render(lang))))?;
    let current = app
        .db()
        .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
        .await?;
    let cfg = crate::mail::smtp::SmtpConfig::from_settings(&current);
    let (subject, body) = crate::domain::mail::compose::test_body(&current, lang);
    let recipients = vec![to];
    let message_id = format!("gestdesk.test.{}", crate::domain::token::random_hex(8));
    let outgoing = crate::mail::smtp::Outgoing {
        author_addr: "",
        to: &recipients,
        cc: &[],
        subject: &subject,
        html: &body.html,
        text: &body.text,
        message_id: &message_id,
    };
    match crate::mail::smtp::send_now(&cfg, &outgoing).await {
        Ok(answer) => say(&lang.t_args("cli-mail-sent", &[("answer", &answer)]))?,
        Err(e) => {
            return Err(AppError::Io(std::io::Error::other(
                e.message().render(lang),
            )));
        }
    }
    Ok(())
}

/// A language code as `--lang` takes it.
fn parse_lang(code: &str) -> Result<crate::i18n::Lang, String> {
    crate::i18n::Lang::from_code(code).ok_or_else(|| "expected fr, en, es or de".to_owned())
}

/// `gestdesk demo`: fills the instance and says how to log in.
async fn demo(config: Config, options: crate::domain::demo::Options) -> Result<(), AppError> {
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

/// Prints a line on standard output; a closed output is an error, not a panic.
fn say(text: &str) -> std::io::Result<()> {
    writeln!(std::io::stdout().lock(), "{text}")
}

/// `gestdesk settings …`.
async fn settings_command(app: &App, action: SettingsAction) -> Result<(), AppError> {
    let lang = cli_lang();
    let unknown = |key: &str| {
        AppError::Io(std::io::Error::other(format!(
            "{key}: {}",
            lang.t("error-setting-unknown")
        )))
    };
    let current = app
        .db()
        .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
        .await?;
    match action {
        SettingsAction::List => {
            for def in registry::all() {
                say(&format!(
                    "{} = {}",
                    def.key,
                    def.shown(current.raw(def.key))
                ))?;
            }
        }
        SettingsAction::Get { key } => {
            let def = registry::find(&key).ok_or_else(|| unknown(&key))?;
            say(def.shown(current.raw(def.key)))?;
        }
        SettingsAction::Set { key, value } => {
            let def = registry::find(&key).ok_or_else(|| unknown(&key))?;
            let value = if value == "-" {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                line.trim_end_matches(['\n', '\r']).to_owned()
            } else {
                value
            };
            settings::save_all(
                app.db(),
                vec![(def.key, value)],
                None,
                settings::Source::CommandLine,
            )
            .await
            .map_err(explain)?;
            let now = app
                .db()
                .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
                .await?;
            say(&format!("{} = {}", def.key, def.shown(now.raw(def.key))))?;
        }
    }
    Ok(())
}

/// Turns validation errors into one readable line.
fn explain(e: DomainError) -> AppError {
    let lang = cli_lang();
    match e {
        DomainError::Invalid(errors) => {
            let text = errors
                .0
                .iter()
                .map(|(field, m)| format!("{field}: {}", m.render(lang)))
                .collect::<Vec<_>>()
                .join("; ");
            AppError::Io(std::io::Error::other(text))
        }
        DomainError::Conflict(m) => AppError::Io(std::io::Error::other(m.render(lang))),
        other => AppError::Domain(other),
    }
}

/// Reads the password: prompted twice without echo on a terminal, else the first line of
/// standard input.
fn read_password() -> Result<String, AppError> {
    let lang = cli_lang();
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password(lang.t("cli-password-prompt"))?;
        let second = rpassword::prompt_password(lang.t("cli-password-again"))?;
        if first != second {
            return Err(AppError::Io(std::io::Error::other(
                lang.t("error-password-mismatch"),
            )));
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

/// Binds the listener, takes the data folder, opens the instance and serves until SIGINT or
/// SIGTERM. Nothing is printed as running before the folder is this server's.
async fn serve(config: Config) -> Result<(), AppError> {
    let listener = bind(config.listen)?;
    App::prepare_data_dir(&config)?;
    let lock = crate::app::DataLock::acquire(&config).map_err(|e| {
        if e.kind() == std::io::ErrorKind::WouldBlock {
            AppError::Io(std::io::Error::other(cli_lang().t_args(
                "cli-data-dir-busy",
                &[("dir", &config.data_dir().display().to_string())],
            )))
        } else {
            AppError::Io(e)
        }
    })?;
    let _log_guard = crate::logging::init_server(&config.logs_dir());
    let app = App::open(config)?;
    let local = listener.local_addr()?;
    let shutdown = crate::server::shutdown_signal();

    let lang = cli_lang();
    let mut banner = String::new();
    banner.push_str(&lang.t_args("cli-serving", &[("version", crate::VERSION)]));
    banner.push('\n');
    for url in crate::net::urls_for(local) {
        banner.push_str(&format!("  {url}\n"));
    }
    banner.push_str(&lang.t_args(
        "cli-data-dir",
        &[("dir", &app.config().data_dir().display().to_string())],
    ));
    banner.push('\n');
    // Last, set apart: the one line a newcomer must act on, at the address listened on.
    if let Some(path) = app.setup_path() {
        let base = crate::net::urls_for(local)
            .into_iter()
            .next()
            .unwrap_or_else(|| format!("http://localhost:{}/", local.port()));
        let url = format!("{}{path}", base.trim_end_matches('/'));
        banner.push('\n');
        banner.push_str(&lang.t_args("cli-setup-link", &[("url", &url)]));
        banner.push_str("\n\n");
    }
    // Written in one go, and only for the reader: a console closed early (`| head`, a service
    // manager that stopped listening) must not stop the server.
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(banner.as_bytes()).and_then(|()| out.flush()) {
        tracing::warn!("could not print the start-up banner: {e}");
    }
    drop(out);

    crate::server::serve_locked(app, lock, listener, shutdown).await?;
    Ok(())
}

fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, AppError> {
    let listener = std::net::TcpListener::bind(addr).map_err(|e| AppError::Bind {
        addr: addr.to_string(),
        reason: match e.kind() {
            std::io::ErrorKind::AddrInUse => {
                "the port is already in use by another program; choose another with --listen"
                    .to_owned()
            }
            std::io::ErrorKind::PermissionDenied => {
                "permission denied (ports below 1024 need privileges); choose another with --listen"
                    .to_owned()
            }
            std::io::ErrorKind::AddrNotAvailable => "this machine has no such address".to_owned(),
            _ => e.to_string(),
        },
    })?;
    listener.set_nonblocking(true)?;
    Ok(tokio::net::TcpListener::from_std(listener)?)
}
