# The directory connector (LDAP): its settings and its test.
settings-tab-directory = Verzeichnis
settings-section-directory = Verzeichnis (LDAP)
directory-title = Verzeichniseinstellungen
directory-test-title = Verzeichnis testen
directory-test-help = Verbindet sich mit den gespeicherten Einstellungen, meldet sich mit dem Dienstkonto an und zählt die Benutzer jedes Zweigs.
directory-test-bound = Das Dienstkonto wird akzeptiert.
directory-test-button = Testen
directory-failure-name-not-found = Der Servername wurde nicht gefunden. Prüfen Sie die Schreibweise.
directory-failure-refused = Der Server hat die Verbindung abgelehnt. Prüfen Sie den Port und ob der Server Verbindungen von diesem Rechner annimmt.
directory-failure-timeout = Der Server hat nicht rechtzeitig geantwortet.
directory-failure-tls = Die sichere Verbindung ist gescheitert. Prüfen Sie die gewählte Sicherheit und den Port, oder akzeptieren Sie das Zertifikat dieses Servers.
directory-failure-bad-credentials = Der Server hat das Dienstkonto oder sein Passwort abgelehnt.
directory-failure-no-such-branch = Das Verzeichnis hat diesen Zweig nicht:
directory-failure-protocol = Der Server hat unerwartet geantwortet: siehe Serverprotokoll.
setting-ldap-enabled = Verzeichnis verwenden
setting-ldap-enabled-help = Benutzer werden aus einem Active-Directory- oder OpenLDAP-Server übernommen.
setting-ldap-type = Servertyp
setting-ldap-type-help = Legt die üblichen Attribute und den Filter fest, der Benutzer findet.
setting-ldap-type-ad = Active Directory
setting-ldap-type-openldap = OpenLDAP
setting-ldap-host = Name oder Adresse des Servers
setting-ldap-host-help = Zum Beispiel dc1.example.com.
setting-ldap-port = Port
setting-ldap-port-help = 389 für LDAP und StartTLS, 636 für LDAPS.
setting-ldap-security = Sicherheit
setting-ldap-security-help = Ohne Sicherheit gehen Passwörter im Klartext über das Netz.
setting-ldap-security-ldaps = LDAPS (TLS von Anfang an)
setting-ldap-accept-invalid-certs = Das Zertifikat dieses Servers so akzeptieren
setting-ldap-accept-invalid-certs-help = Nur für einen Server im eigenen Netz, dessen selbstsigniertes Zertifikat Sie nicht ersetzen können: das Zertifikat wird dann nicht geprüft.
setting-ldap-domain = Domäne
setting-ldap-domain-help = Der Domänenname des Verzeichnisses, zum Beispiel example.com.
setting-ldap-user-branches = Benutzerzweige
setting-ldap-user-branches-help = Wo die Benutzer sind, getrennt durch „;“, zum Beispiel ou=Staff,dc=example,dc=com; ou=Interns,dc=example,dc=com.
setting-ldap-bind-dn = Dienstkonto
setting-ldap-bind-dn-help = Das Konto, das das Verzeichnis liest, als DN (cn=helpdesk,ou=Services,dc=example,dc=com).
setting-ldap-password = Passwort des Dienstkontos
setting-ldap-password-help = Wird zur Verwendung gespeichert, nie wieder angezeigt.
setting-ldap-missing-users = Im Verzeichnis fehlende Benutzer
setting-ldap-missing-users-help = Was mit einem aus dem Verzeichnis übernommenen Konto geschieht, wenn es dort nicht mehr ist.
setting-ldap-missing-disable = Deaktivieren
setting-ldap-missing-leave = Unverändert lassen
setting-ldap-service-groups = Zweig der Abteilungsgruppen
setting-ldap-service-groups-help = Jede Gruppe dieses Zweigs ist eine Abteilung mit ihren Mitgliedern. Leer: keine.
setting-ldap-agency-groups = Zweig der Agenturgruppen
setting-ldap-agency-groups-help = Jede Gruppe dieses Zweigs ist eine Agentur mit ihren Mitgliedern. Leer: keine.
setting-ldap-attr-login = Attribut des Benutzernamens
setting-ldap-attr-firstname = Attribut des Vornamens
setting-ldap-attr-lastname = Attribut des Nachnamens
setting-ldap-attr-mail = Attribut der Mailadresse
setting-ldap-attr-phone = Attribut des Telefons
setting-ldap-attr-mobile = Attribut des Mobiltelefons
setting-ldap-attr-company = Attribut der Firma
setting-ldap-attr-service = Attribut der Abteilung
setting-ldap-attr-title = Attribut der Funktion
setting-ldap-attr-address = Attribut der Adresse
setting-ldap-attr-help = Leer: das übliche Attribut des Servertyps.
directory-test-users = { $count ->
        [0] kein Benutzer
        [one] ein Benutzer
       *[other] { $count } Benutzer
    }
