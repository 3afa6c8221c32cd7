//! `gestdesk-desktop`: runs the Gestdesk server in-process and shows its admin console in a
//! window, with a tray icon (open the console, copy the LAN address, quit).
//!
//! It reads the same options as the headless server (`--listen`, `--data-dir`,
//! `--behind-proxy`, or `GESTDESK_*`), with the same defaults. Closing the window keeps the
//! server running for the LAN users; "Quit" in the tray, SIGTERM or SIGINT stop it gracefully.
//! A second launch focuses the first instance's window. When the server cannot start (a
//! Gestdesk service already on the port, the data folder in use), the window says so.
//!
//! With an update address configured, it also checks for signed updates (see [`update`]);
//! `--check-update` and `--update` do only that, without the server or a window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod update;

use std::net::SocketAddr;
use std::sync::Mutex;

use gestdesk::config::Config;
use gestdesk::db::Db;
use gestdesk::launcher::{self, Options, StartFailure};
use gestdesk::{App, AppError, ServerHandle};
use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::webview::PageLoadEvent;
use tauri::{AppHandle, Manager, Url, WebviewUrl, WebviewWindowBuilder, WindowEvent};
use tauri_plugin_clipboard_manager::ClipboardExt;

const WINDOW: &str = "main";

/// What the running app keeps: the server, its console URL and LAN address, the log writer.
struct Running {
    server: Mutex<Option<ServerHandle>>,
    copy_url: String,
    _log_guard: Option<gestdesk::logging::WorkerGuard>,
}

/// Opens the instance and starts serving it (the server takes the data folder's lock); returns
/// the server, the bound address and the database.
fn start_server(config: Config) -> Result<(ServerHandle, SocketAddr, Db), StartFailure> {
    let std_listener = launcher::bind(config.listen)?;
    // Asked before starting, so that the window can say it (the server takes the lock itself).
    drop(launcher::take_data_dir(&config)?);
    let other = |e: AppError| StartFailure::Other(e.to_string());
    let app = App::open(config).map_err(other)?;
    let db = app.db().clone();
    tauri::async_runtime::block_on(async move {
        // What an earlier run's update check found is recorded again by this one's, if any.
        if let Err(e) = gestdesk::domain::system::reset_update_check(&db).await {
            tracing::warn!("could not reset the update check's status: {e}");
        }
        let listener = tokio::net::TcpListener::from_std(std_listener)?;
        let server = ServerHandle::spawn(app, listener)?;
        let bound = server.addr();
        Ok::<_, std::io::Error>((server, bound, db))
    })
    .map_err(|e| other(e.into()))
}

fn show_console(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

/// Stops the in-process server gracefully, when it runs.
fn stop_server(app: &AppHandle) {
    if let Some(running) = app.try_state::<Running>() {
        let server = running
            .server
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .take();
        if let Some(server) = server
            && let Err(e) = tauri::async_runtime::block_on(server.shutdown())
        {
            tracing::error!("server stopped with an error: {e}");
        }
    }
}

fn quit(app: &AppHandle) {
    stop_server(app);
    app.exit(0);
}

/// After an update is installed: the server stops, then the new version starts.
fn restart(app: &AppHandle) {
    stop_server(app);
    app.restart();
}

/// The page the window shows when the server could not start (served by the `gestdesk:`
/// scheme: the web view refuses `data:` pages).
static FAILURE_PAGE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// The address of [`FAILURE_PAGE`] in the web view.
fn failure_url() -> Url {
    #[cfg(windows)]
    let url = "http://gestdesk.localhost/";
    #[cfg(not(windows))]
    let url = "gestdesk://localhost/";
    // A constant that parses.
    Url::parse(url).unwrap_or_else(|_| unreachable!("the failure page address is valid"))
}

fn setup(app: &mut tauri::App, updates: bool) -> Result<(), Box<dyn std::error::Error>> {
    let lang = launcher::ui_lang();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let started = Options::from_args_and_env(&args, |k| std::env::var(k).ok())
        .config()
        .map_err(|e| StartFailure::Other(e.to_string()))
        .and_then(|config| {
            App::prepare_data_dir(&config).map_err(|e| StartFailure::Other(e.to_string()))?;
            let guard = gestdesk::logging::init_server(&config.logs_dir());
            let (server, bound, db) = start_server(config)?;
            Ok((server, bound, db, guard))
        });

    let mut db = None;
    let url = match started {
        Ok((server, bound, database, guard)) => {
            db = Some(database);
            let console = launcher::local_addr(bound);
            let copy_url = gestdesk::net::lan_urls(bound)
                .into_iter()
                .next()
                .unwrap_or_else(|| format!("http://{console}/"));
            tracing::info!("console at http://{console}/, LAN address {copy_url}");
            app.manage(Running {
                server: Mutex::new(Some(server)),
                copy_url,
                _log_guard: guard,
            });
            Url::parse(&format!("http://{console}/"))?
        }
        Err(failure) => {
            let page = failure.page(lang);
            match &failure {
                StartFailure::AlreadyServing { .. } | StartFailure::DataDirBusy { .. } => {
                    eprintln!("gestdesk-desktop: not started: {}", failure.explain(lang).0);
                }
                other => eprintln!("gestdesk-desktop: error: {other}"),
            }
            let _ = FAILURE_PAGE.set(page);
            failure_url()
        }
    };

    // SIGTERM or SIGINT stop it gracefully, like the server.
    let handle = app.handle().clone();
    tauri::async_runtime::spawn(async move {
        gestdesk::server::shutdown_signal().await;
        let server = handle.try_state::<Running>().and_then(|r| {
            r.server
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take()
        });
        if let Some(server) = server
            && let Err(e) = server.shutdown().await
        {
            tracing::error!("server stopped with an error: {e}");
        }
        handle.exit(0);
    });

    let window_url = if url.scheme() == "http" && url.host_str() != Some("gestdesk.localhost") {
        WebviewUrl::External(url)
    } else {
        WebviewUrl::CustomProtocol(url)
    };
    // Fits a 1280×800 screen with its title bar and a panel.
    WebviewWindowBuilder::new(app, WINDOW, window_url)
        .title("Gestdesk")
        .inner_size(1200.0, 720.0)
        .min_inner_size(360.0, 480.0)
        .build()?;

    let open = MenuItem::with_id(
        app,
        "open",
        lang.t("desktop-open-console"),
        true,
        None::<&str>,
    )?;
    let copy = MenuItem::with_id(
        app,
        "copy",
        lang.t("desktop-copy-address"),
        true,
        None::<&str>,
    )?;
    let quit_item = MenuItem::with_id(app, "quit", lang.t("desktop-quit"), true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &copy, &quit_item])?;
    if updates {
        let tray = update::Tray::new(app.handle(), lang, db)?;
        menu.insert(tray.item(), 2)?;
        app.manage(tray);
    }
    let mut tray = TrayIconBuilder::with_id("gestdesk")
        .tooltip("Gestdesk")
        .menu(&menu)
        .on_menu_event(|app, event| match event.id().as_ref() {
            "open" => show_console(app),
            "copy" => {
                if let Some(running) = app.try_state::<Running>()
                    && let Err(e) = app.clipboard().write_text(running.copy_url.clone())
                {
                    tracing::warn!("could not copy the address: {e}");
                }
            }
            "quit" => quit(app),
            "update" => update::clicked(app, restart),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    if updates {
        update::watch(app.handle());
    }
    Ok(())
}

/// The app's context (configuration, icons), with the updater configured for `source`.
fn context(source: Option<&update::Source>) -> tauri::Context<tauri::Wry> {
    let mut context = tauri::generate_context!();
    if let Some(source) = source {
        context
            .config_mut()
            .plugins
            .0
            .insert("updater".into(), update::plugin_config(source));
    }
    context
}

/// `--check-update` and `--update`: the update check alone, then exit.
fn update_once(mode: update::Mode, source: Option<update::Source>) -> i32 {
    let lang = launcher::ui_lang();
    let Some(source) = source else {
        eprintln!("gestdesk-desktop: {}", lang.t("desktop-update-off"));
        return 2;
    };
    // The updater lives in the app, which needs a display (GTK would panic without one).
    #[cfg(target_os = "linux")]
    if std::env::var_os("DISPLAY").is_none() && std::env::var_os("WAYLAND_DISPLAY").is_none() {
        eprintln!("gestdesk-desktop: {}", lang.t("desktop-update-no-display"));
        return 2;
    }
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_updater::Builder::new().build())
        .setup(move |app| {
            update::run_once(app.handle(), mode, lang);
            Ok(())
        })
        .build(context(Some(&source)))
        .map(|app| app.run_return(|_, _| {}));
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("gestdesk-desktop: error: {e}");
            1
        }
    }
}

/// The same allocator as the headless server (see `gestdesk_allocator`).
#[global_allocator]
static ALLOCATOR: gestdesk_allocator::Allocator = gestdesk_allocator::Allocator;

fn main() {
    gestdesk_allocator::give_back_soon();
    // The server's runtime, with its bound on blocking threads (see `gestdesk::runtime`),
    // runs the window's asynchronous work too; it lives until `main` returns.
    let runtime = match gestdesk::runtime::build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("gestdesk-desktop: error: cannot start: {e}");
            std::process::exit(1);
        }
    };
    tauri::async_runtime::set(runtime.handle().clone());
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mode = update::Mode::from_args(&args);
    let source = match update::source(&args, |k| std::env::var(k).ok()) {
        Ok(source) => source,
        Err(e) => {
            // The app runs without the update check; asked for it alone, there is nothing to do.
            eprintln!("gestdesk-desktop: {}", e.explain(launcher::ui_lang()));
            if mode != update::Mode::App {
                std::process::exit(2);
            }
            None
        }
    };
    if mode != update::Mode::App {
        std::process::exit(update_once(mode, source));
    }
    let mut builder = tauri::Builder::default();
    let updates = source.is_some();
    if updates {
        builder = builder.plugin(tauri_plugin_updater::Builder::new().build());
    }
    let result = builder
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            show_console(app);
        }))
        .plugin(tauri_plugin_clipboard_manager::init())
        .register_uri_scheme_protocol("gestdesk", |_ctx, _request| {
            let page = FAILURE_PAGE.get().cloned().unwrap_or_default();
            tauri::http::Response::builder()
                .header("Content-Type", "text/html; charset=utf-8")
                .body(page.into_bytes())
                .unwrap_or_else(|_| tauri::http::Response::new(Vec::new()))
        })
        .setup(move |app| setup(app, updates))
        .on_page_load(|_webview, payload| {
            if matches!(payload.event(), PageLoadEvent::Finished) {
                // Also read by the desktop test to know what the window shows.
                println!("gestdesk-desktop: page loaded: {}", payload.url());
            }
        })
        .on_window_event(|window, event| {
            // Closing the window keeps the server running for the LAN; the tray quits.
            if let WindowEvent::CloseRequested { api, .. } = event
                && window.app_handle().tray_by_id("gestdesk").is_some()
            {
                api.prevent_close();
                let _ = window.hide();
            }
        })
        .run(context(source.as_ref()));
    // Work still running on blocking threads does not hold the process once the server has
    // closed the database.
    runtime.shutdown_timeout(std::time::Duration::from_secs(5));
    if let Err(e) = result {
        eprintln!("gestdesk-desktop: error: {e}");
        std::process::exit(1);
    }
}
