# Administration pages and command-line messages.
system-title = System
system-version = Version
system-data-dir = Datenordner
system-database = Datenbank
system-database-size = Datenbankgröße
system-schema = Schemaversion
system-schema-value = { $current } (neueste bekannte: { $latest })
system-users = Konten
system-tickets = Tickets
system-started = Gestartet am
system-addresses = Empfangsadressen

cli-serving = Gestdesk { $version } läuft. Öffnen Sie:
cli-data-dir = Daten: { $dir }
cli-setup-link = Erster Start: Legen Sie das Administratorkonto unter { $url } an
cli-admin-created = Administratorkonto "{ $login }" angelegt.
cli-password-prompt = Passwort:{" "}
cli-password-again = Passwort (wiederholen):{" "}
cli-password-reset = Vorläufiges Passwort für "{ $login }": { $password }
    Es muss bei der nächsten Anmeldung geändert werden.
cli-no-such-login = Kein Konto hat den Benutzernamen "{ $login }".
cli-no-instance = Keine Gestdesk-Daten in { $dir } (keine gestdesk.sqlite3). Prüfen Sie --data-dir (oder GESTDESK_DATA_DIR); `gestdesk serve` startet eine neue Instanz, `gestdesk create-admin --init` legt eine mit ihrem Administrator an.
cli-backup-exists = { $path } existiert bereits; fügen Sie --force hinzu, um die Datei zu ersetzen.
cli-data-dir-busy = Ein anderes Gestdesk bedient { $dir } bereits; beenden Sie es zuerst oder wählen Sie ein anderes --data-dir.
cli-repair-granted = Das Profil Administrator hat die Rechte { $rights } wieder.
cli-repair-profile = Das Konto gehört jetzt zum Profil Administrator.
cli-repair-enabled = Das Konto war deaktiviert; es ist jetzt aktiv.
cli-repair-unlocked = Seine fehlgeschlagenen Anmeldungen sind vergessen: es ist nicht mehr gesperrt.
cli-repair-nothing = Es war nichts zu reparieren.
cli-repair-done = „{ $login }" ist ein funktionierender Administrator. Falls auch das Passwort verloren ist: gestdesk reset-password { $login }

cli-demo-done = Beispieldaten in { $seconds } s angelegt: { $tickets } Tickets mit { $entries } Verlaufseinträgen und { $attachments } Anhängen, { $procedures } Prozeduren, { $users } Benutzer in { $companies } Firmen, { $technicians } Techniker.
cli-demo-assets = { $assets ->
    [one] { $assets } Gerät
   *[other] { $assets } Geräte
} mit { $ifaces ->
    [one] { $ifaces } IP-Schnittstelle
   *[other] { $ifaces } IP-Schnittstellen
} in { $networks ->
    [one] { $networks } angelegten Netzwerk
   *[other] { $networks } angelegten Netzwerken
}.
cli-demo-admin = Administratorkonto: { $login }
cli-demo-logins = Techniker { $first_tech } bis { $last_tech }, Benutzer { $first_user } bis { $last_user }. Alle Beispielkonten haben das Passwort: { $password }
demo-error-tickets = Geben Sie höchstens { $max } Tickets an.
demo-error-assets = Geben Sie höchstens { $max } Geräte an.
demo-error-users = Geben Sie zwischen 1 und { $max } Benutzer an.
demo-not-empty = Diese Instanz hat bereits Tickets: Beispieldaten kommen nur in eine Instanz ohne Tickets (wählen Sie ein anderes --data-dir).

desktop-open-console = Konsole öffnen
desktop-copy-address = Netzwerkadresse kopieren
desktop-quit = Beenden
desktop-start-failed = Gestdesk konnte nicht starten
desktop-update-check = Nach Updates suchen
desktop-update-install = Version { $version } installieren und neu starten
desktop-update-available = Version { $version } ist verfügbar
desktop-update-none = Gestdesk ist auf dem neuesten Stand
desktop-update-installed = Version { $version } ist installiert
desktop-update-failed = Das Update ist fehlgeschlagen: { $error }
desktop-update-check-failed = Die Suche nach Updates ist fehlgeschlagen: { $error }
desktop-update-off = Es ist keine Update-Adresse eingerichtet (--update-url und --update-key).
desktop-update-no-display = Die Suche nach Updates braucht eine grafische Sitzung (DISPLAY oder WAYLAND_DISPLAY), wie die App selbst.
desktop-update-bad-url = Keine Update-Suche: { $url } ist keine gültige Adresse.
desktop-update-not-https = Keine Update-Suche: Die Update-Adresse muss https verwenden (http nur zu diesem Rechner): { $url }
desktop-update-no-key = Keine Update-Suche: Eine Adresse ist gesetzt, aber kein öffentlicher Schlüssel, um die Pakete zu prüfen (--update-key).
desktop-update-bad-key = Keine Update-Suche: Der Schlüssel ist kein von gestdesk-update-signer erzeugter öffentlicher Schlüssel ({ $error }).

settings-title = Einstellungen
settings-section-general = Allgemein
settings-section-users = Benutzer und Organisation
setting-company-name = Firmenname
setting-company-name-help = Wird in der oberen Leiste und auf der Anmeldeseite angezeigt. Leer zeigt "Gestdesk".
setting-session-timeout = Sitzungsablauf (Minuten)
setting-session-timeout-help = Ein Benutzer, der so lange nichts tut, wird abgemeldet (5 Minuten bis 30 Tage).
setting-session-max = Längste Sitzung (Stunden)
setting-session-max-help = Ein Benutzer wird so lange nach der Anmeldung abgemeldet, auch während er arbeitet (0: keine Grenze; bis zu einem Jahr).
setting-password-min-length = Kürzestes Passwort (Zeichen)
setting-password-min-length-help = Neue Passwörter müssen mindestens so viele Zeichen haben (8 bis 64). Bestehende Passwörter bleiben gültig.
setting-password-refuse-common = Gängige Passwörter ablehnen
setting-password-refuse-common-help = Neue Passwörter dürfen keines sein, das alle zuerst probieren (123456, qwertz, passwort und ähnliche, mit oder ohne Ziffern dahinter), nicht der Anmeldename selbst und nicht ein einziges wiederholtes Zeichen.
setting-rows-per-page = Zeilen pro Seite
setting-rows-per-page-help = Wie viele Zeilen die Listen der Tickets, Geräte und Benutzer pro Seite zeigen (5 bis 500).
setting-user-advanced = Erweiterte Benutzereigenschaften
setting-user-advanced-help = Zeigt die zusätzlichen Kontofelder: Firma, Mobiltelefon, Fax, Funktion, Adresse, Postleitzahl, Ort und zwei freie Felder.
setting-user-register = Benutzer dürfen selbst ein Konto anlegen
setting-user-register-help = Fügt der Anmeldeseite einen Link "Konto anlegen" hinzu; so angelegte Konten erhalten das Profil Benutzer.
setting-user-limit-ticket = Anzahl der Tickets pro Benutzer begrenzen
setting-user-limit-ticket-help = Jedes Konto erhält eine Höchstzahl an Tickets für einen Zeitraum ab einem Startdatum; die Grenze wird am Konto festgelegt.
setting-company-limit-ticket = Anzahl der Tickets pro Firma begrenzen
setting-company-limit-ticket-help = Die Benutzer einer Firma teilen sich eine Höchstzahl an Tickets für einen Zeitraum; die Grenze wird an der Firma festgelegt (Listen > Firmen). Solange es aktiv ist, ändern nur Administratoren die Firma eines Benutzers.
setting-user-company-view = Benutzer sehen alle Tickets ihrer Firma
setting-user-company-view-help = Fügt "Meine Firma" zum linken Menü der Benutzer mit dem Recht side_company hinzu. Solange es aktiv ist, ändern nur Administratoren die Firma eines Benutzers.
setting-user-agency = Benutzer gehören zu Niederlassungen
setting-user-agency-help = Aktiviert Niederlassungen: die Liste der Niederlassungen, die Niederlassungen jedes Kontos und die Niederlassungsrechte an Tickets.
setting-user-limit-service = Nach Abteilung trennen
setting-user-limit-service-help = Benutzer sehen nur die Tickets ihrer Abteilungen, und Kategorien, Unterkategorien, Prioritäten und Kritikalitäten können an eine Abteilung gebunden werden. Solange es aktiv ist, ändern nur Administratoren die Abteilungen eines Benutzers.

rights-title = Rechte
rights-help = Jede Zeile ist ein Recht, jede Spalte ein Profil. Klicken Sie auf eine Zelle, um das Recht allen Benutzern dieses Profils zu gewähren (grün) oder zu verweigern (rot); es gilt ab ihrer nächsten Seite.
rights-filter = Nach Name oder Beschreibung filtern
rights-col-name = Recht
rights-col-description = Beschreibung
rights-granted = Gewährt
rights-denied = Verweigert
settings-section-tickets = Tickets
setting-attachment-max-count = Anhänge pro Ticket
setting-attachment-max-count-help = Die höchste Zahl an Dateien eines Tickets (0 schaltet Anhänge ab).
setting-attachment-max-mb = Größter Anhang (MB)
setting-attachment-max-mb-help = Größere Dateien werden abgelehnt (1 bis 100 MB).
setting-ticket-type = Tickettypen
setting-ticket-type-help = Zeigt das Feld Typ (zum Beispiel Anfrage oder Störung) an Tickets; die Typen werden unter Listen > Tickettypen bearbeitet.
setting-ticket-places = Orte
setting-ticket-places-help = Zeigt das Feld Ort an Tickets; die Orte werden unter Listen > Orte bearbeitet.
setting-theme = Farbschema
setting-theme-help = Die Farben der Seiten für Benutzer, die in ihrem Profil keine eigenen gewählt haben.
settings-log-link = Änderungsverlauf
settings-log-title = Änderungen der Einstellungen
settings-log-empty = Es wurde noch keine Einstellung geändert.
settings-log-when = Wann
settings-log-setting = Einstellung
settings-log-old = Vorher
settings-log-new = Nachher
settings-log-by = Von
settings-log-cli = Kommandozeile
settings-back = Zurück zu den Einstellungen
settings-section-functions = Funktionen
setting-server-url = Serveradresse
setting-server-url-help = Die Adresse, unter der Benutzer Gestdesk öffnen (zum Beispiel https://helpdesk.example.com), verwendet in den Links von E-Mails. Leer verwendet die Adresse, über die der Server erreicht wurde.
setting-flash-ms = Anzeigedauer von Aktionsmeldungen (ms)
setting-flash-ms-help = Wie lange Meldungen wie "Änderungen gespeichert." hervorgehoben bleiben, bevor sie verblassen (1000 bis 60000 ms).
setting-live-updates = Live-Aktualisierung
setting-live-updates-help = Listen, Zähler und Benutzerleiste aktualisieren sich selbst, wenn sich Tickets ändern. Der Überwachungsbildschirm tut es immer.
setting-availability = Verfügbarkeit
setting-availability-help = Schaltet die Funktion Verfügbarkeit ein (Verfolgung der Verfügbarkeit von Diensten).
setting-calendar = Kalender
setting-calendar-help = Schaltet die Funktion Kalender ein (geplante Einsätze der Techniker).
setting-assets = Geräte
setting-assets-help = Schaltet die Geräteinventur ein.
setting-asset-ip = IP-Adressen der Geräte
setting-asset-ip-help = Verwaltet die Netzwerkschnittstellen und IP-Adressen der Geräte.
setting-asset-warranty = Garantien der Geräte
setting-asset-warranty-help = Verfolgt das Garantieende der Geräte.
setting-asset-vnc = VNC-Link an Geräten
setting-asset-vnc-help = Zeigt einen VNC-Link, um den Bildschirm eines Geräts zu erreichen.
setting-procedures = Prozeduren
setting-procedures-help = Schaltet die Funktion Prozeduren ein (gemeinsame Anleitungen). Solange sie aktiv ist, ändern nur Administratoren die Firma eines Benutzers.
setting-surveys = Umfragen
setting-surveys-help = Schaltet Zufriedenheitsumfragen ein: eine Mail mit Einmal-Link, wenn ein Ticket in den gewählten Status wechselt (Administration > Einstellungen > Umfragen).
settings-function-without-pages = Diese Version von Gestdesk hat keine Seiten für diese Funktion; die Einstellung bleibt für Versionen gespeichert, die sie haben.
error-url = Geben Sie eine Adresse ein, die mit http:// oder https:// beginnt (zum Beispiel https://helpdesk.example.com).
setting-debug = Debug-Modus
setting-debug-help = Fehlerseiten zeigen Administratoren, was intern schiefging (andere Benutzer sehen weiterhin die einfache Meldung). Nur zur Fehlersuche.
error-debug-detail = Details (Debug-Modus, nur Administratoren)
settings-logo = Firmenlogo
settings-logo-help = Wird in der oberen Leiste und auf der Anmeldeseite statt des Gestdesk-Logos angezeigt. Ein PNG-, JPEG- oder WebP-Bild von höchstens { $max } KB.
settings-logo-current = Das aktuelle Logo
settings-logo-remove = Logo entfernen
settings-logo-file = Bild
settings-logo-upload = Hochladen
error-logo-size = Das Bild ist größer als { $max } KB.
error-logo-type = Wählen Sie ein PNG-, JPEG- oder WebP-Bild (SVG und andere Dateien werden abgelehnt).
error-logo-dimensions = Das Bild darf höchstens { $max } Pixel breit und hoch sein.
system-throttled = Nach fehlgeschlagenen Anmeldungen gebremste Adressen
system-throttled-help = Nach 20 fehlgeschlagenen Anmeldungen in 15 Minuten von einer Adresse werden Konten, die sich dort nie angemeldet haben, dort abgewiesen, bis die Fehlversuche 15 Minuten alt sind. Aufheben vergisst die Fehlversuche.
system-throttled-none = Keine Adresse ist gebremst.
system-throttled-until = { $failures } Fehlversuche; bis { $until }
system-throttled-lift = Aufheben
rights-confirm-grant = { $right } allen { $profile } gewähren? Das öffnet ihnen Verwaltungsseiten.
rights-confirm-revoke = { $right } allen { $profile } verweigern?
rights-confirm-admin = Sie verlieren das Menü Verwaltung. Wenn sonst niemand verwalten kann, wird die Änderung abgelehnt.
rights-confirm-submit = Ja, ändern
rights-history = Letzte Änderungen der Rechte
rights-history-none = Bisher wurde kein Recht geändert.
desktop-already-running = Gestdesk läuft bereits auf diesem PC
desktop-already-running-help = Ein Gestdesk-Server (vermutlich der Dienst) antwortet bereits unter dieser Adresse. Öffnen Sie ihn, oder beenden Sie den Dienst, bevor Sie die App starten.
desktop-open-it = Öffnen
desktop-data-busy = Der Datenordner wird bereits verwendet
desktop-data-busy-help = Ein anderes Gestdesk verwendet den Datenordner { $dir }. Beenden Sie es, oder starten Sie die App mit einem anderen Ordner (--data-dir).
setting-ticket-observer = Beobachter an Tickets
setting-ticket-observer-help = Personen und Technikergruppen können einem Ticket folgen: Sie sehen es, finden es unter „Von mir beobachtete Tickets“ und erhalten seine Mails.

cli-assets-dry-run = Probelauf: nichts wurde geändert.
import-has-tickets = Diese Instanz enthält bereits { $count ->
        [one] ein Ticket
       *[other] { $count } Tickets
    }: GestSup wird in eine Instanz ohne Tickets importiert.
cli-import-failed = Der Import wurde abgebrochen; nichts wurde geändert
cli-import-dry-run = Probelauf: nichts wurde geändert.
cli-import-report-kept = Der Bericht liegt in { $file }.
cli-import-no-upload = { $dir } ist kein Ordner: geben Sie den upload-Ordner von GestSup an.
import-report-title = Aus GestSup importiert
import-report-table = { $table }: gelesen { $read }, importiert { $imported }, ausgelassen { $left }
import-report-not-imported = Nicht importiert (in dieser Version noch ohne Entsprechung)
import-report-rows = { $table }: Zeilen { $rows }
import-report-merged = GestSup-Konten, die hier zum Konto mit demselben Anmeldenamen wurden (das sein Passwort behält): { $value }
import-report-settings = Übernommene Einstellungen: { $value }
import-report-images = In Texte eingefügte Bilder, ersetzt durch „(image)“: { $value }
import-report-problems = Probleme
import-problem-no-category = keine Kategorie
import-problem-no-login = kein Anmeldename
import-problem-address = eine Adresse, die Gestdesk nicht lesen kann, blieb leer ({ $value })
import-problem-setting = { $key } = „{ $value }“ von den Prüfungen der Einstellung abgelehnt
import-problem-mail-password = die Einstellungen des Mailservers wurden ohne sein Passwort übernommen; der Versand bleibt aus, bis es eingegeben ist (Administration > Einstellungen > Mail)
import-problem-thread-kind = unbekannte Art von Verlaufseintrag { $value }
import-problem-thread-state = ein Wechsel zu keinem bekannten Status
import-problem-attachment-owner = eine Datei eines Tickets, einer Anleitung oder eines Geräts, das nicht übernommen wurde
import-problem-no-upload-folder = kein upload-Ordner angegeben (--files): die angehängten Dateien werden nicht übernommen
import-problem-file-missing = Datei nicht gefunden: { $value }
import-problem-file-kind = eine Dateiart, die Gestdesk nicht aufbewahrt: { $value }
import-problem-file-refused = von den Dateiprüfungen abgelehnt: { $value }
import-problem-admin-kept = mit den Rechten der Seite konnte kein aktives Konto verwalten; das Administratorprofil behält das Recht zu verwalten
import-problem-template-ticket = eine Vorlage, deren Ticket nicht übernommen wurde
import-problem-recurrence = in GestSup „{ $value }“ wiederholt: die Vorlage wird übernommen, ihre Wiederholung hat noch keine Entsprechung
cli-import-progress = { $table }: { $done } / { $total } ({ $rate } Zeilen pro Sekunde)

## System page: build, disk, integrity, jobs, connectors, logs
system-build-debug = nicht optimierter Build
system-build-release = optimierter Build
system-disk = Freier Platz im Datenordner
system-disk-value = { $free } frei von { $total }
system-disk-low = Auf dem Datenträger des Datenordners sind weniger als { $limit } frei. Sicherungen und Datenbank brauchen Platz: Geben Sie Speicher frei oder verschieben Sie den Datenordner.
system-schema-behind = Das Schema der Datenbank ist älter als das dieser Version: Starten Sie Gestdesk neu, um es zu aktualisieren.
system-count-thread = Verlaufseinträge
system-count-attachments = Anhänge
system-count-assets = Geräte
system-count-procedures = Anleitungen
system-count-outbox = E-Mails im Postausgang
system-count-interventions = Einsätze
system-count-surveys = Versendete Umfragen
system-integrity = Integrität der Datenbank
system-integrity-help = Liest jede Seite der Datenbank, um zu prüfen, dass sie unversehrt ist. Bei einer großen Datenbank dauert das einige Sekunden; der Server antwortet währenddessen weiter.
system-integrity-ok = Die Datenbank ist unversehrt
system-integrity-problems = Gefundene Probleme
system-integrity-run = Jetzt prüfen
system-lan-url = Adresse für die Benutzer im Netzwerk:
system-logs = Protokolle
system-logs-open = Protokolle lesen
system-schema-history = Schema-Verlauf ({ $n ->
    [one] eine Änderung
   *[other] { $n } Änderungen
})
system-schema-version = Version
system-schema-name = Änderung
system-schema-applied = Angewendet am
system-jobs = Hintergrundaufgaben
system-jobs-help = Die Arbeit, die der Server selbst erledigt. „Jetzt ausführen“ startet eine Aufgabe sofort, auch wenn sie nicht fällig ist; eine in ihren Einstellungen ausgeschaltete Aufgabe bleibt aus.
system-job = Aufgabe
system-job-schedule = Häufigkeit
system-job-last = Letzte Ausführung
system-job-duration = Dauer
system-job-result = Ergebnis
system-job-next = Nächste Ausführung
system-job-run-now = Jetzt ausführen
system-job-running = Läuft
system-job-ok = Erledigt
system-job-failed = Fehlgeschlagen
system-job-continuous = Ständig
system-job-every-hours = { $n ->
    [one] stündlich
   *[other] alle { $n } Stunden
}
system-job-every-minutes = { $n ->
    [one] jede Minute
   *[other] alle { $n } Minuten
}
system-job-every-seconds = { $n ->
    [one] jede Sekunde
   *[other] alle { $n } Sekunden
}
system-job-every-ms = alle { $n } ms
system-job-ms = { $n } ms
system-job-s = { $n } s
system-job-live = Live-Aktualisierungen
system-job-outbox = E-Mail-Postausgang
system-job-webhooks = Webhooks
system-job-checkpoint = Datenbank-Checkpoint
system-job-search = Suchindex
system-job-backups = Tägliche Sicherung
system-job-uploads = Bereinigung nicht gespeicherter Uploads
system-job-validation = Bestätigung durch den Anfragenden
system-job-asset-import = Import-Ordner für Geräte
system-job-ping = Ping aller Geräte
system-job-mail-fetch = Eingehende E-Mails
system-job-directory = Verzeichnis-Synchronisierung
system-job-discovery = Netzwerkerkennung
system-job-statistics = Abfragestatistiken
system-connectors = Verbindungen
system-connector = Verbindung
system-connector-state = Zustand
system-connector-success = Letzter Erfolg
system-connector-error = Letzter Fehler
system-connector-off = Aus
system-connector-failing = Fehlerhaft
system-connector-ok = Funktioniert
system-connector-unused = Noch nicht benutzt
system-connector-smtp = Ausgehende E-Mails (SMTP)
system-connector-mailbox = Postfach { $name }
system-connector-directory = Verzeichnis (LDAP)
system-connector-updates = Updates der Desktop-App
system-update-current = Aktuell
system-update-available = Version { $version } verfügbar
system-update-install-hint = Version { $version } ist bereit: Wählen Sie „Version { $version } installieren und neu starten“ im Menü des Symbols der Desktop-App. Die Benutzer sind für die wenigen Sekunden des Neustarts getrennt.
system-logs-none = Es gibt noch keine Protokolldatei.
system-logs-file = Datei
system-logs-level = Stufe
system-logs-level-all = Alle Stufen
system-logs-search = Text
system-logs-show = Anzeigen
system-logs-download = Diese Datei herunterladen
system-logs-hidden = Passwörter, Token und Schlüssel werden verborgen, hier und im Download.
system-logs-cut = Diese Datei ist groß: Nur ihre letzten { $size } werden durchsucht. Der Download enthält sie ganz.
system-logs-no-lines = Keine Zeile passt.
system-logs-time = Zeit
system-logs-message = Meldung
system-logs-more = Nur die { $n } neuesten passenden Zeilen werden gezeigt.
flash-job-started = Die Aufgabe wurde gestartet.
flash-job-running = Die Aufgabe läuft bereits.
flash-integrity-checked = Die Integritätsprüfung ist abgeschlossen.

## HTTPS
https-title = HTTPS
https-on = HTTPS ist eingeschaltet
https-set-up = HTTPS einrichten
https-in-force = Aktuell in Kraft
https-mode-off = Aus: einfaches HTTP
https-mode-self-signed = Ein, mit einem selbstsignierten Zertifikat für diesen Rechner
https-mode-own = Ein, mit Ihrem eigenen Zertifikat
https-fallback = Ihr eigenes Zertifikat konnte beim Start des Servers nicht verwendet werden: Bis dahin dient das selbstsignierte. Geben Sie Ihr Zertifikat unten erneut an.
https-subject = Zertifikat
https-names = Abgedeckte Namen und Adressen
https-valid = Gültig
https-valid-value = vom { $from } bis { $until }
https-fingerprint = Fingerabdruck (SHA-256)
https-ends-soon = Das Zertifikat läuft am { $date } ab. Erneuern Sie es vorher, sonst verweigern Browser die Verbindung.
https-self-signed-help = Browser warnen beim ersten Mal vor einem selbstsignierten Zertifikat. Benutzer können prüfen, dass der Fingerabdruck ihres Browsers dem obigen entspricht, bevor sie es annehmen, oder das Zertifikat auf ihren Rechnern importieren.
https-renew = Neues selbstsigniertes Zertifikat erzeugen
https-console-help = Die Desktop-Konsole auf diesem Rechner nutzt weiter einfaches HTTP auf einer Loopback-Adresse; jede andere einfache HTTP-Anfrage wird an die https://-Adresse geschickt.
https-own-title = Ihr eigenes Zertifikat
https-own-help = Fügen Sie das Zertifikat (zuerst das des Servers, dann die Zwischenzertifikate) und seinen privaten Schlüssel im PEM-Format ein. Sie werden vor dem Speichern geprüft: lesbar, der Schlüssel passt zum Zertifikat, heute gültig.
https-own-certificate = Zertifikat (PEM)
https-own-key = Privater Schlüssel (PEM)
https-own-save = Prüfen und speichern
https-error-no-certificate = Kein Zertifikat gefunden: Fügen Sie den Text zwischen -----BEGIN CERTIFICATE----- und -----END CERTIFICATE----- samt diesen Zeilen ein.
https-error-unreadable = Dieses Zertifikat ist nicht lesbar.
https-error-no-key = Kein privater Schlüssel gefunden: Fügen Sie den Text zwischen -----BEGIN PRIVATE KEY----- und -----END PRIVATE KEY----- samt diesen Zeilen ein.
https-error-unusable-key = Dieser private Schlüssel ist nicht verwendbar (RSA-, ECDSA- oder Ed25519-Schlüssel im PEM-Format sind es).
https-error-key-mismatch = Dieser private Schlüssel gehört nicht zum Zertifikat.
https-error-not-yet-valid = Dieses Zertifikat ist noch nicht gültig.
https-error-expired = Dieses Zertifikat ist abgelaufen.
https-error-too-long = Dieser Text ist zu lang für ein Zertifikat und seine Kette.
https-error-generation = Das Zertifikat konnte nicht erzeugt werden.
https-error-own-first = Geben Sie zuerst unten Ihr Zertifikat und Ihren Schlüssel an.
settings-section-https = HTTPS
setting-https-mode = HTTPS
setting-https-mode-help = Einfaches HTTP, HTTPS mit einem Zertifikat, das Gestdesk für diesen Rechner erzeugt, oder HTTPS mit Ihrem eigenen Zertifikat. Gilt sofort für neue Verbindungen.
setting-https-hsts = Browser auffordern, nur HTTPS zu verwenden (HSTS)
setting-https-hsts-help = Browser, die es gesehen haben, verweigern ein Jahr lang einfaches HTTP zu dieser Adresse. Schalten Sie es ein, wenn HTTPS für alle funktioniert.
