//! The command line: `serve` (the default), `create-admin`, `reset-password`, `repair-admin`,
//! `settings`, `backup`, `restore`, `mail-test`, `mail-fetch`, `ldap sync`, `import gestsup`, `demo`, `assets import`.
//!
//! Only `serve`, `demo`, `restore` and `create-admin --init` make a new instance in an empty
//! data folder; the other commands refuse a folder that holds no Gestdesk database.

mod accounts;
mod archives;
mod assets;
mod demo;
mod import;
mod ldap;
mod mail;
mod net;
mod serve;
mod settings_command;

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

use accounts::repair_admin;
use archives::{backup, restore};
use demo::{demo, parse_lang};
use import::import_gestsup;
use ldap::ldap_sync;
use mail::{mail_fetch, mail_test};
use serve::serve;
use settings_command::settings_command;

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

    /// Serve HTTPS, with a self-signed certificate for this machine unless Administration >
    /// HTTPS has one of your own; plain HTTP from the network is sent to the https:// address
    #[arg(long, global = true, env = "GESTDESK_HTTPS")]
    pub https: bool,

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
    /// Read the incoming-mail mailboxes now (every enabled one, or the one named) and print
    /// what each fetch did
    MailFetch {
        /// The name of the mailbox to read (it is read even when switched off)
        #[arg(long)]
        mailbox: Option<String>,
    },
    /// Move in from another helpdesk
    Import {
        #[command(subcommand)]
        from: ImportCommand,
    },
    /// The directory connector (Active Directory or OpenLDAP)
    Ldap {
        #[command(subcommand)]
        action: LdapCommand,
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
        /// How many assets to create [default: one per twenty tickets]
        #[arg(long)]
        assets: Option<u32>,
    },
    /// The asset inventory
    Assets {
        #[command(subcommand)]
        action: AssetsAction,
    },
    /// The network tools: ping every asset, wake one
    Net {
        #[command(subcommand)]
        action: NetAction,
    },
}

/// What `gestdesk net` does.
#[derive(Debug, Subcommand)]
pub enum NetAction {
    /// Ping every interface of every asset now, as the schedule does; prints each answer
    PingAll,
    /// Discover the networks flagged "scan" (Administration > Lists > networks): hosts that
    /// answer become assets or fill what their asset lacks; prints every change
    Scan {
        /// Only this network (its name or number)
        #[arg(long)]
        network: Option<String>,
        /// Only say what would change; change nothing
        #[arg(long)]
        dry_run: bool,
    },
    /// Send the Wake-on-LAN magic packets of an asset's cards
    Wake {
        /// The asset's number or its exact name
        asset: String,
    },
}

/// What `gestdesk assets` does.
#[derive(Debug, Subcommand)]
pub enum AssetsAction {
    /// Import assets from a CSV file (the columns of the stock view's template) as the
    /// import page does; prints what each line did
    Import {
        /// The CSV file
        file: PathBuf,
        /// Only say what the import would do; change nothing
        #[arg(long)]
        dry_run: bool,
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
    crate::launcher::ui_lang()
}

/// `gestdesk import ...`.
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import a GestSup site from its backup file (a `.sql` file from its backup page or from
    /// mysqldump) or its database into this instance, which must hold no ticket yet;
    /// GestSup's ids, ticket numbers and passwords are kept
    Gestsup {
        /// The GestSup backup file, or its database as mysql://user:password@host:port/database
        /// (without the password there, MYSQL_PWD's)
        #[arg(long)]
        from: String,
        /// GestSup's `upload/` folder, for the tickets' attached files
        #[arg(long)]
        files: Option<PathBuf>,
        /// Read everything and print what would be imported, changing nothing
        #[arg(long)]
        dry_run: bool,
    },
}

/// `gestdesk ldap ...`.
#[derive(Debug, Subcommand)]
pub enum LdapCommand {
    /// Synchronise the users from the directory now, printing every change
    Sync {
        /// Print what would change, and change nothing
        #[arg(long)]
        dry_run: bool,
    },
}

/// Runs the command line; errors are meant to be printed on one line.
pub async fn run(cli: Cli) -> Result<(), AppError> {
    let config = Config::new(&cli.listen, cli.data_dir)?
        .with_proxy(cli.behind_proxy)
        .with_https(cli.https);
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
            assets,
        } => {
            demo(
                config,
                crate::domain::demo::Options {
                    tickets,
                    users,
                    seed,
                    lang,
                    assets,
                },
            )
            .await
        }
        Command::Assets {
            action: AssetsAction::Import { file, dry_run },
        } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            assets::import(&app, &file, dry_run).await
        }
        Command::Net { action } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            match action {
                NetAction::PingAll => net::ping_all(&app).await,
                NetAction::Scan { network, dry_run } => net::scan(&app, network, dry_run).await,
                NetAction::Wake { asset } => net::wake(&app, &asset).await,
            }
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
        Command::MailFetch { mailbox } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            mail_fetch(&app, mailbox).await
        }
        Command::Import {
            from:
                ImportCommand::Gestsup {
                    from,
                    files,
                    dry_run,
                },
        } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            import_gestsup(&app, &from, files, dry_run).await
        }
        Command::Ldap {
            action: LdapCommand::Sync { dry_run },
        } => {
            crate::logging::init_stderr("warn");
            let app = App::open_existing(config)?;
            ldap_sync(&app, dry_run).await
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

/// Prints a line on standard output; a closed output is an error, not a panic.
fn say(text: &str) -> std::io::Result<()> {
    writeln!(std::io::stdout().lock(), "{text}")
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
