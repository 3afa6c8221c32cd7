# The directory connector (LDAP): its settings and its test.
settings-tab-directory = Directory
settings-section-directory = Directory (LDAP)
directory-title = Directory settings
directory-test-title = Test the directory
directory-test-help = Connects with the saved settings, logs in with the service account and counts the users of each branch.
directory-test-bound = The service account is accepted.
directory-test-button = Test
directory-failure-name-not-found = The server name was not found. Check its spelling.
directory-failure-refused = The server refused the connection. Check the port and that the server accepts connections from this machine.
directory-failure-timeout = The server did not answer in time.
directory-failure-tls = The secure connection failed. Check the security choice and the port, or accept this server's certificate.
directory-failure-bad-credentials = The server refused the service account or its password.
directory-failure-no-such-branch = The directory has no such branch:
directory-failure-protocol = The server answered unexpectedly: see the server's log.
setting-ldap-enabled = Use the directory
setting-ldap-enabled-help = Users are taken from an Active Directory or OpenLDAP server.
setting-ldap-type = Server type
setting-ldap-type-help = Sets the usual attributes and the filter that finds users.
setting-ldap-type-ad = Active Directory
setting-ldap-type-openldap = OpenLDAP
setting-ldap-host = Server name or address
setting-ldap-host-help = For example dc1.example.com.
setting-ldap-port = Port
setting-ldap-port-help = 389 for LDAP and StartTLS, 636 for LDAPS.
setting-ldap-security = Security
setting-ldap-security-help = Without security, passwords cross the network in clear.
setting-ldap-security-ldaps = LDAPS (TLS from the start)
setting-ldap-accept-invalid-certs = Accept this server's certificate as it is
setting-ldap-accept-invalid-certs-help = Only for a server on your own network whose self-signed certificate you cannot replace: the certificate is then not checked.
setting-ldap-domain = Domain
setting-ldap-domain-help = The directory's domain name, for example example.com.
setting-ldap-user-branches = User branches
setting-ldap-user-branches-help = Where users are, separated by ";", for example ou=Staff,dc=example,dc=com; ou=Interns,dc=example,dc=com.
setting-ldap-bind-dn = Service account
setting-ldap-bind-dn-help = The account that reads the directory, as a DN (cn=helpdesk,ou=Services,dc=example,dc=com).
setting-ldap-password = Service account password
setting-ldap-password-help = Kept to be used, never shown again.
setting-ldap-missing-users = Users missing from the directory
setting-ldap-missing-users-help = What becomes of an account taken from the directory once it is no longer there.
setting-ldap-missing-disable = Disable them
setting-ldap-missing-leave = Leave them as they are
setting-ldap-service-groups = Branch of the service groups
setting-ldap-service-groups-help = Each group of this branch is a service, with its members. Empty: none.
setting-ldap-agency-groups = Branch of the agency groups
setting-ldap-agency-groups-help = Each group of this branch is an agency, with its members. Empty: none.
setting-ldap-attr-login = Attribute of the login
setting-ldap-attr-firstname = Attribute of the first name
setting-ldap-attr-lastname = Attribute of the last name
setting-ldap-attr-mail = Attribute of the mail address
setting-ldap-attr-phone = Attribute of the phone
setting-ldap-attr-mobile = Attribute of the mobile phone
setting-ldap-attr-company = Attribute of the company
setting-ldap-attr-service = Attribute of the service
setting-ldap-attr-title = Attribute of the job title
setting-ldap-attr-address = Attribute of the address
setting-ldap-attr-help = Empty: the usual attribute of the server type.
directory-test-users = { $count ->
        [0] no user
        [one] one user
       *[other] { $count } users
    }
