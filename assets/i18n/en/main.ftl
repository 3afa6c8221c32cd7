# Page frame, languages, errors and validation messages.
language-name = English

layout-skip-to-content = Skip to content
layout-menu = Menu
layout-profile = Profile
layout-logout = Log out

menu-administration = Administration
menu-system = System

flash-logged-out = You are logged out.
flash-session-expired = Your session ended after a period of inactivity. Please log in again.
flash-password-changed = Your password has been changed.
flash-welcome = Welcome! Your administrator account is ready.
flash-language-changed = The language has been changed.

error-back-home = Back to the home page
error-not-found-title = Page not found
error-not-found-text = This address does not match any Gestdesk page. Check the link or go back to the home page.
error-method-text = This page cannot be used this way.
error-forbidden-title = Access denied
error-forbidden-text = Your profile does not give access to this page. Ask an administrator if you think you need it.
error-csrf-title = Form expired
error-csrf-text = This form has expired or did not come from Gestdesk; nothing was changed. Reload the page and try again.
error-bad-request-title = Unreadable request
error-bad-request-text = The data sent could not be read; nothing was changed. Reload the page and try again.
error-too-large-title = Too large
error-too-large-text = This form is larger than any form here may be. Nothing was saved.
error-busy-title = Please wait
error-busy-text = Another form of yours with files is still being sent. Wait until it is done, then send this one again.
error-internal-title = Server error
error-internal-text = An unexpected error occurred and was written to the log; nothing was changed. Please try again in a moment.

error-required = This field is required.
error-too-long = At most { $max } characters.
error-invalid-characters = This field contains characters that are not allowed.
error-login-required = Enter a login.
error-login-invalid = A login cannot contain spaces or the characters / \ " < >.
error-login-taken = This login is already taken.
error-mail-invalid = This mail address is not valid (example: first.last@example.com).
error-password-too-short = The password must have at least { $min } characters.
error-password-common = This password is one of those everybody tries first; choose another.
error-password-too-long = The password cannot be longer than { $max } bytes.
error-password-mismatch = The two passwords are not the same.
error-password-wrong = The current password is wrong.
error-password-locked = Too many wrong current passwords. Try again in { $minutes ->
        [one] one minute
       *[other] { $minutes } minutes
    }.
error-password-unchanged = The new password must differ from the current one.
error-language-unknown = This language is not available.

action-add = Add
action-back = Back
action-cancel = Cancel
action-delete = Delete
action-disable = Disable
action-edit = Edit
action-enable = Enable
action-remove = Remove
action-save = Save
search-submit = Search
col-actions = Actions
choice-default = Default
choice-none = None
choice-yes = Yes
choice-no = No
form-has-errors = Some fields need attention; nothing was saved.
pager-label = Pages
pager-previous = Previous
pager-next = Next

flash-saved = Changes saved.
flash-deleted = Deleted.
flash-disabled = Disabled.
flash-enabled = Enabled again.
flash-account-created = The account has been created.

error-cannot-disable-self = You cannot disable your own account.
error-color = Enter a colour as #rrggbb (for example #d15b47).
error-date = Enter a date as YYYY-MM-DD.
error-duplicate = This value is already used.
error-group-in-use = This group is used by { $count ->
        [one] one ticket or category
       *[other] { $count } tickets or categories
    }; it cannot be deleted.
error-ipv4 = Enter an IPv4 address (for example 192.168.1.0).
error-netmask = Enter a netmask (for example 255.255.255.0).
error-not-a-technician = Only technicians and administrators can be chosen here.
error-number-range = Enter a whole number from { $min } to { $max }.
error-phone-invalid = A phone number may only contain digits, spaces and + . - ( ) /.
error-setting-flag = Choose yes or no.
error-setting-unknown = This setting does not exist.
error-too-many-registrations = Too many accounts were created from your address in the last hour. Please try again later.
error-unknown-choice = Choose an entry from the list.

menu-users = Users
menu-groups = Groups
menu-lists = Lists
menu-rights = Rights
menu-settings = Settings
cli-backup-done = Backup written: { $path } ({ $size } MB, { $tickets } tickets, { $attachments } attachments) in { $seconds } s.
cli-restore-done = Backup restored: { $tickets } tickets, { $users } users, { $attachments } attachments, in { $seconds } s. The data it replaced is in { $kept }.
cli-restore-in-use = Gestdesk is running on this data directory: stop it, then restore.
error-storage-title = Cannot save right now
error-storage-full-text = The server's disk is full, so nothing could be saved; what was there before is intact. Tell the administrator; try again once space has been freed.
error-storage-readonly-text = The server cannot write its data (the data folder is read-only or the disk is failing), so nothing could be saved; what was there before is intact. Tell the administrator.
error-last-administrator = Refused: no enabled account would be able to administer any more. Keep at least one enabled account whose profile holds the admin right.
setting-default-language = Default language
setting-default-language-help = The language of pages for visitors whose browser asks for none of the four, and of mails to users who chose none. Set at first from the set-up page.
lang-choice-fr = Français
lang-choice-en = English
lang-choice-es = Español
lang-choice-de = Deutsch
setting-name-order = Names shown as
setting-name-order-help = How people's names read everywhere: in lists, pickers, the thread and mails. Lists of people are sorted the same way.
name-order-first-last = First name Last name
name-order-last-first = Last name First name
setting-user-validation = Requester validation
setting-user-validation-help = A ticket a technician resolves waits for its requester to accept the resolution or reopen the ticket. Categories and subcategories can be excluded in Administration > Lists.
setting-user-validation-delay = Days before an unanswered resolution is accepted
setting-user-validation-delay-help = Without an answer, the resolution counts as accepted after this many days; the requester is reminded by mail a day before.
setting-user-validation-perimeter = Tickets that ask for validation
setting-user-validation-perimeter-help = Every ticket, or only those whose type asks for it (Administration > Lists > Types).
validation-perimeter-type = Those whose type asks for it
validation-perimeter-all = Every ticket
error-conflict-title = Not possible now
error-invalid-title = Not accepted
