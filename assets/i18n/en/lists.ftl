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
