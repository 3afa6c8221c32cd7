# Names of the built-in rows of the editable lists.
state-unassigned = Unassigned
state-unassigned-desc = Tickets not yet given to a technician
state-unassigned-mail = Ticket received
state-waiting = Waiting for handling
state-waiting-desc = Tickets waiting to be picked up
state-waiting-mail = Ticket opened
state-in-progress = In progress
state-in-progress-desc = Tickets being handled
state-in-progress-mail = Ticket update
state-waiting-user = Waiting for user
state-waiting-user-desc = Tickets waiting for information from the requester
state-waiting-user-mail = Waiting for your reply
state-resolved = Resolved
state-resolved-desc = Resolved tickets
state-resolved-mail = Ticket closed
state-rejected = Rejected
state-rejected-desc = Rejected tickets
state-rejected-mail = Ticket rejected

priority-urgent = Urgent
priority-very-high = Very high
priority-high = High
priority-medium = Medium
priority-low = Low
priority-very-low = Very low

criticality-critical = Critical
criticality-serious = Serious
criticality-medium = Medium
criticality-low = Low

type-request = Request
type-incident = Incident

category-software = Software
category-hardware = Hardware
subcategory-office = Office suite
subcategory-pc = PC

time-1-minute = 1 minute
time-5-minutes = 5 minutes
time-10-minutes = 10 minutes
time-30-minutes = 30 minutes
time-1-hour = 1 hour
time-3-hours = 3 hours
time-5-hours = 5 hours
time-1-day = 1 day
time-2-days = 2 days
time-1-week = 1 week

asset-type-pc = PC
asset-type-laptop = Laptop
asset-type-printer = Printer
asset-type-phone = IP phone
asset-type-switch = Switch
asset-type-server = Server
asset-state-stock = In stock
asset-state-stock-desc = Asset in stock
asset-state-installed = Installed
asset-state-installed-desc = Asset installed in production
asset-state-standby = Standby
asset-state-standby-desc = Asset set aside
asset-state-recycled = Recycled
asset-state-recycled-desc = Asset recycled or thrown away
iface-role-lan = Wired network
iface-role-wifi = Wi-Fi

lists-title = Lists
lists-add = Add an entry
lists-empty = This list is empty.
lists-disabled-badge = disabled
lists-builtin-badge = built-in
lists-confirm-delete = Delete this entry?
lists-delete-refused = This entry cannot be deleted.
lists-disable-instead = Disable it instead: it stays on what uses it but is no longer offered.
list-builtin-no-delete = Built-in entries are needed by Gestdesk and cannot be deleted; rename them if you wish.
list-categories = Categories
list-subcategories = Subcategories
list-states = Ticket states
list-priorities = Priorities
list-criticalities = Criticalities
list-types = Ticket types
list-times = Times
list-places = Places
list-templates = Ticket templates
list-services = Services
list-companies = Companies
list-agencies = Agencies
list-asset-types = Asset types
list-asset-manufacturers = Asset manufacturers
list-asset-models = Asset models
list-asset-states = Asset states
list-asset-networks = Networks
list-asset-locations = Asset locations
list-iface-roles = Network interface roles
list-col-name = Name
list-col-position = Order
list-col-color = Colour
list-col-service = Service
list-col-type = Ticket type
list-col-category = Category
list-col-meta = Part of "to handle"
list-col-mail = Mail address
list-col-minutes = Minutes
list-col-address = Address
list-col-zip = Postcode
list-col-city = City
list-col-country = Country
list-col-limit-number = Ticket limit
list-col-limit-days = Limit period (days)
list-col-limit-start = Limit counted from
list-col-virtualization = Can be virtual
list-col-asset-type = Asset type
list-col-manufacturer = Manufacturer
list-col-ip = Has an IP address
list-col-wifi = Has Wi-Fi
list-col-warranty = Warranty (years)
list-col-block-ip = Blocks its IP addresses
list-col-network = Network (address, or address/prefix)
list-col-netmask = Netmask
list-col-scan = Scanned
usage-tickets = used by { $count ->
        [one] one ticket
       *[other] { $count } tickets
    }
usage-tickets-sender = used as requester's service by { $count ->
        [one] one ticket
       *[other] { $count } tickets
    }
usage-subcategories = used by { $count ->
        [one] one subcategory
       *[other] { $count } subcategories
    }
usage-categories = used by { $count ->
        [one] one category
       *[other] { $count } categories
    }
usage-views = used by { $count ->
        [one] one personal view
       *[other] { $count } personal views
    }
usage-thread-entries = used by { $count ->
        [one] one ticket history entry
       *[other] { $count } ticket history entries
    }
usage-users = used by { $count ->
        [one] one user
       *[other] { $count } users
    }
usage-groups = used by { $count ->
        [one] one group
       *[other] { $count } groups
    }
usage-criticalities = used by { $count ->
        [one] one criticality
       *[other] { $count } criticalities
    }
usage-priorities = used by { $count ->
        [one] one priority
       *[other] { $count } priorities
    }
usage-types = used by { $count ->
        [one] one ticket type
       *[other] { $count } ticket types
    }
usage-models = used by { $count ->
        [one] one asset model
       *[other] { $count } asset models
    }
list-col-ticket = Ticket number
error-duplicate-name = “{ $name }” is already in this list (names are compared without case or accents).
list-col-technician = Default technician
list-col-tech-group = Default technician group
list-col-legal-status = Legal form
list-col-siret = Registration number
list-col-vat = VAT number
list-col-comment = Comment
list-col-information-message = Message shown to its users
list-col-limit-hours = Hour limit
list-col-limit-hour-days = Hour limit period (days)
list-col-limit-hour-start = Hour limit from
list-col-user-validation = Requester validation
setting-company-limit-hour = Hour limits per company
setting-company-limit-hour-help = Companies get an hour limit over a period, beside the ticket limit, set with each company in Administration > Lists.
company-message-title = A message from your company
list-col-no-user-validation = No requester validation
list-answer-types = Answer types
agency-move-link = Move tickets
agency-move-title = Move the tickets of an agency
agency-move-count = { $count ->
        [0] Agency { $agency } has no ticket.
        [one] Agency { $agency } has one ticket.
       *[other] Agency { $agency } has { $count } tickets.
    }
agency-move-to = Move them to the agency
agency-move-next = Continue
agency-move-no-target = There is no other enabled agency to move them to.
agency-move-target-invalid = Choose another enabled agency.
agency-move-confirm = { $count ->
        [one] One ticket of agency { $from } will move to agency { $to }.
       *[other] { $count } tickets of agency { $from } will move to agency { $to }.
    } This cannot be undone in one click.
agency-move-do = Move them
agency-move-done = { $count ->
        [0] No ticket moved from agency { $from } to agency { $to }.
        [one] One ticket moved from agency { $from } to agency { $to }.
       *[other] { $count } tickets moved from agency { $from } to agency { $to }.
    }
agency-move-back = Back to the agencies
