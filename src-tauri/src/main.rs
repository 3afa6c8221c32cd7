//! `gestdesk-desktop`: runs the Gestdesk server in-process and shows its admin console in a
//! window, with a tray icon (open the console, copy the LAN address, quit).
//!
//! It uses the same defaults as the headless server: the per-OS data directory and
//! `0.0.0.0:8080`, overridable with `GESTDESK_DATA_DIR` and `GESTDESK_LISTEN`. Closing the
//! window keeps the server running for the LAN users; "Quit" in the tray stops it gracefully.
//! A second launch focuses the first instance's window.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;

use gestdesk::config::{Config, DEFAULT_LISTEN};
use gestdesk::i18n::Lang;
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

fn ui_lang() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| Lang::from_code(&v))
        .unwrap_or_default()
}

fn config() -> Result<Config, AppError> {
    let listen = std::env::var("GESTDESK_LISTEN").unwrap_or_else(|_| DEFAULT_LISTEN.to_owned());
    let data_dir = std::env::var_os("GESTDESK_DATA_DIR").map(Into::into);
    Ok(Config::new(&listen, data_dir)?)
}

/// The address the window opens: this machine when listening on every interface.
fn console_addr(bound: SocketAddr) -> SocketAddr {
    let ip = match bound.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        other => other,
    };
    SocketAddr::new(ip, bound.port())
}

/// Opens the instance and starts serving it; returns the server and the console URL.
fn start_server(config: Config) -> Result<(ServerHandle, SocketAddr), AppError> {
    let std_listener = std::net::TcpListener::bind(config.listen).map_err(|e| AppError::Bind {
        addr: config.listen.to_string(),
        reason: e.to_string(),
    })?;
    std_listener.set_nonblocking(true)?;
    let app = App::open(config)?;
    tauri::async_runtime::block_on(async move {
        let listener = tokio::net::TcpListener::from_std(std_listener)?;
        let server = ServerHandle::spawn(app, listener)?;
        let bound = server.addr();
        Ok((server, bound))
    })
}

fn show_console(app: &AppHandle) {
    if let Some(window) = app.get_webview_window(WINDOW) {
        let _ = window.unminimize();
        let _ = window.show();
        let _ = window.set_focus();
    }
}

fn quit(app: &AppHandle) {
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
    app.exit(0);
}

/// A page explaining why the server could not start, shown in the window.
fn error_url(lang: Lang, error: &AppError) -> Result<Url, Box<dyn std::error::Error>> {
    let html = format!(
        "<!doctype html><meta charset=utf-8><title>Gestdesk</title>\
         <body style=\"font-family:system-ui,sans-serif;padding:2rem;max-width:40rem\">\
         <h1>{}</h1><p>{}</p></body>",
        escape(&lang.t("desktop-start-failed")),
        escape(&error.to_string())
    );
    Ok(Url::parse(&format!(
        "data:text/html;charset=utf-8,{}",
        percent_encode(&html)
    ))?)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~ ".contains(&b) {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect::<String>()
        .replace(' ', "%20")
}

fn setup(app: &mut tauri::App) -> Result<(), Box<dyn std::error::Error>> {
    let lang = ui_lang();
    let started = config().and_then(|config| {
        App::prepare_data_dir(&config)?;
        let guard = gestdesk::logging::init_server(&config.logs_dir());
        let (server, bound) = start_server(config)?;
        Ok((server, bound, guard))
    });

    let url = match started {
        Ok((server, bound, guard)) => {
            let console = console_addr(bound);
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
        Err(e) => {
            eprintln!("gestdesk-desktop: error: {e}");
            error_url(lang, &e)?
        }
    };

    WebviewWindowBuilder::new(app, WINDOW, WebviewUrl::External(url))
        .title("Gestdesk")
        .inner_size(1280.0, 860.0)
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
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        tray = tray.icon(icon.clone());
    }
    tray.build(app)?;
    Ok(())
}

fn main() {
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|app, _argv, _cwd| {
            show_console(app);
        }))
        .plugin(tauri_plugin_clipboard_manager::init())
        .setup(setup)
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
        .run(tauri::generate_context!());
    if let Err(e) = result {
        eprintln!("gestdesk-desktop: error: {e}");
        std::process::exit(1);
    }
}
