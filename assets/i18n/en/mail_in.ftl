# Incoming mail: mailboxes, fetches, rejected mails.
settings-tab-mail-in = Incoming mail
settings-section-mail-in = Incoming mail
setting-mail-in-unknown-sender = Mail from an unknown address
setting-mail-in-unknown-sender-help = When no account has the sender's address: make a user account for them and open their ticket, or refuse the mail with a reply that says so.
setting-mail-in-unknown-create = Make an account and open the ticket
setting-mail-in-unknown-refuse = Refuse it with a reply
setting-mail-in-acknowledge = Acknowledge tickets opened by mail
setting-mail-in-acknowledge-help = The requester gets a mail with the ticket's number, to which they can reply.
mail-in-title = Incoming mail
mailboxes-title = Mailboxes
mailboxes-help = Each unread mail of these mailboxes becomes a ticket, or a reply in the thread of the ticket it answers. Gestdesk reads them itself, at each mailbox's interval.
mailboxes-none = No mailbox yet.
mailbox-name = Name
mailbox-server = Server
mailbox-folder = Folder
mailbox-after = Once handled
mailbox-interval = Read every (minutes)
mailbox-last-fetch = Last read
mailbox-off = off
mailbox-every-minutes = { $count ->
        [one] every minute
       *[other] every { $count } minutes
    }
mailbox-add = Add a mailbox
mailbox-edit = Mailbox
mail-fetches-title = Fetch history
mail-rejected-link = { $count ->
        [0] Rejected mails
       *[other] Rejected mails ({ $count })
    }
mailbox-connection = Connection
mailbox-enabled = Read this mailbox
mailbox-enabled-help = Switched off, it is read only by "Fetch now" or the command line.
mailbox-host = Server name or address
mailbox-port = Port
mailbox-security = Security
mailbox-login = Login
mailbox-password = Password
mailbox-password-kept = A password is saved: leave the field empty to keep it.
mailbox-handling = Handling
mailbox-move-to = Folder to move handled mails to
mailbox-service = Service of its tickets
mailbox-category = Category of its tickets
mailbox-excluded = Excluded addresses and domains
mailbox-excluded-help = Separated by ";", for example boss@example.com; newsletter.example.com. Their mails are marked handled and nothing else.
mailbox-test = Test
mailbox-fetch-now = Fetch now
mailbox-delete-confirm = Remove this mailbox? Its tickets stay.
mailbox-test-ok = { $count ->
        [0] Logged in and the folder opened: no unread mail waits.
        [one] Logged in and the folder opened: one unread mail waits.
       *[other] Logged in and the folder opened: { $count } unread mails wait.
    }
mail-fetch-done = Read: { $read }. Tickets: { $tickets }. Replies: { $replies }. Ignored: { $ignored }. Rejected: { $rejected }. Errors: { $errors }.
mailbox-after-read = Mark it read
mailbox-after-move = Move it to a folder
mailbox-after-delete = Delete it
mail-in-failure-name-not-found = The server name was not found. Check its spelling.
mail-in-failure-refused = The server refused the connection. Check the port and that the server accepts connections from this machine.
mail-in-failure-timeout = The server did not answer in time.
mail-in-failure-tls = The secure connection failed. Check the security choice and the port, or accept this server's certificate.
mail-in-failure-login-refused = The server refused the login or the password.
mail-in-failure-no-such-folder = The server has no such folder.
mail-in-failure-busy = This mailbox is being read already.
mail-in-failure-storage = The mails could not be saved: see the server's log.
mail-in-failure-protocol = The server answered unexpectedly: see the server's log.
mail-fetch-trigger-schedule = Schedule
mail-fetch-trigger-manual = Fetch now
mail-fetch-trigger-command = Command line
mail-fetches-none = No mailbox has been read yet.
mail-fetch-when = When
mail-fetch-trigger = Asked by
mail-fetch-read = Read
mail-fetch-tickets = Tickets
mail-fetch-replies = Replies
mail-fetch-ignored = Ignored
mail-fetch-rejected = Rejected
mail-fetch-errors = Errors
mail-fetch-duration = Duration
mail-rejected-title = Rejected mails
mail-rejected-help = Mails that could not be read are kept here rather than lost. Download one to read it in a mail program.
mail-rejected-none = No rejected mail.
mail-rejected-count = { $count ->
        [0] No rejected mail.
        [one] One rejected mail.
       *[other] { $count } rejected mails.
    }
mail-rejected-sender = Sender
mail-rejected-subject = Subject
mail-rejected-reason = Reason
mail-rejected-size = Size
mail-rejected-download = Download
mail-rejected-delete-confirm = Remove this mail from the list?
mail-rejected-too-large = Too large
mail-rejected-no-sender = No sender address
mail-rejected-not-a-mail = Not a readable mail
error-mailbox-excluded = "{ $value }" is neither an address nor a domain.
error-mailbox-move-same = Choose another folder than the one read.
mail-in-no-subject = (no subject)
mail-in-files-refused = Files of the mail that were not kept:
mail-in-refused-title = Your mail was not received
mail-in-refused-body = This helpdesk only accepts mail from the addresses of its users. Ask your IT team to add yours, or open your request from the helpdesk's pages.
mail-in-refused-subject = Your mail
outbox-kind-mail-refused = Mail refused
thread-by-mail = by mail from { $address }
cli-mailbox-unknown = No mailbox is named "{ $name }".
cli-mailbox-none = No mailbox is switched on.
cli-mail-fetched = { $mailbox } — read: { $read }, tickets: { $tickets }, replies: { $replies }, ignored: { $ignored }, rejected: { $rejected }, errors: { $errors }, in { $seconds } s.
cli-mail-fetch-failed = Could not read: { $names }.
