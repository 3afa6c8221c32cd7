# Eingehende Mails: Postfächer, Abrufe, abgelehnte Mails.
settings-tab-mail-in = Eingehende Mails
settings-section-mail-in = Eingehende Mails
setting-mail-in-unknown-sender = Mail von einer unbekannten Adresse
setting-mail-in-unknown-sender-help = Wenn kein Konto die Adresse des Absenders hat: ein Benutzerkonto für ihn anlegen und sein Ticket eröffnen, oder die Mail mit einer Antwort ablehnen, die es ihm sagt.
setting-mail-in-unknown-create = Konto anlegen und Ticket eröffnen
setting-mail-in-unknown-refuse = Mit einer Antwort ablehnen
setting-mail-in-acknowledge = Per Mail eröffnete Tickets bestätigen
setting-mail-in-acknowledge-help = Der Anfragende erhält eine Mail mit der Ticketnummer, auf die er antworten kann.
mail-in-title = Eingehende Mails
mailboxes-title = Postfächer
mailboxes-help = Jede ungelesene Mail dieser Postfächer wird ein Ticket oder eine Antwort im Verlauf des Tickets, auf das sie antwortet. Gestdesk ruft sie selbst ab, im Abstand jedes Postfachs.
mailboxes-none = Noch kein Postfach.
mailbox-name = Name
mailbox-server = Server
mailbox-folder = Ordner
mailbox-after = Nach der Verarbeitung
mailbox-interval = Abrufen alle (Minuten)
mailbox-last-fetch = Letzter Abruf
mailbox-off = aus
mailbox-every-minutes = { $count ->
        [one] jede Minute
       *[other] alle { $count } Minuten
    }
mailbox-add = Postfach hinzufügen
mailbox-edit = Postfach
mail-fetches-title = Abrufverlauf
mail-rejected-link = { $count ->
        [0] Abgelehnte Mails
       *[other] Abgelehnte Mails ({ $count })
    }
mailbox-connection = Verbindung
mailbox-enabled = Dieses Postfach abrufen
mailbox-enabled-help = Ausgeschaltet wird es nur mit „Jetzt abrufen“ oder über die Kommandozeile abgerufen.
mailbox-host = Name oder Adresse des Servers
mailbox-port = Port
mailbox-security = Sicherheit
mailbox-login = Benutzername
mailbox-password = Passwort
mailbox-password-kept = Ein Passwort ist gespeichert: Feld leer lassen, um es zu behalten.
mailbox-handling = Verarbeitung
mailbox-move-to = Ordner für verarbeitete Mails
mailbox-service = Abteilung seiner Tickets
mailbox-category = Kategorie seiner Tickets
mailbox-excluded = Ausgeschlossene Adressen und Domains
mailbox-excluded-help = Getrennt durch „;“, zum Beispiel chef@example.com; newsletter.example.com. Ihre Mails werden als verarbeitet markiert, sonst nichts.
mailbox-test = Testen
mailbox-fetch-now = Jetzt abrufen
mailbox-delete-confirm = Dieses Postfach entfernen? Seine Tickets bleiben.
mailbox-test-ok = { $count ->
        [0] Anmeldung erfolgreich und Ordner geöffnet: keine ungelesene Mail wartet.
        [one] Anmeldung erfolgreich und Ordner geöffnet: eine ungelesene Mail wartet.
       *[other] Anmeldung erfolgreich und Ordner geöffnet: { $count } ungelesene Mails warten.
    }
mail-fetch-done = Gelesen: { $read }. Tickets: { $tickets }. Antworten: { $replies }. Ignoriert: { $ignored }. Abgelehnt: { $rejected }. Fehler: { $errors }.
mailbox-after-read = Als gelesen markieren
mailbox-after-move = In einen Ordner verschieben
mailbox-after-delete = Löschen
mail-in-failure-name-not-found = Der Servername wurde nicht gefunden. Prüfen Sie die Schreibweise.
mail-in-failure-refused = Der Server hat die Verbindung abgelehnt. Prüfen Sie den Port und ob der Server Verbindungen von diesem Rechner annimmt.
mail-in-failure-timeout = Der Server hat nicht rechtzeitig geantwortet.
mail-in-failure-tls = Die sichere Verbindung ist gescheitert. Prüfen Sie die gewählte Sicherheit und den Port, oder akzeptieren Sie das Zertifikat dieses Servers.
mail-in-failure-login-refused = Der Server hat Benutzername oder Passwort abgelehnt.
mail-in-failure-no-such-folder = Der Server hat diesen Ordner nicht.
mail-in-failure-busy = Dieses Postfach wird gerade abgerufen.
mail-in-failure-storage = Die Mails konnten nicht gespeichert werden: siehe Serverprotokoll.
mail-in-failure-protocol = Der Server hat unerwartet geantwortet: siehe Serverprotokoll.
mail-fetch-trigger-schedule = Zeitplan
mail-fetch-trigger-manual = Jetzt abrufen
mail-fetch-trigger-command = Kommandozeile
mail-fetches-none = Noch wurde kein Postfach abgerufen.
mail-fetch-when = Wann
mail-fetch-trigger = Ausgelöst durch
mail-fetch-read = Gelesen
mail-fetch-tickets = Tickets
mail-fetch-replies = Antworten
mail-fetch-ignored = Ignoriert
mail-fetch-rejected = Abgelehnt
mail-fetch-errors = Fehler
mail-fetch-duration = Dauer
mail-rejected-title = Abgelehnte Mails
mail-rejected-help = Mails, die nicht gelesen werden konnten, werden hier aufbewahrt statt verloren. Laden Sie eine herunter, um sie in einem Mailprogramm zu lesen.
mail-rejected-none = Keine abgelehnte Mail.
mail-rejected-count = { $count ->
        [0] Keine abgelehnte Mail.
        [one] Eine abgelehnte Mail.
       *[other] { $count } abgelehnte Mails.
    }
mail-rejected-sender = Absender
mail-rejected-subject = Betreff
mail-rejected-reason = Grund
mail-rejected-size = Größe
mail-rejected-download = Herunterladen
mail-rejected-delete-confirm = Diese Mail aus der Liste entfernen?
mail-rejected-too-large = Zu groß
mail-rejected-no-sender = Keine Absenderadresse
mail-rejected-not-a-mail = Keine lesbare Mail
error-mailbox-excluded = „{ $value }“ ist weder eine Adresse noch eine Domain.
error-mailbox-move-same = Wählen Sie einen anderen Ordner als den abgerufenen.
mail-in-no-subject = (kein Betreff)
mail-in-files-refused = Dateien der Mail, die nicht behalten wurden:
mail-in-refused-title = Ihre Mail wurde nicht angenommen
mail-in-refused-body = Dieser Helpdesk nimmt nur Mails von den Adressen seiner Benutzer an. Bitten Sie Ihre IT, Ihre Adresse hinzuzufügen, oder stellen Sie Ihre Anfrage über die Seiten des Helpdesks.
mail-in-refused-subject = Ihre Mail
outbox-kind-mail-refused = Mail abgelehnt
thread-by-mail = per Mail von { $address }
cli-mailbox-unknown = Kein Postfach heißt „{ $name }“.
cli-mailbox-none = Kein Postfach ist eingeschaltet.
cli-mail-fetched = { $mailbox } — gelesen: { $read }, Tickets: { $tickets }, Antworten: { $replies }, ignoriert: { $ignored }, abgelehnt: { $rejected }, Fehler: { $errors }, in { $seconds } s.
cli-mail-fetch-failed = Abruf nicht möglich: { $names }.
