# Tickets: the form, the thread, attachments, reminders.
menu-new-ticket = Neues Ticket
menu-tickets-left = { $count ->
        [one] noch eines
       *[other] noch { $count }
    }

ticket-new-title = Neues Ticket
ticket-create = Ticket anlegen
ticket-send = Senden
ticket-use-template = Von einer Vorlage ausgehen
ticket-use-template-submit = Verwenden
ticket-limit-left = { $count ->
        [0] Sie können vorerst keine Tickets mehr eröffnen: Ihre Ticketgrenze ist erreicht.
        [one] Sie können noch ein Ticket eröffnen.
       *[other] Sie können noch { $count } Tickets eröffnen.
    }
ticket-summary = Ticket Nr. { $id }, eröffnet am { $date }
ticket-section-people = Personen
ticket-section-classification = Einordnung
ticket-section-request = Anliegen
ticket-section-dates = Daten und Zeiten
ticket-field-requester = Anfragender
ticket-field-type = Typ
ticket-field-technician = Techniker
ticket-field-category = Kategorie
ticket-field-subcategory = Unterkategorie
ticket-field-place = Ort
ticket-field-asset = Gerät
ticket-asset-search = Gerät suchen: Name, Seriennummer, IP- oder MAC-Adresse
ticket-error-asset-not-requesters = Wählen Sie ein Gerät des Anfragenden.
ticket-field-service = Abteilung
ticket-field-agency = Niederlassung
ticket-field-title = Titel
ticket-field-description = Beschreibung
ticket-field-created = Eröffnet am
ticket-field-hope-date = Gewünschtes Lösungsdatum
ticket-field-resolved = Gelöst am
ticket-field-time-spent = Aufgewendete Zeit
ticket-field-time-hope = Geschätzte Zeit
ticket-field-priority = Priorität
ticket-field-criticality = Kritikalität
ticket-field-state = Status
ticket-warning-empty = Noch nicht gewählt
ticket-requester-mail = E-Mail
ticket-requester-phone = Telefon
ticket-now-value = Inzwischen gespeichert: { $value }
ticket-conflict = Jemand hat dieses Ticket gespeichert, während Sie es bearbeitet haben. Die unten markierten Felder haben Sie beide geändert: Prüfen Sie sie und speichern Sie erneut, um Ihre Fassung zu behalten. Ihre übrigen Änderungen sind noch nicht gespeichert.
ticket-close = Ticket schließen
ticket-close-confirm = Dieses Ticket schließen? Es wird als gelöst markiert.
ticket-duplicate = Duplizieren
ticket-thread = Lösung
ticket-reply = Antwort hinzufügen
ticket-reply-private = Für den Anfragenden verborgen
ticket-save-and-send = Speichern und senden
ticket-attachments = Anhänge
ticket-attachments-none = Kein Anhang.
ticket-attachments-add = Dateien anhängen
ticket-attachments-hint = { $count ->
        [0] Keine weitere Datei
        [one] Bis zu eine weitere Datei
       *[other] Bis zu { $count } weitere Dateien
    }, je { $size } MB: Dokumente, Bilder, Texte, E-Mails, Archive, Audio oder Video.
ticket-attachment-confirm-delete = Diesen Anhang entfernen?

md-toolbar = Formatierung
md-bold = Fett
md-italic = Kursiv
md-list = Liste
md-link = Link
md-code = Code
md-hint = Markdown-Formatierung: **fett**, *kursiv*, - Listen, [Text](https://link).

thread-opened = { $who } hat das Ticket eröffnet.
thread-assigned = { $who } hat das Ticket { $to } zugewiesen (vorher: { $from }).
thread-state = { $who } hat den Status von { $from } auf { $to } geändert.
thread-closed = { $who } hat das Ticket geschlossen ({ $state }).
thread-attachment = { $who } hat { $name } angehängt.
thread-attachment-removed = { $who } hat den Anhang { $name } entfernt.
thread-edited = bearbeitet
thread-private = Verborgen
thread-private-help = Der Anfragende sieht diese Antwort nicht.
thread-hide = Vor dem Anfragenden verbergen
thread-show = Dem Anfragenden zeigen
thread-confirm-delete = Diese Antwort löschen?

reminders-title = Erinnerungen
reminders-none = Keine Erinnerung gesetzt.
reminders-when = Erinnern am
reminders-text = Betreff
reminders-add = Erinnerung setzen
reminders-done = Erledigt
reminders-need-technician = Eine Erinnerung geht an den Techniker des Tickets: Weisen Sie zuerst einen zu.
reminders-too-many = Dieses Ticket hat bereits { $max } offene Erinnerungen.
reminders-nothing-due = Keine Erinnerung fällig.
reminders-due-title = Fällige Erinnerungen
reminders-due = { $count ->
        [one] Eine fällige Erinnerung
       *[other] { $count } fällige Erinnerungen
    }

quick-subcategory-title = Neue Unterkategorie

settings-next-number = Nächste Ticketnummer
settings-next-number-help = Die Nummer, die das nächste Ticket erhält. Sie kann nur steigen: nie unter die höchste bereits vergebene Nummer.

flash-ticket-created = Das Ticket wurde angelegt.
flash-ticket-merged = Gespeichert. Jemand anderes hatte inzwischen andere Felder geändert; beide Änderungen wurden behalten.
flash-ticket-closed = Das Ticket ist geschlossen.
flash-reminder-set = Erinnerung gesetzt.

error-attachment-count = Höchstens { $max } Anhänge pro Ticket.
error-attachment-name = Diese Datei hat keinen verwendbaren Namen.
error-attachment-read = Die Datei { $name } konnte nicht gespeichert werden; bitte senden Sie sie erneut.
error-attachment-size = { $name } ist größer als { $max } MB.
error-attachment-type = { $name } wird abgelehnt: Programme, Skripte und Webseiten können nicht angehängt werden.
error-attachment-kind = { $name } wird abgelehnt: Nur Dokumente, Bilder, Texte, E-Mails, Archive, Audio- und Videodateien können angehängt werden.
error-attachment-not-allowed = Hier können keine Dateien angehängt werden.
error-attachment-pending-full = Ihre Dateien, die auf ihr Formular warten, belegen bereits { $max } MB: Speichern oder verwerfen Sie zuerst dieses Formular.
error-datetime = Geben Sie ein Datum und eine Uhrzeit ein.
error-field-changed-meanwhile = Von jemand anderem geändert, während Sie bearbeitet haben.
error-hope-before-created = Das gewünschte Lösungsdatum darf nicht vor dem Eröffnungsdatum liegen.
error-resolved-before-created = Das Lösungsdatum darf nicht vor dem Eröffnungsdatum liegen.
error-next-number-too-low = Die nächste Nummer darf nicht unter { $min } liegen.
error-subcategory-not-in-category = Diese Unterkategorie gehört nicht zur gewählten Kategorie.
error-subcategory-without-category = Wählen Sie zuerst eine Kategorie.
error-ticket-changed = Das Ticket hat sich beim Speichern geändert; bitte versuchen Sie es erneut.
error-ticket-limit-reached = Ihre Ticketgrenze ({ $max }) ist erreicht: Vorerst kann kein neues Ticket eröffnet werden.
error-unknown-ticket = Es gibt kein Ticket mit dieser Nummer.
error-whole-number = Geben Sie eine ganze Zahl ein.
ticket-requester-search = Anfragenden suchen: Name, Benutzername, E-Mail oder Firma
ticket-requester-search-none = Niemand gefunden.
error-attachment-bomb = { $name } wird abgelehnt: Dieses Archiv würde sich auf ein Vielfaches seiner Größe entpacken.

md-quote = Zitat
md-paste-hint = Bild hier einfügen oder ablegen
md-paste-busy = Bild wird angehängt…
ticket-changed-live = Inzwischen von jemand anderem geändert, jetzt:
ticket-fields = Ticketdetails
ticket-save-and-close = Speichern und schließen
error-paste-not-picture = Nur Bilder (PNG, JPEG, GIF, WebP) können in einen Text eingefügt werden; andere Dateien unten anhängen.
setting-reply-reopens = Eine Antwort des Anfragenden öffnet ein gelöstes Ticket wieder
setting-reply-reopens-help = Antwortet der Anfragende auf ein gelöstes Ticket, geht es zurück auf „In Bearbeitung“ (oder „Nicht zugewiesen“, wenn es niemand hat).
ticket-description-edit = Beschreibung bearbeiten
thread-by-system = Gestdesk
reminders-bell-label = Erinnerungen
reminders-due-notice = Eine Erinnerung ist fällig.
reminders-past = Dieses Datum liegt in der Vergangenheit: Wählen Sie einen künftigen Zeitpunkt.
ticket-template-save = Als Vorlage speichern…
ticket-template-name = Name der Vorlage
ticket-template-save-submit = Vorlage speichern
flash-template-saved = Als Vorlage gespeichert: Neue Tickets können davon ausgehen.
md-paste-failed = Das Bild konnte nicht angehängt werden; versuchen Sie es erneut oder hängen Sie es unten an.
ticket-technician-search = Techniker oder Gruppe suchen
person-search = Name, Benutzername, Mail oder Firma eingeben
person-remove = Entfernen
menu-hours-left = noch { $hours } Std.
ticket-hours-left = Ihre Firma ({ $company }) hat in diesem Zeitraum noch { $hours } Std. Arbeit offen.
ticket-hours-used-up = Ihre Firma ({ $company }) hat alle Stunden dieses Zeitraums verbraucht: Derzeit kann kein neues Ticket eröffnet werden.
error-hour-limit-reached = Die Stunden von { $company } für diesen Zeitraum sind verbraucht: Derzeit kann kein neues Ticket eröffnet werden.
validation-not-awaiting = Diese Lösung wartet nicht mehr auf eine Antwort.
validation-heading = Lösung zu bestätigen
validation-question = Dieses Ticket wurde gelöst. Löst das Ihr Problem? Ohne Antwort gilt die Lösung am { $date } als bestätigt.
validation-accept = Ja, es ist gelöst
validation-reopen = Nein, Ticket wieder öffnen
validation-reopen-confirm = Ticket wieder öffnen? Danach können Sie in einer Antwort schreiben, was noch nicht stimmt.
validation-awaiting = Wartet auf die Bestätigung des Anfragenden; die Lösung gilt am { $date } als bestätigt.
validation-confirm = Der Anfragende hat bestätigt
validation-confirm-help = Festhalten, dass der Anfragende die Lösung bestätigt hat (am Telefon, persönlich)?
validation-accepted = Lösung bestätigt von { $name } am { $date }.
validation-confirmed = Die Bestätigung des Anfragenden hat { $name } am { $date } eingetragen.
validation-expired = Lösung ohne Antwort bestätigt am { $date }.
validation-mark = zu bestätigen
flash-resolution-accepted = Danke: Die Lösung ist bestätigt.
flash-ticket-reopened = Das Ticket ist wieder offen; schreiben Sie in einer Antwort, was noch nicht stimmt.

ticket-print = Drucken
ticket-printed-on = Gedruckt am { $date }
ticket-reopen = Wieder öffnen
ticket-reopen-not-closed = Dieses Ticket ist nicht geschlossen: Es gibt nichts wieder zu öffnen.
ticket-observers = Beobachter
ticket-observers-none = Niemand beobachtet dieses Ticket.
ticket-observer-stop = Nicht mehr beobachten
ticket-observer-add = Beobachter hinzufügen
ticket-observer-add-submit = Hinzufügen
ticket-observer-unknown = Wählen Sie eine aktive Person (oder eine Technikergruppe) aus der Liste.
ticket-observers-full = Dieses Ticket hat bereits so viele Beobachter, wie es haben kann.
thread-observer-added = { $who } hat { $observer } als Beobachter hinzugefügt.
thread-observer-removed = { $who } hat { $observer } aus den Beobachtern entfernt.
thread-merged-into = { $who } hat dieses Ticket in { $other } zusammengeführt.
thread-merged-from = { $who } hat das Ticket { $other } in dieses zusammengeführt.
thread-open-other = Öffnen
ticket-merge = Zusammenführen
ticket-merge-target = Dieses Ticket zusammenführen in Ticket Nummer
ticket-merge-hint = Seine Antworten, Mails, Dateien und Beobachter gehen in jenes Ticket über, und dieses wird geschlossen.
ticket-merge-submit = Zusammenführen
ticket-merge-confirm = Dieses Ticket in das andere zusammenführen? Das lässt sich nicht rückgängig machen.
ticket-merge-same = Ein Ticket kann nicht in sich selbst zusammengeführt werden.
ticket-merge-unknown = Es gibt kein für Sie sichtbares Ticket mit dieser Nummer.
ticket-merge-target-merged = Jenes Ticket wurde selbst in ein anderes zusammengeführt; führen Sie in jenes zusammen.
ticket-merge-already = Dieses Ticket wurde bereits in ein anderes zusammengeführt.
ticket-merged-banner = Dieses Ticket wurde in { $other } zusammengeführt; es geht dort weiter.
flash-ticket-merged-into = Zusammengeführt. Die Unterhaltung geht in diesem Ticket weiter.
mail-merged-into = Ihre Anfrage wurde in Ticket { $other } zusammengeführt, das dasselbe Problem behandelt; verfolgen Sie sie dort.
ticket-delete-confirm = Dieses Ticket löschen? Es verschwindet aus allen Listen und Suchen.
ticket-around = Tickets der Liste
ticket-previous = Vorheriges Ticket der Liste
ticket-next = Nächstes Ticket der Liste
ticket-field-billable = Abrechenbar
error-other-service = Diese Auswahl gehört zu einem anderen Service als dem des Tickets.
ticket-field-sender-service = Service des Anfragenden
ticket-save-hidden-reply = Als verborgene Antwort speichern
ticket-new-reply = Erste Antwort (Lösung)
ticket-field-answer-type = Antwortart
