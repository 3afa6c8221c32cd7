# Administration pages and command-line messages.
system-title = System
system-version = Version
system-data-dir = Data folder
system-database = Database
system-database-size = Database size
system-schema = Schema version
system-schema-value = { $current } (latest known: { $latest })
system-users = Accounts
system-tickets = Tickets
system-started = Started on
system-addresses = Listening addresses

cli-serving = Gestdesk { $version } is running. Open:
cli-data-dir = Data: { $dir }
cli-setup-link = First start: create the administrator account at { $url }
cli-admin-created = Administrator account "{ $login }" created.
cli-password-prompt = Password:{" "}
cli-password-again = Password (again):{" "}
cli-password-reset = Temporary password for "{ $login }": { $password }
    It must be changed at the next login.
cli-no-such-login = No account has the login "{ $login }".

cli-demo-done = Sample data added in { $seconds } s: { $tickets } tickets with { $entries } thread entries and { $attachments } attachments, { $users } users in { $companies } companies, { $technicians } technicians.
cli-demo-admin = Administrator account: { $login }
cli-demo-logins = Technicians { $first_tech } to { $last_tech }, users { $first_user } to { $last_user }. Every sample account has the password: { $password }
demo-error-tickets = Give at most { $max } tickets.
demo-error-users = Give between 1 and { $max } users.
demo-not-empty = This instance already has tickets: sample data only goes into an instance without any (choose another --data-dir).

desktop-open-console = Open console
desktop-copy-address = Copy LAN address
desktop-quit = Quit
desktop-start-failed = Gestdesk could not start

settings-title = Settings
settings-section-general = General
settings-section-users = Users and organisation
setting-company-name = Company name
setting-company-name-help = Shown in the top bar and on the login page. Empty shows "Gestdesk".
setting-session-timeout = Session timeout (minutes)
setting-session-timeout-help = A user who does nothing for this long is logged out (from 5 minutes to 30 days).
setting-rows-per-page = Rows per page
setting-rows-per-page-help = How many lines the lists of tickets, assets and users show per page (5 to 500).
setting-user-advanced = Advanced user properties
setting-user-advanced-help = Shows the extra account fields: company, mobile, fax, job title, address, postcode, city and two custom fields.
setting-user-register = Users may create their own account
setting-user-register-help = Adds a "Create an account" link to the login page; accounts created this way get the User profile.
setting-user-limit-ticket = Limit the number of tickets per user
setting-user-limit-ticket-help = Each account gets a maximum number of tickets over a period from a start date; the limit is set on the account.
setting-company-limit-ticket = Limit the number of tickets per company
setting-company-limit-ticket-help = The users of a company share a maximum number of tickets over a period; the limit is set on the company (Lists > Companies).
setting-user-company-view = Users see every ticket of their company
setting-user-company-view-help = Adds "My company" to the left menu of users who hold the side_company right. Consider denying user_profil_company so that users cannot change company.
setting-user-agency = Users belong to agencies
setting-user-agency-help = Enables agencies: the Agencies list, the agencies of each account, and the agency rights on tickets.
setting-user-limit-service = Partition by service
setting-user-limit-service-help = Users only see their services' tickets, and categories, subcategories, priorities and criticalities can be bound to a service.

rights-title = Rights
rights-help = Each row is a right, each column a profile. Click a cell to grant (green) or deny (red) the right to every user of that profile; it applies on their next page.
rights-filter = Filter by name or description
rights-col-name = Right
rights-col-description = Description
rights-granted = Granted
rights-denied = Denied
settings-section-tickets = Tickets
setting-attachment-max-count = Attachments per ticket
setting-attachment-max-count-help = The most files one ticket may carry (0 turns attachments off).
setting-attachment-max-mb = Largest attachment (MB)
setting-attachment-max-mb-help = Files above this size are refused (1 to 100 MB).
setting-ticket-type = Ticket types
setting-ticket-type-help = Shows the type field (for example Request or Incident) on tickets; the types are edited in Lists > Ticket types.
setting-ticket-places = Places
setting-ticket-places-help = Shows the place field on tickets; the places are edited in Lists > Places.
setting-theme = Theme
setting-theme-help = The colours of the pages for users who did not choose their own on their profile.
