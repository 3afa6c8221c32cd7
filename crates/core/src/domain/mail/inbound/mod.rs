//! Incoming mail, as the connector hands it over: a raw mail read into what a ticket or a reply
//! needs ([`read`]), whether it is an automatic mail that must never create a ticket nor cause
//! one ([`auto`]), and the reply cut from the history it quotes ([`quotes`]). The IMAP side is
//! the mail adapter's; this module never touches the network.

pub mod auto;
pub mod history;
pub mod mailboxes;
pub mod quotes;
pub mod read;
pub mod thread;

pub use read::{Inbound, Part, Unreadable, read};
