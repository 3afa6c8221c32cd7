# Accounts, groups, profile, personal views, self-registration.
users-title = Users
users-new-title = New user
users-edit-title = User: { $name }
users-search = Search by name, login, mail or company
users-add = Add a user
users-create = Create the account
users-active = Active
users-disabled = Disabled
users-count = { $count ->
        [one] One account
       *[other] { $count } accounts
    }
users-none = No account matches.
users-col-name = Name
users-col-login = Login
users-col-mail = Mail
users-col-company = Company
users-col-profile = Profile
users-col-last-login = Last login
users-confirm-disable = Disable this account? The user will no longer be able to log in; their tickets stay.
users-is-disabled = This account is disabled: its user cannot log in.
users-disabled-badge = disabled
users-requesters-title = Attached requesters
users-requesters-help = A ticket opened by one of these users (or by a member of one of these groups) is given to this technician automatically.
users-requesters-none = No requester is attached.
users-requesters-add = Attach a requester
users-groups-title = Groups
users-groups-none = Not a member of any group.

user-section-identity = Identity
user-section-details = Details
user-section-organisation = Organisation and access
user-section-preferences = Preferences
user-section-limits = Ticket limit
user-field-firstname = First name
user-field-lastname = Last name
user-field-login = Login
user-field-mail = Mail address
user-field-phone = Phone
user-field-password = Password
user-field-password-confirm = Confirm the password
user-password-keep = Leave both empty to keep the current password.
user-field-company = Company
user-field-mobile = Mobile
user-field-fax = Fax
user-field-function = Job title
user-field-address1 = Address
user-field-address2 = Address (continued)
user-field-zip = Postcode
user-field-city = City
user-field-custom1 = Custom field 1
user-field-custom2 = Custom field 2
user-field-services = Services
user-field-agencies = Agencies
user-field-profile = Profile
user-field-must-change = Must change the password at the next login
user-field-language = Language
user-field-theme = Theme
user-field-default-state = Tickets shown at login
user-field-order = Ticket sort order
user-field-limit-number = Maximum number of tickets
user-field-limit-days = Over how many days
user-field-limit-start = Counting from
user-limit-hint = 0 means no limit.

theme-blue = Blue
theme-black = Black
theme-pink = Pink
theme-grey = Grey
state-meta = To handle (waiting, in progress, waiting for user)
order-state = State, then priority, criticality and date
order-created-desc = Newest first
order-created-asc = Oldest first
order-number-desc = Ticket number, highest first
order-priority = Priority, then date
order-criticality = Criticality, then date
order-hope-date = Hoped resolution date, soonest first
order-modified-desc = Last changed first

profile-tab-information = Information
profile-tab-settings = Settings
profile-groups = My groups

views-title = Personal views
views-help = A personal view is a shortcut in the left menu to the tickets of a category or subcategory.
views-none = No personal view yet.
views-too-many = You have { $max } personal views already; delete one to add another.
views-name = Name of the view
views-target = Category or subcategory

groups-title = Groups
groups-tab-user = User groups
groups-tab-technician = Technician groups
groups-kind-user = User group
groups-kind-technician = Technician group
groups-none = No group yet.
groups-add = New group
groups-name = Name
groups-rename = Name of the group
groups-members = Members
groups-members-none = No member yet.
groups-members-count = { $count ->
        [one] one member
       *[other] { $count } members
    }
groups-add-member = Add a member
groups-delete = Delete the group
groups-confirm-delete = Delete this group? Its members stay; only the group goes.

quick-user-new = New user…
quick-user-title = New user

register-title = Create an account
register-intro = Create your account to declare requests and incidents and follow them.
register-submit = Create my account
register-have-account = I already have an account
login-register = Create an account
quick-user-edit = Correct this user…
quick-user-edit-title = Correct a user
users-locked = This account is locked after repeated failed logins, until { $until } (from addresses it never used).
users-unlock = Unlock
users-erase-link = Delete…
users-erase-title = Delete { $name }
users-erase-delete = { $name } has no ticket, reply or file: the account will be deleted.
users-erase-anonymise = { $count ->
    [0] Replies or files of { $name } are kept in tickets
    [one] { $name } appears in one ticket
   *[other] { $name } appears in { $count } tickets
}: the account will be anonymised (name, login, contact data and password removed, account disabled) and the tickets kept as they are.
users-erase-final = This cannot be undone.
users-erase-delete-button = Delete the account
users-erase-anonymise-button = Anonymise the account
error-cannot-delete-self = You cannot delete your own account.
user-password-optional = Leave both empty for a requester who will not log in; a password can be set later.
