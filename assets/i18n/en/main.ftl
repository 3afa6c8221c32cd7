# Page frame, languages, errors and validation messages.
language-name = English

layout-skip-to-content = Skip to content
layout-menu = Menu
layout-profile = Profile
layout-logout = Log out

menu-home = Home
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
error-password-too-long = The password cannot be longer than { $max } bytes.
error-password-mismatch = The two passwords are not the same.
error-password-wrong = The current password is wrong.
error-password-unchanged = The new password must differ from the current one.
error-language-unknown = This language is not available.
