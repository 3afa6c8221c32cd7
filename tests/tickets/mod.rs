//! Tickets: their forms and thread, files, field rights, rules, the first day, requester
//! validation, and the lists that find them.

/// The billable flag and how a ticket was answered.
pub mod billing;
/// Actions on several tickets of a list, and deleting one.
pub mod bulk;
/// Buttons behind rights: hidden replies, adding to the thread, saving or sending a new ticket.
pub mod buttons;
/// Every ticket field right, on the page and on save.
pub mod field_rights;
/// Ticket attachments: uploads, limits, refused files, storage, downloads, removal.
pub mod files;
/// The first day of a team coming from GestSup: the conversation at the centre of the ticket,
/// replies that take tickets, closing, reopening, pictures in texts.
pub mod first_day;
/// Finding work: the menu's views and counters, the list, search, activity, the user bar,
/// supervision, live events and the CSV export.
pub mod lists;
/// Merging a ticket into another.
pub mod merge;
/// Previous and next ticket of a list.
pub mod next;
/// Observers: who follows a ticket, what they see and get.
pub mod observers;
/// The print view of a ticket.
pub mod print;
/// The reopen button.
pub mod reopen;
/// Ticket rules: states, numbers, templates, reminders, visibility, concurrent saves, bad input.
pub mod rules;
/// Service partitioning of the ticket form.
pub mod services;
/// Tickets: forms, thread, attachments, states, templates, reminders, visibility, conflicts.
pub mod stories;
/// Who the technician field offers.
pub mod technicians;
/// Requester validation: accepting or reopening a resolution, reminders, the delay.
pub mod validation;
