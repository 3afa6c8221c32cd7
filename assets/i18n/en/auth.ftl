# Login, first-run set-up, profile and password pages.
login-title = Log in
login-field-login = Login
login-field-password = Password
login-submit = Log in
login-language = Language
login-error-invalid = Wrong login or password.
login-error-throttled = Too many failed login attempts. Try again in { $minutes } minute(s).
login-error-address-throttled = Too many failed logins from your network. Try again in { $minutes } minute(s), or ask an administrator to lift it.
login-error-busy = This account is being checked already. Try again in a moment.

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
password-must-change = You must choose a new password before going on.
password-field-current = Current password
password-field-new = New password
password-field-confirm = Confirm the new password
password-hint = At least { $min } characters.
password-submit = Save the password
