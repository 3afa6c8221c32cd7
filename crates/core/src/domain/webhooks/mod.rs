//! Webhooks: addresses an administrator registers to be told when tickets change (opened,
//! changed, replied to, moved to another state, assigned). Each event a change causes becomes
//! one delivery per hook that wants it, written in the transaction of the change (`queue`), so
//! that an event is sent if and only if its change was saved, and a save never waits for a
//! receiver. The webhook worker posts the deliveries, signed with the hook's secret, and records
//! each answer; a failed one is tried again after a growing wait (`retry_wait`) until
//! [`ATTEMPTS`] tries have failed.

mod deliveries;
mod hooks;
mod queue;

pub use deliveries::{
    Claimed, Outcome, any_due, claim_due, purge_finished, record_outcome, requeue_interrupted,
};
pub use hooks::{
    DeliveryRow, Hook, HookForm, HookRow, create, delete, deliveries, get, list, ping, retry,
    update,
};
pub use queue::{Detail, thread_event, ticket_changed, ticket_event};

/// Longest address.
pub const URL_MAX: usize = 2_000;

/// Tries of one delivery before it is marked failed.
pub const ATTEMPTS: i64 = 8;

/// Wait before the second try, in seconds; each next wait is four times longer.
pub const FIRST_RETRY_SECS: i64 = 10;

/// Longest wait between two tries, in seconds.
pub const LONGEST_RETRY_SECS: i64 = 6 * 3_600;

/// How long delivered and failed deliveries are kept, in days.
pub const KEPT_DAYS: i64 = 30;

/// Characters of a receiver's answer kept with its delivery.
pub const ANSWER_KEPT: usize = 500;

/// Something that happened to a ticket, which a hook may be told of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// A ticket was opened (from a page, a mail, the API or the intranet form).
    Created,
    /// A ticket's fields were changed.
    Updated,
    /// A reply was added (hidden from the requester or not).
    Replied,
    /// A ticket moved to another state (closing included).
    StateChanged,
    /// A ticket's technician or technician group changed.
    Assigned,
    /// An administrator's test, sent to one hook whatever its events.
    Ping,
}

impl Event {
    /// The events a hook may choose, in the order shown.
    pub const CHOSEN: [Event; 5] = [
        Event::Created,
        Event::Updated,
        Event::Replied,
        Event::StateChanged,
        Event::Assigned,
    ];

    /// The name sent in the body and the `Gestdesk-Event` header.
    pub fn code(self) -> &'static str {
        match self {
            Event::Created => "ticket.created",
            Event::Updated => "ticket.updated",
            Event::Replied => "ticket.replied",
            Event::StateChanged => "ticket.state_changed",
            Event::Assigned => "ticket.assigned",
            Event::Ping => "ping",
        }
    }

    /// The event named `code`.
    pub fn from_code(code: &str) -> Option<Event> {
        Event::CHOSEN
            .into_iter()
            .chain([Event::Ping])
            .find(|e| e.code() == code)
    }

    /// Its bit in a hook's stored events (none for the test event).
    pub fn bit(self) -> i64 {
        match self {
            Event::Created => 1,
            Event::Updated => 2,
            Event::Replied => 4,
            Event::StateChanged => 8,
            Event::Assigned => 16,
            Event::Ping => 0,
        }
    }

    /// The translation key naming it.
    pub fn label(self) -> &'static str {
        match self {
            Event::Created => "webhook-event-created",
            Event::Updated => "webhook-event-updated",
            Event::Replied => "webhook-event-replied",
            Event::StateChanged => "webhook-event-state",
            Event::Assigned => "webhook-event-assigned",
            Event::Ping => "webhook-event-ping",
        }
    }
}

/// The events stored as `bits`.
pub fn events_of(bits: i64) -> Vec<Event> {
    Event::CHOSEN
        .into_iter()
        .filter(|e| bits & e.bit() != 0)
        .collect()
}

/// How long to wait after `failed` tries before the next one, in seconds: 10 s, 40 s, 160 s,
/// about 11 min, 43 min, 3 h, then 6 h.
pub fn retry_wait(failed: i64) -> i64 {
    let mut wait = FIRST_RETRY_SECS;
    for _ in 1..failed.max(1) {
        wait = (wait * 4).min(LONGEST_RETRY_SECS);
    }
    wait
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeliveryState {
    /// Waiting for its first or next try.
    Queued,
    /// Being posted now.
    Sending,
    /// The receiver answered 2xx.
    Delivered,
    /// Every try failed; an administrator may send it again.
    Failed,
}

impl DeliveryState {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            DeliveryState::Queued => "queued",
            DeliveryState::Sending => "sending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
        }
    }

    /// The state stored as `code`.
    pub fn from_code(code: &str) -> DeliveryState {
        match code {
            "sending" => DeliveryState::Sending,
            "delivered" => DeliveryState::Delivered,
            "failed" => DeliveryState::Failed,
            _ => DeliveryState::Queued,
        }
    }

    /// The translation key naming it.
    pub fn label(self) -> &'static str {
        match self {
            DeliveryState::Queued => "webhook-state-queued",
            DeliveryState::Sending => "webhook-state-sending",
            DeliveryState::Delivered => "webhook-state-delivered",
            DeliveryState::Failed => "webhook-state-failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_grow_fourfold_up_to_six_hours() {
        let waits: Vec<i64> = (1..=ATTEMPTS).map(retry_wait).collect();
        assert_eq!(
            waits,
            [10, 40, 160, 640, 2_560, 10_240, 21_600, 21_600],
            "the wait after each failed try"
        );
    }

    #[test]
    fn every_event_has_its_own_bit_and_reads_back_from_its_code() {
        let all: i64 = Event::CHOSEN.iter().map(|e| e.bit()).sum();
        assert_eq!(all, 31, "five distinct bits");
        assert_eq!(events_of(all), Event::CHOSEN.to_vec());
        for e in Event::CHOSEN.into_iter().chain([Event::Ping]) {
            assert_eq!(Event::from_code(e.code()), Some(e));
        }
        assert_eq!(Event::from_code("ticket.deleted"), None);
    }
}
