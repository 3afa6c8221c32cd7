//! `net ping-all`, `net wake ASSET` and `net scan`: the network tools from the shell, as the
//! server itself (every asset), with the pages' rules; they print what they did.

use super::*;
use crate::domain::assets::discovery::{self, Change};
use crate::domain::assets::network::{self, Which};
use crate::net_tools::{self, Turn, WakeError};

fn failed(text: String) -> AppError {
    AppError::Io(std::io::Error::other(text))
}

/// `gestdesk net ping-all`.
pub(super) async fn ping_all(app: &App) -> Result<(), AppError> {
    let lang = cli_lang();
    let Some(turn) = Turn::take(app.db()) else {
        return Err(failed(lang.t("cli-net-ping-all-running")));
    };
    let report = net_tools::ping_every(app.db(), &turn, None)
        .await
        .map_err(explain)?;
    say(&lang.t_args(
        "cli-net-method",
        &[(
            "method",
            &lang.t(crate::net_tools::method_keys(report.method.code()).0),
        )],
    ))?;
    for (t, rtt) in &report.results {
        let answer = match rtt {
            Some(d) => format!("{:.1} ms", d.as_secs_f64() * 1000.0),
            None => lang.t("asset-ping-no-answer"),
        };
        say(&format!("{}\t{}\t{answer}", t.asset_name, t.ip))?;
    }
    say(&lang.t_args(
        "cli-net-ping-all-done",
        &[
            ("answered", &report.answered().to_string()),
            ("count", &report.results.len().to_string()),
            ("seconds", &format!("{:.1}", report.took.as_secs_f64())),
        ],
    ))?;
    Ok(())
}

/// `gestdesk net wake ASSET`.
pub(super) async fn wake(app: &App, asset: &str) -> Result<(), AppError> {
    let lang = cli_lang();
    let id = network::find(app.db(), asset.to_owned())
        .await
        .map_err(|e| match e {
            DomainError::NotFound => {
                failed(lang.t_args("cli-net-no-such-asset", &[("asset", asset)]))
            }
            other => explain(other),
        })?;
    match net_tools::wake(app.db(), None, Which::One(id)).await {
        Ok(report) => {
            for card in &report.cards {
                let to: Vec<String> = card.broadcasts.iter().map(ToString::to_string).collect();
                say(&lang.t_args(
                    "cli-net-woken",
                    &[
                        ("mac", &card.mac_text),
                        ("to", &to.join(", ")),
                        ("port", &report.port.to_string()),
                    ],
                ))?;
            }
            Ok(())
        }
        Err(WakeError::Domain(e)) => Err(explain(e)),
        Err(WakeError::NoCard) => Err(failed(lang.t("asset-wake-no-mac"))),
        Err(WakeError::Network(e)) => Err(failed(
            crate::i18n::msg("asset-wake-failed")
                .arg("detail", e.to_string())
                .render(lang),
        )),
    }
}

/// `gestdesk net scan`.
pub(super) async fn scan(app: &App, only: Option<String>, dry_run: bool) -> Result<(), AppError> {
    let lang = cli_lang();
    let asked = only.clone();
    let networks = discovery::networks(app.db(), None, only)
        .await
        .map_err(|e| match (e, &asked) {
            (DomainError::NotFound, Some(n)) => {
                failed(lang.t_args("cli-net-no-such-network", &[("network", n)]))
            }
            (other, _) => explain(other),
        })?;
    if networks.is_empty() {
        return Err(failed(lang.t("net-scan-no-network")));
    }
    if dry_run {
        say(&lang.t("cli-net-scan-dry-run"))?;
    }
    let mut failures = 0;
    for network in networks {
        let heading = format!("{} ({})", network.name, network.cidr);
        if let Some(why) = &network.refused {
            say(&format!("{heading}: {}", why.render(lang)))?;
            failures += 1;
            continue;
        }
        let outcome = net_tools::discover(app.db(), None, network, dry_run)
            .await
            .map_err(explain)?;
        let (created, filled) = outcome.counts();
        say(&format!(
            "{heading}: {}",
            lang.t_args(
                "net-scan-summary",
                &[
                    ("answered", &outcome.answered.to_string()),
                    ("probed", &outcome.probed.to_string()),
                    ("created", &created.to_string()),
                    ("filled", &filled.to_string()),
                ],
            )
        ))?;
        for change in &outcome.changes {
            let line = match change {
                Change::Create {
                    name,
                    ip,
                    mac,
                    netbios,
                } => format!(
                    "  + {} {}",
                    lang.t_args(
                        "net-scan-would-create",
                        &[("name", name), ("ip", &ip.to_string())]
                    ),
                    [mac.clone(), netbios.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" ")
                ),
                Change::Fill {
                    asset_name,
                    field,
                    value,
                    ..
                } => format!("  ~ {asset_name}: {field} = {value}"),
            };
            say(line.trim_end())?;
        }
    }
    if failures > 0 {
        return Err(failed(lang.t("cli-net-scan-refused")));
    }
    Ok(())
}
