# Finding work: ticket lists, menu counters, the user bar, activity, supervision, export.

menu-your-tickets = Your tickets
menu-all-tickets = All tickets
menu-shared-views = Shared views
menu-personal-views = Personal views
menu-all-states = Every state
menu-unread = Not read yet
menu-supervision = Supervision screen
state-meta-short = To handle
state-active = Waiting and in progress
state-all = Every state

col-number = No.
col-type = Type
col-technician = Technician
col-requester = Requester
col-company = Company
col-service = Service
col-agency = Agency
col-place = Place
col-asset = Asset
col-category = Category
col-subcategory = Subcategory
col-title = Title
col-created = Opened
col-hope-date = Hoped date
col-resolved = Resolved
col-modified = Changed
col-priority = Priority
col-criticality = Criticality
col-state = State

list-caption = Tickets of this view
list-empty = No ticket in this view.
list-count = { $count ->
    [one] One ticket
   *[other] { $count } tickets
}
list-count-more = { $count ->
    [one] More than one ticket
   *[other] More than { $count } tickets
}
list-sort-by = Sort by this column (again to reverse)
list-filter-label = Filter on { $column }
list-filter-any = All
list-filter-apply = Filter
list-filter-ignored = { $column }: { $problem } This filter was left out.
list-search-label = Search this view
list-search-placeholder = Search: number, title, text, requester…
list-clear = Clear search and filters
list-export = Export (CSV)
list-export-page = Export this page
list-export-all = Export every ticket
list-num-unread = Not read yet by its technician
list-num-unanswered = Read by its technician, no reply yet
list-num-advanced = A technician replied today
list-num-other = Other tickets
list-mark-new = Opened today
list-mark-new-period = Opened in the chosen period
list-mark-overdue = The hoped resolution date has passed
list-mark-hope-missing = The hoped resolution date is mandatory and missing
list-mark-attachment = Has attachments
error-ticket-number = Enter a ticket number.

activity-title = Activity
activity-from = From
activity-to = To
activity-show = Show
activity-opened = Opened
activity-opened-help = Tickets opened in the period
activity-closed = Closed
activity-closed-help = Tickets resolved or rejected in the period
activity-advanced = Advanced
activity-advanced-help = Tickets a technician replied to in the period

bar-activity = Activity
bar-activity-help = Tickets opened, closed or advanced today
bar-to-handle = To handle
bar-to-handle-help = Your tickets waiting or in progress / the same plus those waiting for their user
bar-workload = Workload
bar-workload-help = Estimated time not yet spent on your open tickets
bar-hours = { $hours } h
bar-resolved = Resolved
bar-resolved-help = Your resolved tickets
bar-new-help = New tickets nobody has yet

supervision-title = Supervision
supervision-new = New tickets
supervision-critical = Open critical tickets
supervision-opened-today = Opened today
supervision-closed-today = Closed today
supervision-open = All open tickets
supervision-to-handle = All tickets to handle
supervision-waiting-user = Waiting for their user
supervision-newest = Newest tickets nobody has yet
supervision-none = None: every ticket has a technician.
supervision-sound = Turn on the sound

setting-meta-state = "To handle" view
setting-meta-state-help = Offers the "to handle" view: waiting for handling, in progress and waiting for user together.
setting-ticket-order = Ticket list order
setting-ticket-order-help = How lists are sorted unless a user chose their own order or clicks a column.
setting-default-state = List at login
setting-default-state-help = The tickets users land on after logging in, unless they chose their own.
setting-notify = Sound for new tickets
setting-notify-help = Technicians hear a sound when a user opens a ticket, while Gestdesk is open in their browser.
setting-csv-separator = CSV separator
setting-csv-separator-help = The separator of exported CSV files; spreadsheets in French expect a semicolon.
setting-csv-semicolon = Semicolon (;)
setting-csv-comma = Comma (,)
col-requester-service = Requester's service
col-time-spent = Time spent
col-time-spent-minutes = Time spent (minutes)
bar-new = New
bar-active-label = { $count ->
        [0] None of your tickets waiting or in progress
        [one] One of your tickets waiting or in progress
       *[other] { $count } of your tickets waiting or in progress
    }
bar-meta-label = { $count ->
        [0] None of your tickets to handle
        [one] One of your tickets to handle
       *[other] { $count } of your tickets to handle
    }
menu-observed = Tickets I observe
bulk-scope = Apply to
bulk-scope-selected = The ticked tickets
bulk-scope-page = Every ticket on this page
bulk-scope-view = { $count ->
    [one] The one ticket of this view
   *[other] All { $count } tickets of this view
}
bulk-action = Action
bulk-read = Mark as read
bulk-unread = Mark as unread
bulk-state = Change the state
bulk-assign = Assign
bulk-priority = Change the priority
bulk-delete = Delete
bulk-apply = Apply
bulk-confirm-delete = Delete the chosen tickets?
bulk-select-one = Select ticket { $number }
bulk-select-page = Select every ticket on this page
bulk-title = Action on several tickets
bulk-done = { $count ->
    [one] Done on one ticket.
   *[other] Done on { $count } tickets.
}
bulk-refused = { $count ->
    [one] One ticket left as it was
   *[other] { $count } tickets left as they were
}
bulk-back = Back to the list
bulk-no-action = Choose an action and the value it needs.
bulk-nothing-selected = No ticket was selected.
bulk-too-many = One action takes at most { $max } tickets; narrow the view first.
bulk-not-found = You do not see this ticket.
bulk-forbidden = Your profile may not make this change.
bulk-invalid = This change is not valid for this ticket.
col-billable = Billable
bulk-hint = Tick tickets to act on several at once.
