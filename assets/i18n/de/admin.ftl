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

cli-demo-done = Beispieldaten in { $seconds } s angelegt: { $tickets } Tickets mit { $entries } Verlaufseinträgen und { $attachments } Anhängen, { $users } Benutzer in { $companies } Firmen, { $technicians } Techniker.
cli-demo-admin = Administratorkonto: { $login }
cli-demo-logins = Techniker { $first_tech } bis { $last_tech }, Benutzer { $first_user } bis { $last_user }. Alle Beispielkonten haben das Passwort: { $password }
demo-error-tickets = Geben Sie höchstens { $max } Tickets an.
demo-error-users = Geben Sie zwischen 1 und { $max } Benutzer an.
demo-not-empty = Diese Instanz hat bereits Tickets: Beispieldaten kommen nur in eine Instanz ohne Tickets (wählen Sie ein anderes --data-dir).

desktop-open-console = Konsole öffnen
desktop-copy-address = Netzwerkadresse kopieren
desktop-quit = Beenden
desktop-start-failed = Gestdesk konnte nicht starten

settings-title = Einstellungen
settings-section-general = Allgemein
settings-section-users = Benutzer und Organisation
setting-company-name = Firmenname
setting-company-name-help = Wird in der oberen Leiste und auf der Anmeldeseite angezeigt. Leer zeigt "Gestdesk".
setting-session-timeout = Sitzungsablauf (Minuten)
setting-session-timeout-help = Ein Benutzer, der so lange nichts tut, wird abgemeldet (5 Minuten bis 30 Tage).
setting-rows-per-page = Zeilen pro Seite
setting-rows-per-page-help = Wie viele Zeilen die Listen der Tickets, Geräte und Benutzer pro Seite zeigen (5 bis 500).
setting-user-advanced = Erweiterte Benutzereigenschaften
setting-user-advanced-help = Zeigt die zusätzlichen Kontofelder: Firma, Mobiltelefon, Fax, Funktion, Adresse, Postleitzahl, Ort und zwei freie Felder.
setting-user-register = Benutzer dürfen selbst ein Konto anlegen
setting-user-register-help = Fügt der Anmeldeseite einen Link "Konto anlegen" hinzu; so angelegte Konten erhalten das Profil Benutzer.
setting-user-limit-ticket = Anzahl der Tickets pro Benutzer begrenzen
setting-user-limit-ticket-help = Jedes Konto erhält eine Höchstzahl an Tickets für einen Zeitraum ab einem Startdatum; die Grenze wird am Konto festgelegt.
setting-company-limit-ticket = Anzahl der Tickets pro Firma begrenzen
setting-company-limit-ticket-help = Die Benutzer einer Firma teilen sich eine Höchstzahl an Tickets für einen Zeitraum; die Grenze wird an der Firma festgelegt (Listen > Firmen).
setting-user-company-view = Benutzer sehen alle Tickets ihrer Firma
setting-user-company-view-help = Fügt "Meine Firma" zum linken Menü der Benutzer mit dem Recht side_company hinzu. Verweigern Sie ggf. user_profil_company, damit Benutzer ihre Firma nicht ändern können.
setting-user-agency = Benutzer gehören zu Niederlassungen
setting-user-agency-help = Aktiviert Niederlassungen: die Liste der Niederlassungen, die Niederlassungen jedes Kontos und die Niederlassungsrechte an Tickets.
setting-user-limit-service = Nach Abteilung trennen
setting-user-limit-service-help = Benutzer sehen nur die Tickets ihrer Abteilungen, und Kategorien, Unterkategorien, Prioritäten und Kritikalitäten können an eine Abteilung gebunden werden.

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
