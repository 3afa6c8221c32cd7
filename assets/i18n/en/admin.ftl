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

desktop-open-console = Open console
desktop-copy-address = Copy LAN address
desktop-quit = Quit
desktop-start-failed = Gestdesk could not start
