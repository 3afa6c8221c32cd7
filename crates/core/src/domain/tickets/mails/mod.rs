//! The mails about tickets: what they say ([`content`]), the automatic ones a change causes
//! ([`notify`]) and the manual mail of a ticket ([`manual`]). They go through the generic outbox
//! ([`crate::domain::mail`]), which knows nothing of tickets: the dependency points one way.

pub mod content;
pub mod manual;
pub mod notify;
