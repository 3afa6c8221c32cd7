//! Waking assets: a magic packet for each card with a MAC address, sent to the broadcast
//! address of each declared network holding the card's address and to 255.255.255.255, then
//! recorded in each asset's history.

use crate::db::Db;
use crate::domain::assets::network::{self, Card, Which};
use crate::domain::settings::Settings;
use crate::domain::settings::network_registry as keys;
use crate::domain::{Actor, DomainError};
use crate::net::wol;

/// What a wake did.
#[derive(Debug, Clone)]
pub struct WakeReport {
    /// The cards woken, each with the addresses its packets went to.
    pub cards: Vec<Card>,
    pub port: u16,
}

/// Why a wake failed.
#[derive(Debug, thiserror::Error)]
pub enum WakeError {
    #[error(transparent)]
    Domain(#[from] DomainError),
    /// No card of the assets has a MAC address.
    #[error("no MAC address to wake")]
    NoCard,
    /// The system refused to send (no route, no broadcast allowed).
    #[error("magic packet not sent: {0}")]
    Network(std::io::Error),
}

/// Sends the magic packets of the assets `which` that `actor` may change (none: the server
/// itself, from the command line), and records them.
pub async fn wake(db: &Db, actor: Option<&Actor>, which: Which) -> Result<WakeReport, WakeError> {
    let cards = network::wake_targets(db, actor, which).await?;
    if cards.is_empty() {
        return Err(WakeError::NoCard);
    }
    let settings = db
        .read(|c| Settings::load(c).map_err(crate::db::DbError::from))
        .await
        .map_err(DomainError::from)?;
    let port = u16::try_from(settings.number(keys::WOL_PORT)).unwrap_or(wol::DEFAULT_PORT);
    let mut sent = Vec::new();
    let mut failure = None;
    for card in cards {
        match wol::wake(card.mac, &card.broadcasts, port).await {
            Ok(_) => sent.push(card),
            Err(e) => {
                tracing::warn!(mac = %card.mac_text, "magic packet not sent: {e}");
                failure.get_or_insert(e);
            }
        }
    }
    if sent.is_empty() {
        return Err(WakeError::Network(
            failure.unwrap_or_else(|| std::io::Error::other("nothing sent")),
        ));
    }
    network::record_wakes(db, actor.map(|a| a.id().0), sent.clone()).await?;
    Ok(WakeReport { cards: sent, port })
}
