# Login, first-run set-up, profile and password pages.
login-title = Anmelden
login-field-login = Benutzername
login-field-password = Passwort
login-submit = Anmelden
login-language = Sprache
login-error-invalid = Falscher Benutzername oder falsches Passwort.
login-error-throttled = Zu viele fehlgeschlagene Anmeldeversuche. Versuchen Sie es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } erneut.
login-error-address-throttled = Zu viele fehlgeschlagene Anmeldungen aus Ihrem Netzwerk. Versuchen Sie es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } erneut oder bitten Sie einen Administrator, die Sperre aufzuheben.
login-error-busy = Dieses Konto wird bereits geprüft. Versuchen Sie es gleich noch einmal.
login-error-directory-unreachable = Das Verzeichnis, das Ihr Passwort prüft, ist gerade nicht erreichbar. Versuchen Sie es später erneut oder wenden Sie sich an Ihren Support.

setup-title = Administratorkonto anlegen
setup-intro = Gestdesk startet zum ersten Mal. Legen Sie das Administratorkonto an, mit dem es eingerichtet wird; dieser Link funktioniert nur einmal.
setup-field-login = Benutzername
setup-field-firstname = Vorname
setup-field-lastname = Nachname
setup-field-mail = E-Mail-Adresse
setup-field-password = Passwort
setup-field-password-confirm = Passwort bestätigen
setup-field-language = Sprache
setup-submit = Konto anlegen und anmelden
setup-link-dead = Dieser Einrichtungslink ist ungültig oder wurde bereits verwendet: Das Administratorkonto existiert. Bitte melden Sie sich an.
setup-link-old = Dieser Einrichtungslink ist veraltet: Der Server wurde neu gestartet und hat einen neuen ausgegeben. Verwenden Sie den neuesten Link oder öffnen Sie Gestdesk auf dem Server selbst.
setup-already-done = Es gibt bereits ein Konto: Die Ersteinrichtung ist abgeschlossen.
setup-needed-title = Willkommen bei Gestdesk
setup-needed-intro = Gestdesk ist noch nicht eingerichtet: Zuerst muss das Administratorkonto angelegt werden.
setup-needed-remote = Öffnen Sie den Einrichtungslink, den der Server beim Start ausgegeben hat (in seiner Konsole oder im Fenster der Gestdesk-App), auf dem Computer, auf dem er läuft.

home-welcome = Hallo { $name }

profile-title = Mein Profil
profile-login = Benutzername
profile-profile = Profil
profile-language-browser = Die des Browsers
profile-last-login = Letzte Anmeldung

profile-user = Benutzer
profile-power-user = Erweiterter Benutzer
profile-supervisor = Supervisor
profile-technician = Techniker
profile-administrator = Administrator

password-title = Passwort ändern
password-from-directory = Ihr Passwort ist das Ihres Verzeichniskontos (Ihre Windows-Anmeldung): ändern Sie es dort, es gilt hier sofort.
password-must-change = Sie müssen ein neues Passwort wählen, bevor Sie fortfahren.
password-field-current = Aktuelles Passwort
password-field-new = Neues Passwort
password-field-confirm = Neues Passwort bestätigen
password-hint = Mindestens { $min } Zeichen.
password-submit = Passwort speichern
login-forgot = Passwort vergessen?
reset-title = Passwort vergessen
reset-intro = Geben Sie Ihren Anmeldenamen oder Ihre Mailadresse ein: Passt ein Konto, wird ein Link zum Wählen eines neuen Passworts an dessen Adresse geschickt.
reset-asked = Falls ein Konto zu Ihrer Eingabe passt, wurde eine Mail mit einem Link an dessen Adresse geschickt. Der Link funktioniert einmal, eine Stunde lang. Keine Mail? Wenden Sie sich an Ihre IT.
reset-field-who = Anmeldename oder Mailadresse
reset-send = Link senden
reset-back-to-login = Zurück zur Anmeldung
reset-choose-title = Neues Passwort wählen
reset-field-password = Neues Passwort
reset-field-confirm = Neues Passwort wiederholen
reset-submit = Passwort speichern
reset-link-dead = Dieser Link funktioniert nicht mehr: Er wurde benutzt, ist abgelaufen, oder ein neuerer wurde angefordert.
reset-ask-again = Neuen Link anfordern
reset-mail-subject = Neues Passwort wählen
reset-mail-body = Jemand hat das Zurücksetzen des Passworts Ihres Helpdesk-Kontos angefordert. Wenn Sie es waren, folgen Sie dem Link unten innerhalb von { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    }; er funktioniert einmal. Wenn nicht, ignorieren Sie diese Mail: Ihr Passwort bleibt unverändert.
reset-mail-link = Neues Passwort wählen
outbox-kind-password-reset = Passwort vergessen
setting-login-message = Hinweis auf der Anmeldeseite
setting-login-message-help = Wird über dem Anmeldeformular angezeigt, etwa wen man anrufen kann, wenn die Anmeldung nicht klappt. Reiner Text.

## The set-up page's "Move from GestSup"
setup-move-intro = Sie nutzen schon GestSup? Übernehmen Sie seine Tickets, Benutzer, Dateien und Einstellungen, statt leer zu beginnen.
move-title = Umzug von GestSup
move-intro = Gestdesk übernimmt alles aus GestSup, wofür es hier einen Platz gibt, mit den Ticketnummern von GestSup und den Passwörtern aller. Geben Sie die Sicherungsdatei von GestSup oder seine Datenbank an, und seinen upload-Ordner als ZIP. Prüfen Sie zuerst, was übernommen würde: eine Prüfung ändert nichts.
move-from = Wo sind die Daten von GestSup?
move-from-file = Eine Sicherungsdatei (.sql, von der Sicherungsseite von GestSup oder von mysqldump)
move-backup = Sicherungsdatei
move-backup-hint = Die .sql-Datei selbst: entpacken Sie sie zuerst, wenn sie komprimiert ist.
move-from-database = Seine Datenbank (MySQL oder MariaDB), direkt gelesen
move-host = Datenbankserver
move-port = Port
move-database = Name der Datenbank
move-user = Benutzer
move-password = Passwort
move-files = Der upload-Ordner von GestSup, als ZIP (optional)
move-files-hint = Ohne ihn werden die Dateien der Tickets im Bericht als fehlend aufgeführt.
move-check = Zuerst prüfen (ändert nichts)
move-import = Importieren
move-back = Zurück zum Anlegen des ersten Administrators
move-backup-missing = Wählen Sie die Sicherungsdatei von GestSup, oder geben Sie seine Datenbank an.
move-backup-too-big = Diese Datei ist größer als { $max } GB.
move-backup-compressed = Diese Datei ist komprimiert: entpacken Sie sie und senden Sie die .sql-Datei darin.
move-backup-not-sql = Das ist keine Sicherungsdatei: sie enthält keinen Text.
move-files-too-big = Dieses Archiv ist größer als { $max } GB.
move-files-not-zip = Das ist keine ZIP-Datei.
move-port-invalid = Geben Sie eine Portnummer zwischen 1 und 65535 an.
move-failed = Der Import wurde abgebrochen: { $detail }
move-not-gestsup = Diese Datenbank enthält keine GestSup-Seite (ihr fehlt die Tabelle tincidents).
move-address-invalid = Diese Datenbankadresse ist nicht lesbar: prüfen Sie Server, Port und Namen.
move-database-refused = Die GestSup-Datenbank konnte nicht gelesen werden: { $detail }
move-zip-unreadable = Das Archiv der Dateien ist nicht lesbar: { $detail }
move-zip-too-many = Das Archiv der Dateien enthält mehr als { $max } Einträge.
move-zip-too-large = Das Archiv der Dateien ist entpackt größer als { $max } GB.
move-backup-unreadable = Die Sicherungsdatei ist nicht lesbar: { $detail }
move-no-administrator = Die GestSup-Seite hat keinen aktiven Administrator mit Passwort: nach dem Umzug könnte sich niemand anmelden. Legen Sie stattdessen den ersten Administrator an und importieren Sie dann über die Befehlszeile (gestdesk import gestsup).
move-checking = Prüfung der GestSup-Seite
move-importing = Import der GestSup-Seite
move-unpacking = Die Dateien werden entpackt…
move-reading = Die Seite wird gelesen…
move-progress = { $percent } % der Zeilen gelesen
move-wait = Diese Seite verfolgt den Import von selbst; Sie können sie offen lassen.
move-nothing-changed = Es wurde nichts geändert.
move-again = Neu beginnen
move-checked = Die Prüfung ist beendet: es wurde nichts geändert. Lesen Sie den Bericht, dann importieren Sie.
move-import-now = Jetzt importieren
move-done = Der Umzug ist beendet.
move-log-in-as = Melden Sie sich mit Ihrem GestSup-Konto an: { $logins }.
move-report-kept = Der Bericht liegt in { $file }.
move-report = Bericht

## Two-factor login
two-factor-title = Zwei-Faktor-Anmeldung
two-factor-login-title = Anmeldecode
two-factor-login-help = Geben Sie den sechsstelligen Code ein, den Ihre Authenticator-App für dieses Konto zeigt.
two-factor-code = Code
two-factor-code-or-recovery = Telefon verloren? Geben Sie stattdessen einen Ihrer Wiederherstellungscodes ein.
two-factor-verify = Code prüfen
two-factor-start-again = Anmeldung neu beginnen
two-factor-wrong = Dieser Code ist falsch oder wurde schon benutzt. { $tries ->
    [one] Noch ein Versuch.
   *[other] Noch { $tries } Versuche.
}
two-factor-wrong-code = Dieser Code ist falsch oder wurde schon benutzt.
two-factor-changed-meanwhile = Die Zwei-Faktor-Anmeldung wurde inzwischen geändert: So ist der aktuelle Stand.
two-factor-on = Die Zwei-Faktor-Anmeldung ist eingeschaltet.
two-factor-off = Die Zwei-Faktor-Anmeldung ist ausgeschaltet.
two-factor-not-offered = Dieser Helpdesk bietet keine Zwei-Faktor-Anmeldung an; ein Administrator kann sie in den Einstellungen anbieten.
two-factor-turn-on = Zwei-Faktor-Anmeldung einschalten
two-factor-turn-off = Zwei-Faktor-Anmeldung ausschalten
two-factor-new-codes = Neue Wiederherstellungscodes erzeugen
two-factor-codes-left = Verbleibende Wiederherstellungscodes: { $n }.
two-factor-required-setup = Ihr Profil muss sich mit einem zweiten Faktor anmelden: Richten Sie ihn jetzt ein, um fortzufahren.
two-factor-required-keep = Ihr Profil muss sich mit einem zweiten Faktor anmelden: Er kann nicht ausgeschaltet werden.
two-factor-step-app = Installieren Sie eine Authenticator-App auf Ihrem Telefon (jede App, die zeitbasierte Codes erzeugt).
two-factor-step-scan = Scannen Sie diesen Code damit:
two-factor-step-key = oder geben Sie diesen Schlüssel ein:
two-factor-step-code = Geben Sie den sechsstelligen Code der App ein, um zu prüfen, dass es funktioniert.
two-factor-qr-label = QR-Code zum Scannen mit einer Authenticator-App
two-factor-codes-title = Ihre Wiederherstellungscodes
two-factor-codes-help = Jeder Code meldet Sie einmal an, falls Sie Ihr Telefon verlieren. Bewahren Sie sie sicher auf: Sie werden nur jetzt angezeigt.
two-factor-continue = Weiter
two-factor-admin-on = Dieses Konto meldet sich mit einem zweiten Faktor an.
two-factor-admin-reset = Zwei-Faktor-Anmeldung zurücksetzen
setting-user-mfa = Zwei-Faktor-Anmeldung angeboten
setting-user-mfa-help = Jedes Konto kann in seinem Profil einen zweiten Faktor (einen Code aus einer Authenticator-App) einschalten.
setting-user-mfa-user = Zwei-Faktor-Anmeldung Pflicht für Benutzer
setting-user-mfa-power-user = Zwei-Faktor-Anmeldung Pflicht für Hauptbenutzer
setting-user-mfa-supervisor = Zwei-Faktor-Anmeldung Pflicht für Supervisoren
setting-user-mfa-technician = Zwei-Faktor-Anmeldung Pflicht für Techniker
setting-user-mfa-administrator = Zwei-Faktor-Anmeldung Pflicht für Administratoren
setting-user-mfa-required-help = Konten dieses Profils richten bei ihrer nächsten Anmeldung einen zweiten Faktor ein und können ihn nicht ausschalten.
