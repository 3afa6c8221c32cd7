//! The mails about tickets: what they say ([`content`]), the automatic ones a change causes
//! ([`notify`]), the manual mail of a ticket ([`manual`]) and the mails that come in and become
//! tickets or replies ([`intake`]). They go through the generic outbox
//! ([`crate::domain::mail`]), which knows nothing of tickets: the dependency points one way.

pub mod content;
pub mod intake;
pub mod manual;
pub mod notify;
