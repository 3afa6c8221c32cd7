# Tickets: the form, the thread, attachments, reminders.
menu-new-ticket = New ticket
menu-tickets-left = { $count ->
        [one] one left
       *[other] { $count } left
    }

ticket-new-title = New ticket
ticket-create = Create the ticket
ticket-send = Send
ticket-use-template = Start from a template
ticket-use-template-submit = Use
ticket-limit-left = { $count ->
        [0] You cannot open more tickets for now: your ticket limit is reached.
        [one] You can open one more ticket.
       *[other] You can open { $count } more tickets.
    }
ticket-summary = Ticket #{ $id }, opened on { $date }
ticket-section-people = People
ticket-section-classification = Classification
ticket-section-request = Request
ticket-section-dates = Dates and times
ticket-field-requester = Requester
ticket-field-type = Type
ticket-field-technician = Technician
ticket-field-category = Category
ticket-field-subcategory = Subcategory
ticket-field-place = Place
ticket-field-asset = Asset
ticket-asset-search = Search an asset: name, serial number, IP or MAC address
ticket-error-asset-not-requesters = Choose one of the requester's assets.
ticket-field-service = Service
ticket-field-agency = Agency
ticket-field-title = Title
ticket-field-description = Description
ticket-field-created = Opened on
ticket-field-hope-date = Hoped resolution date
ticket-field-resolved = Resolved on
ticket-field-time-spent = Time spent
ticket-field-time-hope = Estimated time
ticket-field-priority = Priority
ticket-field-criticality = Criticality
ticket-field-state = State
ticket-warning-empty = Not chosen yet
ticket-requester-mail = Mail
ticket-requester-phone = Phone
ticket-now-value = Saved meanwhile: { $value }
ticket-conflict = Someone saved this ticket while you were editing it. The fields marked below were changed by both of you: check them and save again to keep your version. Your other changes were not saved yet.
ticket-close = Close ticket
ticket-close-confirm = Close this ticket? It will be marked as resolved.
ticket-duplicate = Duplicate
ticket-thread = Resolution
ticket-reply = Add a reply
ticket-reply-private = Hidden from the requester
ticket-save-and-send = Save and send
ticket-attachments = Attachments
ticket-attachments-none = No attachment.
ticket-attachments-add = Attach files
ticket-attachments-hint = { $count ->
        [0] No more files
        [one] Up to one more file
       *[other] Up to { $count } more files
    }, { $size } MB each: documents, pictures, text, mail, archives, sound or video.
ticket-attachment-confirm-delete = Remove this attachment?

md-toolbar = Formatting
md-bold = Bold
md-italic = Italic
md-list = List
md-link = Link
md-code = Code
md-hint = Markdown formatting: **bold**, *italic*, - lists, [text](https://link).

thread-opened = { $who } opened the ticket.
thread-assigned = { $who } assigned the ticket to { $to } (was: { $from }).
thread-state = { $who } changed the state from { $from } to { $to }.
thread-closed = { $who } closed the ticket ({ $state }).
thread-attachment = { $who } attached { $name }.
thread-attachment-removed = { $who } removed the attachment { $name }.
thread-edited = edited
thread-private = Hidden
thread-private-help = The requester does not see this reply.
thread-hide = Hide from requester
thread-show = Show to requester
thread-confirm-delete = Delete this reply?

reminders-title = Reminders
reminders-none = No reminder set.
reminders-when = Remind on
reminders-text = About
reminders-add = Set a reminder
reminders-done = Done
reminders-need-technician = A reminder goes to the ticket's technician: assign one first.
reminders-too-many = This ticket has { $max } reminders waiting already.
reminders-nothing-due = No reminder is due.
reminders-due-title = Reminders due
reminders-due = { $count ->
        [one] One reminder due
       *[other] { $count } reminders due
    }

quick-subcategory-title = New subcategory

settings-next-number = Next ticket number
settings-next-number-help = The number the next ticket will get. It can only go up: never below the highest number already given.

flash-ticket-created = The ticket has been created.
flash-ticket-merged = Saved. Someone else had changed other fields meanwhile; both changes were kept.
flash-ticket-closed = The ticket is closed.
flash-reminder-set = Reminder set.

error-attachment-count = At most { $max } attachments per ticket.
error-attachment-name = This file has no usable name.
error-attachment-read = The file { $name } could not be stored; please send it again.
error-attachment-size = { $name } is larger than { $max } MB.
error-attachment-type = { $name } is refused: programs, scripts and web pages cannot be attached.
error-attachment-kind = { $name } is refused: only documents, pictures, text, mail, archives, sound and video can be attached.
error-attachment-not-allowed = Files cannot be attached here.
error-attachment-pending-full = Your files waiting for their form already take { $max } MB: save or cancel that form first.
error-datetime = Enter a date and time.
error-field-changed-meanwhile = Changed by someone else while you were editing.
error-hope-before-created = The hoped resolution date cannot be before the opening date.
error-resolved-before-created = The resolution date cannot be before the opening date.
error-next-number-too-low = The next number cannot go below { $min }.
error-subcategory-not-in-category = This subcategory does not belong to the chosen category.
error-subcategory-without-category = Choose a category first.
error-ticket-changed = The ticket changed while it was being saved; please try again.
error-ticket-limit-reached = Your ticket limit ({ $max }) is reached: no new ticket can be opened for now.
error-unknown-ticket = There is no ticket with this number.
error-whole-number = Enter a whole number.
ticket-requester-search = Search a requester: name, login, mail or company
ticket-requester-search-none = Nobody found.
error-attachment-bomb = { $name } is refused: this archive would unpack to far more than its size.

md-quote = Quote
md-paste-hint = Paste or drop a picture here
md-paste-busy = Attaching the picture…
ticket-changed-live = Changed by someone else meanwhile, now:
ticket-fields = Ticket details
ticket-save-and-close = Save and close
error-paste-not-picture = Only pictures (PNG, JPEG, GIF, WebP) can be pasted into a text; attach other files below.
setting-reply-reopens = A requester’s reply reopens a resolved ticket
setting-reply-reopens-help = When the requester answers a resolved ticket, it goes back to “In progress” (or “Unassigned” when nobody has it).
ticket-description-edit = Edit the description
thread-by-system = Gestdesk
reminders-bell-label = Reminders
reminders-due-notice = A reminder is due.
reminders-past = This date is past: choose a moment to come.
ticket-template-save = Save as template…
ticket-template-name = Template name
ticket-template-save-submit = Save the template
flash-template-saved = Saved as a template: new tickets can start from it.
md-paste-failed = The picture could not be attached; try again, or attach it below.
ticket-technician-search = Search a technician or a group
person-search = Type a name, login, mail or company
person-remove = Remove
menu-hours-left = { $hours } h left
ticket-hours-left = Your company ({ $company }) has { $hours } h of work left in this period.
ticket-hours-used-up = Your company ({ $company }) has used all its hours for this period: no new ticket can be opened for now.
error-hour-limit-reached = The hours of { $company } for this period are used up: no new ticket can be opened for now.
validation-not-awaiting = This resolution is no longer waiting for an answer.
validation-heading = Resolution to confirm
validation-question = This ticket has been resolved. Does the resolution solve your problem? Without an answer it will count as accepted on { $date }.
validation-accept = Yes, it is solved
validation-reopen = No, reopen the ticket
validation-reopen-confirm = Reopen the ticket? You can then say what is still wrong in a reply.
validation-awaiting = Waiting for the requester to confirm the resolution; it will count as accepted on { $date }.
validation-confirm = The requester confirmed it
validation-confirm-help = Record that the requester accepted the resolution (on the phone, in person)?
validation-accepted = Resolution accepted by { $name } on { $date }.
validation-confirmed = The requester’s acceptance was recorded by { $name } on { $date }.
validation-expired = Resolution accepted without an answer on { $date }.
validation-mark = awaiting validation
flash-resolution-accepted = Thank you: the resolution is accepted.
flash-ticket-reopened = The ticket is reopened; say what is still wrong in a reply.

ticket-print = Print
ticket-printed-on = Printed on { $date }
ticket-reopen = Reopen
ticket-reopen-not-closed = This ticket is not closed: there is nothing to reopen.
ticket-observers = Observers
ticket-observers-none = Nobody observes this ticket.
ticket-observer-stop = Stop observing
ticket-observer-add = Add an observer
ticket-observer-add-submit = Add
ticket-observer-unknown = Choose an active person (or a technician group) from the list.
ticket-observers-full = This ticket already has as many observers as it may have.
thread-observer-added = { $who } added { $observer } as an observer.
thread-observer-removed = { $who } removed { $observer } from the observers.
thread-merged-into = { $who } merged this ticket into { $other }.
thread-merged-from = { $who } merged ticket { $other } into this one.
thread-open-other = Open
ticket-merge = Merge
ticket-merge-target = Merge this ticket into ticket number
ticket-merge-hint = Its replies, mails, files and observers move to that ticket, and this one is closed.
ticket-merge-submit = Merge
ticket-merge-confirm = Merge this ticket into the other one? This cannot be undone.
ticket-merge-same = A ticket cannot be merged into itself.
ticket-merge-unknown = There is no ticket with this number that you can see.
ticket-merge-target-merged = That ticket was itself merged into another; merge into that one.
ticket-merge-already = This ticket was already merged into another.
ticket-merged-banner = This ticket was merged into { $other }; it continues there.
flash-ticket-merged-into = Merged. The conversation continues in this ticket.
mail-merged-into = Your request was merged into ticket { $other }, which handles the same problem; follow it there.
ticket-delete-confirm = Delete this ticket? It leaves every list and search.
ticket-around = Tickets of the list
ticket-previous = Previous ticket of the list
ticket-next = Next ticket of the list
ticket-field-billable = Billable
error-other-service = This choice belongs to another service than the ticket's.
ticket-field-sender-service = Requester's service
ticket-save-hidden-reply = Save as a hidden reply
ticket-new-reply = First reply (resolution)
ticket-field-answer-type = Answered by
