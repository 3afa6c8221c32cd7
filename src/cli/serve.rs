//! `serve` (the default): the server in the foreground, with its start-up banner.

use super::*;
use crate::launcher::{self, StartFailure};

/// Binds the listener, takes the data folder, opens the instance and serves until SIGINT or
/// SIGTERM. Nothing is printed as running before the folder is this server's.
pub(super) async fn serve(config: Config) -> Result<(), AppError> {
    let listener = bind(config.listen)?;
    App::prepare_data_dir(&config)?;
    let lock = launcher::take_data_dir(&config).map_err(|e| match e {
        StartFailure::DataDirBusy { dir } => AppError::Io(std::io::Error::other(
            cli_lang().t_args("cli-data-dir-busy", &[("dir", &dir)]),
        )),
        other => AppError::Start(other),
    })?;
    let _log_guard = crate::logging::init_server(&config.logs_dir());
    let app = App::open(config)?;
    // A desktop app that served this folder before may have left what its update check found.
    if let Err(e) = crate::domain::system::reset_update_check(app.db()).await {
        tracing::warn!("could not reset the update check's status: {e}");
    }
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

pub(super) fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, AppError> {
    let listener = launcher::bind(addr).map_err(AppError::Start)?;
    Ok(tokio::net::TcpListener::from_std(listener)?)
}
