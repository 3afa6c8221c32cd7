//! The network tools' settings (Administration > Settings > Network): the scheduled ping of
//! every asset, the probing rate and wait, and the Wake-on-LAN port.

use super::keys::{Flag, Number};
use super::registry::{Def, Kind, Section};

/// Hours between two pings of every asset; 0 turns the scheduled ping off.
pub const PING_EVERY_HOURS: Number = Number::declared("net.ping_every_hours");
/// New addresses probed per second at most.
pub const PING_RATE: Number = Number::declared("net.ping_rate");
/// How long an address has to answer, in milliseconds.
pub const PING_TIMEOUT_MS: Number = Number::declared("net.ping_timeout_ms");
/// The UDP port magic packets go to.
pub const WOL_PORT: Number = Number::declared("net.wol_port");

/// Discoveries of the networks flagged "scan" run every day on their own.
pub const SCAN_AUTO: Flag = Flag::declared("net.scan_auto");
/// The hour (server time, 0–23) of the daily discovery.
pub const SCAN_HOUR: Number = Number::declared("net.scan_hour");
/// The type of the assets a discovery creates (an `asset_types` id; 0: none).
pub const SCAN_ASSET_TYPE: Number = Number::declared("net.scan_asset_type");
/// The state of the assets a discovery creates (an `asset_states` id; 0: the first state).
pub const SCAN_ASSET_STATE: Number = Number::declared("net.scan_asset_state");

/// Every network setting, in page order.
pub const DEFS: &[Def] = &[
    Def {
        key: "net.ping_every_hours",
        kind: Kind::Number { min: 0, max: 720 },
        // Off until an administrator turns it on, as in GestSup (where it takes a crontab
        // line): a fresh instance sends nothing to the network by itself.
        default: "0",
        section: Section::Network,
        label: "setting-ping-every-hours",
        help: "setting-ping-every-hours-help",
    },
    Def {
        key: "net.ping_rate",
        kind: Kind::Number { min: 1, max: 5_000 },
        default: "500",
        section: Section::Network,
        label: "setting-ping-rate",
        help: "setting-ping-rate-help",
    },
    Def {
        key: "net.ping_timeout_ms",
        kind: Kind::Number {
            min: 100,
            max: 10_000,
        },
        default: "1000",
        section: Section::Network,
        label: "setting-ping-timeout",
        help: "setting-ping-timeout-help",
    },
    Def {
        key: "net.wol_port",
        kind: Kind::Number {
            min: 1,
            max: 65_535,
        },
        default: "9",
        section: Section::Network,
        label: "setting-wol-port",
        help: "setting-wol-port-help",
    },
    Def {
        key: "net.scan_auto",
        kind: Kind::Flag,
        // Off until an administrator turns it on: a fresh instance sends nothing by itself.
        default: "0",
        section: Section::Network,
        label: "setting-scan-auto",
        help: "setting-scan-auto-help",
    },
    Def {
        key: "net.scan_hour",
        kind: Kind::Number { min: 0, max: 23 },
        default: "12",
        section: Section::Network,
        label: "setting-scan-hour",
        help: "setting-scan-hour-help",
    },
    Def {
        key: "net.scan_asset_type",
        kind: Kind::Number {
            min: 0,
            max: 1_000_000_000,
        },
        default: "0",
        section: Section::Network,
        label: "setting-scan-asset-type",
        help: "setting-scan-asset-type-help",
    },
    Def {
        key: "net.scan_asset_state",
        kind: Kind::Number {
            min: 0,
            max: 1_000_000_000,
        },
        default: "0",
        section: Section::Network,
        label: "setting-scan-asset-state",
        help: "setting-scan-asset-state-help",
    },
];
