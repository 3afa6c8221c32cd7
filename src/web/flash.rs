//! One-shot action messages shown on the next page, carried by a cookie holding a fixed code
//! (never free text, so nothing a visitor sets can reach the page).

use crate::i18n::{Msg, msg};

/// A message shown once after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flash {
    LoggedOut,
    SessionExpired,
    PasswordChanged,
    Welcome,
    LanguageChanged,
    Saved,
    Deleted,
    Disabled,
    Enabled,
    AccountCreated,
    TicketCreated,
    TicketMerged,
    TicketClosed,
    ReminderSet,
    MailQueued,
    BackupWritten,
    ListRestored,
    TemplateSaved,
    ResolutionAccepted,
    TicketReopened,
    TicketMergedInto,
    WakeSent,
    PingAllStarted,
    PingAllRunning,
    ScanStarted,
    ScanStopped,
    TokenRevoked,
    WebhookDeleted,
    WebhookPinged,
    DeliveryRequeued,
    InterventionPlanned,
    InterventionChanged,
    InterventionRemoved,
    FeedRemoved,
    JobStarted,
    JobRunning,
    IntegrityChecked,
}

impl Flash {
    const ALL: [Flash; 37] = [
        Flash::LoggedOut,
        Flash::SessionExpired,
        Flash::PasswordChanged,
        Flash::Welcome,
        Flash::LanguageChanged,
        Flash::Saved,
        Flash::Deleted,
        Flash::Disabled,
        Flash::Enabled,
        Flash::AccountCreated,
        Flash::TicketCreated,
        Flash::TicketMerged,
        Flash::TicketClosed,
        Flash::ReminderSet,
        Flash::MailQueued,
        Flash::BackupWritten,
        Flash::ListRestored,
        Flash::TemplateSaved,
        Flash::ResolutionAccepted,
        Flash::TicketReopened,
        Flash::TicketMergedInto,
        Flash::WakeSent,
        Flash::PingAllStarted,
        Flash::PingAllRunning,
        Flash::ScanStarted,
        Flash::ScanStopped,
        Flash::TokenRevoked,
        Flash::WebhookDeleted,
        Flash::WebhookPinged,
        Flash::DeliveryRequeued,
        Flash::InterventionPlanned,
        Flash::InterventionChanged,
        Flash::InterventionRemoved,
        Flash::FeedRemoved,
        Flash::JobStarted,
        Flash::JobRunning,
        Flash::IntegrityChecked,
    ];

    /// The cookie value.
    pub fn code(self) -> &'static str {
        match self {
            Flash::LoggedOut => "logged-out",
            Flash::SessionExpired => "session-expired",
            Flash::PasswordChanged => "password-changed",
            Flash::Welcome => "welcome",
            Flash::LanguageChanged => "language-changed",
            Flash::Saved => "saved",
            Flash::Deleted => "deleted",
            Flash::Disabled => "disabled",
            Flash::Enabled => "enabled",
            Flash::AccountCreated => "account-created",
            Flash::TicketCreated => "ticket-created",
            Flash::TicketMerged => "ticket-merged",
            Flash::TicketClosed => "ticket-closed",
            Flash::ReminderSet => "reminder-set",
            Flash::MailQueued => "mail-queued",
            Flash::BackupWritten => "backup-written",
            Flash::ListRestored => "list-restored",
            Flash::TemplateSaved => "template-saved",
            Flash::ResolutionAccepted => "resolution-accepted",
            Flash::TicketReopened => "ticket-reopened",
            Flash::TicketMergedInto => "ticket-merged-into",
            Flash::WakeSent => "wake-sent",
            Flash::PingAllStarted => "ping-all-started",
            Flash::PingAllRunning => "ping-all-running",
            Flash::ScanStarted => "scan-started",
            Flash::ScanStopped => "scan-stopped",
            Flash::TokenRevoked => "token-revoked",
            Flash::WebhookDeleted => "webhook-deleted",
            Flash::WebhookPinged => "webhook-pinged",
            Flash::DeliveryRequeued => "delivery-requeued",
            Flash::InterventionPlanned => "intervention-planned",
            Flash::InterventionChanged => "intervention-changed",
            Flash::InterventionRemoved => "intervention-removed",
            Flash::FeedRemoved => "feed-removed",
            Flash::JobStarted => "job-started",
            Flash::JobRunning => "job-running",
            Flash::IntegrityChecked => "integrity-checked",
        }
    }

    /// The flash for a cookie value.
    pub fn from_code(code: &str) -> Option<Flash> {
        Flash::ALL.into_iter().find(|f| f.code() == code)
    }

    /// The text to show.
    pub fn message(self) -> Msg {
        match self {
            Flash::LoggedOut => msg("flash-logged-out"),
            Flash::SessionExpired => msg("flash-session-expired"),
            Flash::PasswordChanged => msg("flash-password-changed"),
            Flash::Welcome => msg("flash-welcome"),
            Flash::LanguageChanged => msg("flash-language-changed"),
            Flash::Saved => msg("flash-saved"),
            Flash::Deleted => msg("flash-deleted"),
            Flash::Disabled => msg("flash-disabled"),
            Flash::Enabled => msg("flash-enabled"),
            Flash::AccountCreated => msg("flash-account-created"),
            Flash::TicketCreated => msg("flash-ticket-created"),
            Flash::TicketMerged => msg("flash-ticket-merged"),
            Flash::TicketClosed => msg("flash-ticket-closed"),
            Flash::ReminderSet => msg("flash-reminder-set"),
            Flash::MailQueued => msg("flash-mail-queued"),
            Flash::BackupWritten => msg("flash-backup-written"),
            Flash::ListRestored => msg("flash-list-restored"),
            Flash::TemplateSaved => msg("flash-template-saved"),
            Flash::ResolutionAccepted => msg("flash-resolution-accepted"),
            Flash::TicketReopened => msg("flash-ticket-reopened"),
            Flash::TicketMergedInto => msg("flash-ticket-merged-into"),
            Flash::WakeSent => msg("flash-wake-sent"),
            Flash::PingAllStarted => msg("flash-ping-all-started"),
            Flash::PingAllRunning => msg("flash-ping-all-running"),
            Flash::ScanStarted => msg("flash-scan-started"),
            Flash::ScanStopped => msg("flash-scan-stopped"),
            Flash::TokenRevoked => msg("flash-token-revoked"),
            Flash::WebhookDeleted => msg("flash-webhook-deleted"),
            Flash::WebhookPinged => msg("flash-webhook-pinged"),
            Flash::DeliveryRequeued => msg("flash-delivery-requeued"),
            Flash::InterventionPlanned => msg("flash-intervention-planned"),
            Flash::InterventionChanged => msg("flash-intervention-changed"),
            Flash::InterventionRemoved => msg("flash-intervention-removed"),
            Flash::FeedRemoved => msg("flash-feed-removed"),
            Flash::JobStarted => msg("flash-job-started"),
            Flash::JobRunning => msg("flash-job-running"),
            Flash::IntegrityChecked => msg("flash-integrity-checked"),
        }
    }

    /// Whether it reports a problem rather than a success.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            Flash::SessionExpired | Flash::PingAllRunning | Flash::JobRunning
        )
    }
}
