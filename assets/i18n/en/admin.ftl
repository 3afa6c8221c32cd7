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
cli-no-instance = No Gestdesk data in { $dir } (no gestdesk.sqlite3 there). Check --data-dir (or GESTDESK_DATA_DIR); `gestdesk serve` starts a new instance, `gestdesk create-admin --init` makes one with its administrator.
cli-backup-exists = { $path } exists already; add --force to replace it.
cli-data-dir-busy = Another Gestdesk is already serving { $dir }; stop it first or choose another --data-dir.
cli-repair-granted = The Administrator profile has the rights { $rights } again.
cli-repair-profile = The account is of the Administrator profile now.
cli-repair-enabled = The account was disabled; it is enabled now.
cli-repair-unlocked = Its failed logins are forgotten: it is no longer locked.
cli-repair-nothing = Nothing needed repairing.
cli-repair-done = "{ $login }" is a working administrator. If its password is lost too, run: gestdesk reset-password { $login }

cli-demo-done = Sample data added in { $seconds } s: { $tickets } tickets with { $entries } thread entries and { $attachments } attachments, { $procedures } procedures, { $users } users in { $companies } companies, { $technicians } technicians.
cli-demo-assets = { $assets ->
    [one] { $assets } asset
   *[other] { $assets } assets
} with { $ifaces ->
    [one] { $ifaces } IP interface
   *[other] { $ifaces } IP interfaces
}, in { $networks ->
    [one] { $networks } declared network
   *[other] { $networks } declared networks
}.
cli-demo-admin = Administrator account: { $login }
cli-demo-logins = Technicians { $first_tech } to { $last_tech }, users { $first_user } to { $last_user }. Every sample account has the password: { $password }
demo-error-tickets = Give at most { $max } tickets.
demo-error-assets = Give at most { $max } assets.
demo-error-users = Give between 1 and { $max } users.
demo-not-empty = This instance already has tickets: sample data only goes into an instance without any (choose another --data-dir).

desktop-open-console = Open console
desktop-copy-address = Copy LAN address
desktop-quit = Quit
desktop-start-failed = Gestdesk could not start
desktop-update-check = Check for updates
desktop-update-install = Install version { $version } and restart
desktop-update-available = Version { $version } is available
desktop-update-none = Gestdesk is up to date
desktop-update-installed = Version { $version } is installed
desktop-update-failed = The update did not succeed: { $error }
desktop-update-check-failed = The update check failed: { $error }
desktop-update-off = No update address is configured (--update-url and --update-key).
desktop-update-no-display = Checking for updates needs a graphical session (DISPLAY or WAYLAND_DISPLAY), like the app itself.
desktop-update-bad-url = No update check: { $url } is not a valid address.
desktop-update-not-https = No update check: the update address must use https (plain http only to this machine): { $url }
desktop-update-no-key = No update check: an update address is set, but no public key to check the packages with (--update-key).
desktop-update-bad-key = No update check: the update key is not a public key made by gestdesk-update-signer ({ $error }).

settings-title = Settings
settings-section-general = General
settings-section-users = Users and organisation
setting-company-name = Company name
setting-company-name-help = Shown in the top bar and on the login page. Empty shows "Gestdesk".
setting-session-timeout = Session timeout (minutes)
setting-session-timeout-help = A user who does nothing for this long is logged out (from 5 minutes to 30 days).
setting-session-max = Longest session (hours)
setting-session-max-help = A user is logged out this long after logging in, even while working (0: no limit; up to a year).
setting-password-min-length = Shortest password (characters)
setting-password-min-length-help = New passwords must have at least this many characters (8 to 64). Existing passwords stay valid.
setting-password-refuse-common = Refuse common passwords
setting-password-refuse-common-help = New passwords may not be one everybody tries first (123456, azerty, password and the like, with or without digits after), the login itself, or one character repeated.
setting-rows-per-page = Rows per page
setting-rows-per-page-help = How many lines the lists of tickets, assets and users show per page (5 to 500).
setting-user-advanced = Advanced user properties
setting-user-advanced-help = Shows the extra account fields: company, mobile, fax, job title, address, postcode, city and two custom fields.
setting-user-register = Users may create their own account
setting-user-register-help = Adds a "Create an account" link to the login page; accounts created this way get the User profile.
setting-user-limit-ticket = Limit the number of tickets per user
setting-user-limit-ticket-help = Each account gets a maximum number of tickets over a period from a start date; the limit is set on the account.
setting-company-limit-ticket = Limit the number of tickets per company
setting-company-limit-ticket-help = The users of a company share a maximum number of tickets over a period; the limit is set on the company (Lists > Companies). While it is on, only administrators change a user's company.
setting-user-company-view = Users see every ticket of their company
setting-user-company-view-help = Adds "My company" to the left menu of users who hold the side_company right. While it is on, only administrators change a user's company.
setting-user-agency = Users belong to agencies
setting-user-agency-help = Enables agencies: the Agencies list, the agencies of each account, and the agency rights on tickets.
setting-user-limit-service = Partition by service
setting-user-limit-service-help = Users only see their services' tickets, and categories, subcategories, priorities and criticalities can be bound to a service. While it is on, only administrators change a user's services.

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
settings-log-link = History of changes
settings-log-title = Setting changes
settings-log-empty = No setting has been changed yet.
settings-log-when = When
settings-log-setting = Setting
settings-log-old = Before
settings-log-new = After
settings-log-by = By
settings-log-cli = Command line
settings-back = Back to the settings
settings-section-functions = Functions
setting-server-url = Server address
setting-server-url-help = The address users open Gestdesk at (for example https://helpdesk.example.com), used in the links of mails. Empty uses the address the server was reached at.
setting-flash-ms = Action message display time (ms)
setting-flash-ms-help = How long messages such as "Changes saved." stay bright before fading (1,000 to 60,000 ms).
setting-live-updates = Live updates
setting-live-updates-help = Lists, counters and the user bar update themselves when tickets change. The supervision screen always does.
setting-availability = Availability
setting-availability-help = Turns on the availability function (service availability follow-up).
setting-calendar = Calendar
setting-calendar-help = Turns on the calendar function (technicians' planned interventions).
setting-assets = Assets
setting-assets-help = Turns on the asset inventory.
setting-asset-ip = Asset IP addresses
setting-asset-ip-help = Manages the network interfaces and IP addresses of assets.
setting-asset-warranty = Asset warranties
setting-asset-warranty-help = Follows the warranty end date of assets.
setting-asset-vnc = VNC link on assets
setting-asset-vnc-help = Shows a VNC link to reach an asset's screen.
setting-procedures = Procedures
setting-procedures-help = Turns on the procedures function (shared how-tos). While it is on, only administrators change a user's company.
setting-surveys = Surveys
setting-surveys-help = Turns on satisfaction surveys: a mail with a single-use link when a ticket enters the chosen state (Administration > Settings > Surveys).
settings-function-without-pages = This version of Gestdesk has no pages for this function; the switch is stored for the versions that have them.
error-url = Enter an address starting with http:// or https:// (for example https://helpdesk.example.com).
setting-debug = Debug mode
setting-debug-help = Error pages show administrators what went wrong inside (other users still see the plain message). For diagnosing a problem only.
error-debug-detail = Details (debug mode, administrators only)
settings-logo = Company logo
settings-logo-help = Shown in the top bar and on the login page instead of Gestdesk's. A PNG, JPEG or WebP picture of at most { $max } KB.
settings-logo-current = The current logo
settings-logo-remove = Remove the logo
settings-logo-file = Picture
settings-logo-upload = Upload
error-logo-size = The picture is larger than { $max } KB.
error-logo-type = Choose a PNG, JPEG or WebP picture (SVG and other files are refused).
error-logo-dimensions = The picture must be at most { $max } pixels wide and high.
system-throttled = Addresses throttled after failed logins
system-throttled-help = After 20 failed logins within 15 minutes from one address, accounts that never logged in from it are refused there until the failures are 15 minutes old. Lifting forgets the failures.
system-throttled-none = No address is throttled.
system-throttled-until = { $failures } failures; until { $until }
system-throttled-lift = Lift
rights-confirm-grant = Grant { $right } to every { $profile }? It opens administration pages to them.
rights-confirm-revoke = Deny { $right } to every { $profile }?
rights-confirm-admin = They will lose the Administration menu. If nobody else can administer, the change will be refused.
rights-confirm-submit = Yes, change it
rights-history = Latest changes of rights
rights-history-none = No right has been changed yet.
desktop-already-running = Gestdesk is already running on this PC
desktop-already-running-help = A Gestdesk server (probably the service) already answers on this address. Open it to work with it, or stop the service before starting the app.
desktop-open-it = Open it
desktop-data-busy = The data folder is in use
desktop-data-busy-help = Another Gestdesk uses the data folder { $dir }. Stop it, or start the app with another folder (--data-dir).
setting-ticket-observer = Observers on tickets
setting-ticket-observer-help = People and technician groups can follow a ticket: they see it, find it under "Tickets I observe" and get its mails.

cli-assets-dry-run = Dry run: nothing was changed.
import-has-tickets = This instance already holds { $count ->
        [one] one ticket
       *[other] { $count } tickets
    }: GestSup is imported into an instance without tickets.
cli-import-failed = The import stopped; nothing was changed
cli-import-dry-run = Dry run: nothing was changed.
cli-import-report-kept = The report is kept in { $file }.
cli-import-no-upload = { $dir } is not a folder: give GestSup's upload folder.
import-report-title = Imported from GestSup
import-report-table = { $table }: read { $read }, imported { $imported }, left out { $left }
import-report-not-imported = Not imported (no equivalent yet in this version)
import-report-rows = { $table }: rows { $rows }
import-report-merged = GestSup accounts that became the account of the same login here (which keeps its password): { $value }
import-report-settings = Settings brought over: { $value }
import-report-images = Pictures pasted into texts, replaced by "(image)": { $value }
import-report-problems = Problems
import-problem-no-category = no category
import-problem-no-login = no login
import-problem-address = an address Gestdesk cannot read was left empty ({ $value })
import-problem-setting = { $key } = "{ $value }" refused by the setting's checks
import-problem-mail-password = the mail server's settings were brought over without its password; mail stays off until it is entered (Administration > Settings > Mail)
import-problem-thread-kind = unknown kind of thread entry { $value }
import-problem-thread-state = a state change to no known state
import-problem-attachment-owner = a file of a ticket, procedure or asset that was not brought over
import-problem-no-upload-folder = no upload folder given (--files): the attached files are not brought over
import-problem-file-missing = file not found: { $value }
import-problem-file-kind = a kind of file Gestdesk does not keep: { $value }
import-problem-file-refused = refused by the file checks: { $value }
import-problem-admin-kept = no enabled account could administer with the site's rights; the administrator profile keeps the right to administer
import-problem-template-ticket = a template whose ticket was not brought over
import-problem-recurrence = repeated "{ $value }" in GestSup: the template is kept, its repetition has no equivalent yet
cli-import-progress = { $table }: { $done } / { $total } ({ $rate } rows a second)

## System page: build, disk, integrity, jobs, connectors, logs
system-build-debug = unoptimised build
system-build-release = release build
system-disk = Free space in the data folder
system-disk-value = { $free } free of { $total }
system-disk-low = The data folder's disk has less than { $limit } free. Backups and the database need room: free some space or move the data folder.
system-schema-behind = The database's schema is older than this version's: restart Gestdesk to bring it up to date.
system-count-thread = Thread entries
system-count-attachments = Attachments
system-count-assets = Assets
system-count-procedures = Procedures
system-count-outbox = Mails in the outbox
system-count-interventions = Interventions
system-count-surveys = Surveys sent
system-integrity = Database integrity
system-integrity-help = Reads every page of the database to check that it is whole. It takes a few seconds on a large database; the server keeps serving meanwhile.
system-integrity-ok = The database is whole
system-integrity-problems = Problems found
system-integrity-run = Check now
system-lan-url = Address for the network's users:
system-logs = Log files
system-logs-open = Read the log files
system-schema-history = Schema history ({ $n ->
    [one] one change
   *[other] { $n } changes
})
system-schema-version = Version
system-schema-name = Change
system-schema-applied = Applied on
system-jobs = Background jobs
system-jobs-help = The work the server does on its own. "Run now" starts a job at once, even when it is not due; a job switched off in its settings stays off.
system-job = Job
system-job-schedule = Runs
system-job-last = Last run
system-job-duration = Duration
system-job-result = Result
system-job-next = Next run
system-job-run-now = Run now
system-job-running = Running
system-job-ok = Done
system-job-failed = Failed
system-job-continuous = All the time
system-job-every-hours = { $n ->
    [one] every hour
   *[other] every { $n } hours
}
system-job-every-minutes = { $n ->
    [one] every minute
   *[other] every { $n } minutes
}
system-job-every-seconds = { $n ->
    [one] every second
   *[other] every { $n } seconds
}
system-job-every-ms = every { $n } ms
system-job-ms = { $n } ms
system-job-s = { $n } s
system-job-live = Live updates
system-job-outbox = Mail outbox
system-job-webhooks = Webhooks
system-job-checkpoint = Database checkpoint
system-job-search = Search index
system-job-backups = Daily backup
system-job-uploads = Unsaved uploads clean-up
system-job-validation = Requester validation
system-job-asset-import = Asset import folder
system-job-ping = Ping of every asset
system-job-mail-fetch = Incoming mail
system-job-directory = Directory synchronisation
system-job-discovery = Network discovery
system-job-statistics = Query statistics
system-connectors = Connectors
system-connector = Connector
system-connector-state = State
system-connector-success = Last success
system-connector-error = Last error
system-connector-off = Off
system-connector-failing = Failing
system-connector-ok = Working
system-connector-unused = Not used yet
system-connector-smtp = Outgoing mail (SMTP)
system-connector-mailbox = Mailbox { $name }
system-connector-directory = Directory (LDAP)
system-connector-updates = Desktop app updates
system-update-current = Up to date
system-update-available = Version { $version } available
system-update-install-hint = Version { $version } is ready: choose “Install version { $version } and restart” in the desktop app's tray menu. Users are disconnected for the few seconds of the restart.
system-logs-none = There is no log file yet.
system-logs-file = File
system-logs-level = Level
system-logs-level-all = All levels
system-logs-search = Text
system-logs-show = Show
system-logs-download = Download this file
system-logs-hidden = Passwords, tokens and keys are hidden, here and in the download.
system-logs-cut = This file is large: only its last { $size } are searched. The download holds it all.
system-logs-no-lines = No line matches.
system-logs-time = Time
system-logs-message = Message
system-logs-more = Only the { $n } newest matching lines are shown.
flash-job-started = The job has started.
flash-job-running = The job is already running.
flash-integrity-checked = The integrity check is done.

## HTTPS
https-title = HTTPS
https-on = HTTPS is on
https-set-up = Set up HTTPS
https-in-force = In force now
https-mode-off = Off: plain HTTP
https-mode-self-signed = On, with a self-signed certificate for this machine
https-mode-own = On, with your own certificate
https-fallback = Your own certificate could not be used when the server started: the self-signed one serves meanwhile. Give your certificate again below.
https-subject = Certificate
https-names = Names and addresses covered
https-valid = Valid
https-valid-value = from { $from } until { $until }
https-fingerprint = Fingerprint (SHA-256)
https-ends-soon = The certificate ends on { $date }. Renew it before then, or browsers will refuse the connection.
https-self-signed-help = Browsers warn about a self-signed certificate the first time. Users can check that the fingerprint their browser shows is the one above before accepting it, or import the certificate on their machines.
https-renew = Make a new self-signed certificate
https-console-help = The desktop console on this machine keeps using plain HTTP on a loopback address; every other plain request is sent to the https:// address.
https-own-title = Your own certificate
https-own-help = Paste the certificate (the server's first, then the intermediate ones) and its private key, in PEM. They are checked before being kept: readable, the key matching the certificate, valid today.
https-own-certificate = Certificate (PEM)
https-own-key = Private key (PEM)
https-own-save = Check and keep
https-error-no-certificate = No certificate found: paste the text between -----BEGIN CERTIFICATE----- and -----END CERTIFICATE-----, those lines included.
https-error-unreadable = This certificate cannot be read.
https-error-no-key = No private key found: paste the text between -----BEGIN PRIVATE KEY----- and -----END PRIVATE KEY-----, those lines included.
https-error-unusable-key = This private key cannot be used (RSA, ECDSA or Ed25519 keys in PEM are).
https-error-key-mismatch = This private key is not the certificate's.
https-error-not-yet-valid = This certificate is not valid yet.
https-error-expired = This certificate has expired.
https-error-too-long = This text is too long for a certificate and its chain.
https-error-generation = The certificate could not be made.
https-error-own-first = Give your certificate and key below first.
settings-section-https = HTTPS
setting-https-mode = HTTPS
setting-https-mode-help = Plain HTTP, HTTPS with a certificate Gestdesk makes for this machine, or HTTPS with your own certificate. Takes effect at once for new connections.
setting-https-hsts = Tell browsers to use HTTPS only (HSTS)
setting-https-hsts-help = Browsers that saw it refuse plain HTTP to this address for a year. Turn it on once HTTPS works for everyone.
