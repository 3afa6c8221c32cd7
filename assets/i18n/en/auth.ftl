# Login, first-run set-up, profile and password pages.
login-title = Log in
login-field-login = Login
login-field-password = Password
login-submit = Log in
login-language = Language
login-error-invalid = Wrong login or password.
login-error-throttled = Too many failed login attempts. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
login-error-address-throttled = Too many failed logins from your network. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }, or ask an administrator to lift it.
login-error-busy = This account is being checked already. Try again in a moment.
login-error-directory-unreachable = The directory that checks your password cannot be reached right now. Try again later, or ask your helpdesk.

setup-title = Create the administrator account
setup-intro = Gestdesk is starting for the first time. Create the administrator account that will configure it; this link works only once.
setup-field-login = Login
setup-field-firstname = First name
setup-field-lastname = Last name
setup-field-mail = Mail address
setup-field-password = Password
setup-field-password-confirm = Confirm the password
setup-field-language = Language
setup-submit = Create the account and log in
setup-link-dead = This set-up link is not valid or has already been used: the administrator account exists. Please log in.
setup-link-old = This set-up link is out of date: the server was restarted and printed a new one. Use the newest link, or open Gestdesk on the server machine itself.
setup-already-done = An account already exists: the first-run set-up is over.
setup-needed-title = Welcome to Gestdesk
setup-needed-intro = Gestdesk is not set up yet: the administrator account must be created first.
setup-needed-remote = Open the set-up link the server printed when it started (in its console or in the Gestdesk app's window), from the computer that runs it.

home-welcome = Hello { $name }

profile-title = My profile
profile-login = Login
profile-profile = Profile
profile-language-browser = The browser's
profile-last-login = Last login

profile-user = User
profile-power-user = Power user
profile-supervisor = Supervisor
profile-technician = Technician
profile-administrator = Administrator

password-title = Change password
password-from-directory = Your password is the one of your directory account (your Windows session): change it there, and it works here at once.
password-must-change = You must choose a new password before going on.
password-field-current = Current password
password-field-new = New password
password-field-confirm = Confirm the new password
password-hint = At least { $min } characters.
password-submit = Save the password
login-forgot = Forgot your password?
reset-title = Forgotten password
reset-intro = Type your login or your mail address: if an account matches, a link to choose a new password is mailed to its address.
reset-asked = If an account matches what you typed, a mail with a link has been sent to its address. The link works once, for an hour. No mail? Ask your IT team.
reset-field-who = Login or mail address
reset-send = Send me a link
reset-back-to-login = Back to the login page
reset-choose-title = Choose a new password
reset-field-password = New password
reset-field-confirm = New password again
reset-submit = Set the password
reset-link-dead = This link no longer works: it was used, it expired, or a newer one was asked for.
reset-ask-again = Ask for a new link
reset-mail-subject = Choose a new password
reset-mail-body = Someone asked to reset the password of your helpdesk account. If it was you, follow the link below within { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }; it works once. If it was not you, ignore this mail: your password stays as it is.
reset-mail-link = Choose a new password
outbox-kind-password-reset = Forgotten password
setting-login-message = Message on the login page
setting-login-message-help = Shown above the login form, for example whom to call when you cannot log in. Plain text.

## The set-up page's "Move from GestSup"
setup-move-intro = Already using GestSup? Bring its tickets, people, files and settings over instead of starting empty.
move-title = Move from GestSup
move-intro = Gestdesk takes everything GestSup holds that it has a place for, with GestSup's ticket numbers and people's passwords. Give GestSup's backup file or its database, and its upload folder as a ZIP. Check first to see what would come over: a check changes nothing.
move-from = Where is GestSup's data?
move-from-file = A backup file (.sql, from GestSup's backup page or mysqldump)
move-backup = Backup file
move-backup-hint = The .sql file itself: unpack it first if it is compressed.
move-from-database = Its database (MySQL or MariaDB), read directly
move-host = Database server
move-port = Port
move-database = Database name
move-user = User
move-password = Password
move-files = GestSup's upload folder, as a ZIP (optional)
move-files-hint = Without it, the tickets' files are listed in the report as missing.
move-check = Check first (changes nothing)
move-import = Import
move-back = Back to creating the first administrator
move-backup-missing = Choose GestSup's backup file, or give its database.
move-backup-too-big = This file is larger than { $max } GB.
move-backup-compressed = This file is compressed: unpack it and send the .sql file inside.
move-backup-not-sql = This is not a backup file: it is not text.
move-files-too-big = This archive is larger than { $max } GB.
move-files-not-zip = This is not a ZIP file.
move-port-invalid = Give a port number between 1 and 65535.
move-failed = The import stopped: { $detail }
move-not-gestsup = This database holds no GestSup site (it has no table tincidents).
move-address-invalid = This database address cannot be read: check the server, port and name.
move-database-refused = The GestSup database could not be read: { $detail }
move-zip-unreadable = The files' archive cannot be read: { $detail }
move-zip-too-many = The files' archive holds more than { $max } entries.
move-zip-too-large = The files' archive unpacks to more than { $max } GB.
move-backup-unreadable = The backup file cannot be read: { $detail }
move-no-administrator = The GestSup site has no enabled administrator with a password, so nobody could log in after the move. Create the first administrator instead, then import from the command line (gestdesk import gestsup).
move-checking = Checking the GestSup site
move-importing = Importing the GestSup site
move-unpacking = Unpacking the files…
move-reading = Reading the site…
move-progress = { $percent } % of the rows read
move-wait = This page follows the import by itself; you may leave it open.
move-nothing-changed = Nothing was changed.
move-again = Start again
move-checked = The check is finished: nothing was changed. Read the report, then import.
move-import-now = Import now
move-done = The move is finished.
move-log-in-as = Log in with your GestSup account: { $logins }.
move-report-kept = The report is kept in { $file }.
move-report = Report

## Two-factor login
two-factor-title = Two-factor login
two-factor-login-title = Login code
two-factor-login-help = Type the six-digit code your authenticator app shows for this account.
two-factor-code = Code
two-factor-code-or-recovery = Lost your phone? Type one of your recovery codes instead.
two-factor-verify = Check the code
two-factor-start-again = Log in again from the start
two-factor-wrong = This code is not the right one, or was used already. { $tries ->
    [one] One more try.
   *[other] { $tries } more tries.
}
two-factor-wrong-code = This code is not the right one, or was used already.
two-factor-changed-meanwhile = Two-factor login changed meanwhile: here is where it stands now.
two-factor-on = Two-factor login is on.
two-factor-off = Two-factor login is off.
two-factor-not-offered = Two-factor login is not offered on this helpdesk; an administrator can offer it in the settings.
two-factor-turn-on = Turn two-factor login on
two-factor-turn-off = Turn two-factor login off
two-factor-new-codes = Make new recovery codes
two-factor-codes-left = Recovery codes left: { $n }.
two-factor-required-setup = Your profile must log in with a second factor: set it up now to continue.
two-factor-required-keep = Your profile must log in with a second factor: it cannot be turned off.
two-factor-step-app = Install an authenticator app on your phone (any app that makes time-based codes).
two-factor-step-scan = Scan this code with it:
two-factor-step-key = or type this key:
two-factor-step-code = Type the six-digit code the app shows, to check that it works.
two-factor-qr-label = QR code to scan with an authenticator app
two-factor-codes-title = Your recovery codes
two-factor-codes-help = Each code logs you in once if you lose your phone. Keep them somewhere safe: they are shown only now.
two-factor-continue = Continue
two-factor-admin-on = This account logs in with a second factor.
two-factor-admin-reset = Reset two-factor login
setting-user-mfa = Two-factor login offered
setting-user-mfa-help = Each account may turn on a second factor (a code from an authenticator app) on its profile.
setting-user-mfa-user = Two-factor login compulsory for users
setting-user-mfa-power-user = Two-factor login compulsory for power users
setting-user-mfa-supervisor = Two-factor login compulsory for supervisors
setting-user-mfa-technician = Two-factor login compulsory for technicians
setting-user-mfa-administrator = Two-factor login compulsory for administrators
setting-user-mfa-required-help = Accounts of this profile set a second factor up at their next login, and cannot turn it off.
