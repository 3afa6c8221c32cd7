# Page frame, languages, errors and validation messages.
language-name = Deutsch

layout-skip-to-content = Zum Inhalt springen
layout-menu = Menü
layout-profile = Profil
layout-logout = Abmelden

menu-administration = Verwaltung
menu-system = System

flash-logged-out = Sie sind abgemeldet.
flash-session-expired = Ihre Sitzung wurde nach einer Zeit der Inaktivität beendet. Bitte melden Sie sich erneut an.
flash-password-changed = Ihr Passwort wurde geändert.
flash-welcome = Willkommen! Ihr Administratorkonto ist bereit.
flash-language-changed = Die Sprache wurde geändert.

error-back-home = Zurück zur Startseite
error-not-found-title = Seite nicht gefunden
error-not-found-text = Diese Adresse entspricht keiner Gestdesk-Seite. Prüfen Sie den Link oder kehren Sie zur Startseite zurück.
error-method-text = Diese Seite kann so nicht verwendet werden.
error-forbidden-title = Zugriff verweigert
error-forbidden-text = Ihr Profil gibt keinen Zugriff auf diese Seite. Fragen Sie einen Administrator, wenn Sie ihn brauchen.
error-csrf-title = Formular abgelaufen
error-csrf-text = Dieses Formular ist abgelaufen oder stammt nicht von Gestdesk; es wurde nichts geändert. Laden Sie die Seite neu und versuchen Sie es erneut.
error-bad-request-title = Unlesbare Anfrage
error-bad-request-text = Die gesendeten Daten konnten nicht gelesen werden; es wurde nichts geändert. Laden Sie die Seite neu und versuchen Sie es erneut.
error-too-large-title = Zu groß
error-too-large-text = Dieses Formular ist größer, als ein Formular der Anwendung sein darf. Es wurde nichts gespeichert.
error-busy-title = Bitte warten
error-busy-text = Ein anderes Formular von Ihnen mit Dateien wird noch gesendet. Warten Sie, bis es fertig ist, und senden Sie dieses erneut.
error-internal-title = Serverfehler
error-internal-text = Ein unerwarteter Fehler ist aufgetreten und wurde protokolliert; es wurde nichts geändert. Bitte versuchen Sie es gleich noch einmal.

error-required = Dieses Feld ist erforderlich.
error-too-long = Höchstens { $max } Zeichen.
error-invalid-characters = Dieses Feld enthält nicht erlaubte Zeichen.
error-login-required = Geben Sie einen Benutzernamen ein.
error-login-invalid = Ein Benutzername darf keine Leerzeichen und nicht die Zeichen / \ " < > enthalten.
error-login-taken = Dieser Benutzername ist bereits vergeben.
error-mail-invalid = Diese E-Mail-Adresse ist ungültig (Beispiel: vorname.nachname@example.com).
error-password-too-short = Das Passwort muss mindestens { $min } Zeichen haben.
error-password-common = Dieses Passwort gehört zu denen, die alle zuerst probieren; wählen Sie ein anderes.
error-password-too-long = Das Passwort darf nicht länger als { $max } Bytes sein.
error-password-mismatch = Die beiden Passwörter stimmen nicht überein.
error-password-wrong = Das aktuelle Passwort ist falsch.
error-password-locked = Zu oft ein falsches aktuelles Passwort. Versuchen Sie es in { $minutes ->
        [one] einer Minute
       *[other] { $minutes } Minuten
    } erneut.
error-password-unchanged = Das neue Passwort muss sich vom aktuellen unterscheiden.
error-language-unknown = Diese Sprache ist nicht verfügbar.

action-add = Hinzufügen
action-back = Zurück
action-cancel = Abbrechen
action-delete = Löschen
action-disable = Deaktivieren
action-edit = Bearbeiten
action-enable = Aktivieren
action-remove = Entfernen
action-save = Speichern
search-submit = Suchen
col-actions = Aktionen
choice-default = Standard
choice-none = Keine
choice-yes = Ja
choice-no = Nein
form-has-errors = Einige Felder müssen korrigiert werden; es wurde nichts gespeichert.
pager-label = Seiten
pager-previous = Zurück
pager-next = Weiter

flash-saved = Änderungen gespeichert.
flash-deleted = Gelöscht.
flash-disabled = Deaktiviert.
flash-enabled = Wieder aktiviert.
flash-account-created = Das Konto wurde angelegt.

error-cannot-disable-self = Sie können Ihr eigenes Konto nicht deaktivieren.
error-color = Geben Sie eine Farbe als #rrggbb ein (zum Beispiel #d15b47).
error-date = Geben Sie ein Datum als JJJJ-MM-TT ein.
error-duplicate = Dieser Wert wird bereits verwendet.
error-group-in-use = Diese Gruppe wird von { $count ->
        [one] einem Ticket oder einer Kategorie
       *[other] { $count } Tickets oder Kategorien
    } verwendet; sie kann nicht gelöscht werden.
error-ipv4 = Geben Sie eine IPv4-Adresse ein (zum Beispiel 192.168.1.0).
error-netmask = Geben Sie eine Netzmaske ein (zum Beispiel 255.255.255.0).
error-not-a-technician = Hier können nur Techniker und Administratoren gewählt werden.
error-number-range = Geben Sie eine ganze Zahl von { $min } bis { $max } ein.
error-phone-invalid = Eine Telefonnummer darf nur Ziffern, Leerzeichen und + . - ( ) / enthalten.
error-setting-flag = Wählen Sie Ja oder Nein.
error-setting-unknown = Diese Einstellung gibt es nicht.
error-too-many-registrations = In der letzten Stunde wurden zu viele Konten von Ihrer Adresse angelegt. Bitte versuchen Sie es später erneut.
error-unknown-choice = Wählen Sie einen Eintrag aus der Liste.

menu-users = Benutzer
menu-groups = Gruppen
menu-lists = Listen
menu-rights = Rechte
menu-settings = Einstellungen
cli-backup-done = Sicherung geschrieben: { $path } ({ $size } MB, { $tickets } Tickets, { $attachments } Anhänge) in { $seconds } s.
cli-restore-done = Sicherung wiederhergestellt: { $tickets } Tickets, { $users } Benutzer, { $attachments } Anhänge, in { $seconds } s. Die ersetzten Daten liegen in { $kept }.
cli-restore-in-use = Gestdesk läuft auf diesem Datenverzeichnis: Beenden Sie es und stellen Sie dann wieder her.
error-storage-title = Speichern gerade nicht möglich
error-storage-full-text = Die Festplatte des Servers ist voll, daher konnte nichts gespeichert werden; die vorhandenen Daten sind unversehrt. Informieren Sie den Administrator und versuchen Sie es erneut, sobald Platz frei ist.
error-storage-readonly-text = Der Server kann seine Daten nicht schreiben (Datenverzeichnis schreibgeschützt oder Festplatte defekt), daher konnte nichts gespeichert werden; die vorhandenen Daten sind unversehrt. Informieren Sie den Administrator.
error-last-administrator = Abgelehnt: Kein aktives Konto könnte mehr verwalten. Behalten Sie mindestens ein aktives Konto, dessen Profil das Recht admin hat.
setting-default-language = Standardsprache
setting-default-language-help = Die Sprache der Seiten für Besucher, deren Browser keine der vier verlangt, und der Mails an Benutzer ohne gewählte Sprache. Zuerst von der Einrichtungsseite übernommen.
lang-choice-fr = Français
lang-choice-en = English
lang-choice-es = Español
lang-choice-de = Deutsch
setting-name-order = Namensreihenfolge
setting-name-order-help = Wie Personennamen überall erscheinen: in Listen, Auswahlfeldern, im Verlauf und in Mails. Personenlisten werden ebenso sortiert.
name-order-first-last = Vorname Nachname
name-order-last-first = Nachname Vorname
setting-user-validation = Bestätigung durch den Anfragenden
setting-user-validation-help = Ein von einem Techniker gelöstes Ticket wartet, bis der Anfragende die Lösung bestätigt oder das Ticket wieder öffnet. Kategorien und Unterkategorien lassen sich unter Verwaltung > Listen ausnehmen.
setting-user-validation-delay = Tage, bis eine unbeantwortete Lösung als bestätigt gilt
setting-user-validation-delay-help = Ohne Antwort gilt die Lösung nach so vielen Tagen als bestätigt; der Anfragende wird am Vortag per Mail erinnert.
setting-user-validation-perimeter = Tickets mit Bestätigung
setting-user-validation-perimeter-help = Alle Tickets oder nur die, deren Typ es verlangt (Verwaltung > Listen > Typen).
validation-perimeter-type = Die, deren Typ es verlangt
validation-perimeter-all = Alle Tickets
error-conflict-title = Gerade nicht möglich
error-invalid-title = Nicht angenommen
