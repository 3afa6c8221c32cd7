# Finding work: ticket lists, menu counters, the user bar, activity, supervision, export.

menu-your-tickets = Ihre Tickets
menu-all-tickets = Alle Tickets
menu-shared-views = Gemeinsame Ansichten
menu-personal-views = Persönliche Ansichten
menu-all-states = Alle Status
menu-unread = Noch nicht gelesen
menu-supervision = Überwachungsbildschirm
state-meta-short = Zu bearbeiten
state-active = Wartend und in Bearbeitung
state-all = Alle Status

col-number = Nr.
col-type = Typ
col-technician = Techniker
col-requester = Anfragender
col-company = Firma
col-service = Abteilung
col-agency = Niederlassung
col-place = Ort
col-asset = Gerät
col-category = Kategorie
col-subcategory = Unterkategorie
col-title = Titel
col-created = Eröffnet
col-hope-date = Wunschdatum
col-resolved = Gelöst
col-modified = Geändert
col-priority = Priorität
col-criticality = Kritikalität
col-state = Status

list-caption = Tickets dieser Ansicht
list-empty = Kein Ticket in dieser Ansicht.
list-count = { $count ->
    [one] Ein Ticket
   *[other] { $count } Tickets
}
list-count-more = { $count ->
    [one] Mehr als ein Ticket
   *[other] Mehr als { $count } Tickets
}
list-sort-by = Nach dieser Spalte sortieren (erneut zum Umkehren)
list-filter-label = Nach { $column } filtern
list-filter-any = Alle
list-filter-apply = Filtern
list-filter-ignored = { $column }: { $problem } Dieser Filter wurde nicht angewandt.
list-search-label = In dieser Ansicht suchen
list-search-placeholder = Suche: Nummer, Titel, Text, Anfragender…
list-clear = Suche und Filter löschen
list-export = Exportieren (CSV)
list-export-page = Diese Seite exportieren
list-export-all = Alle Tickets exportieren
list-num-unread = Von seinem Techniker noch nicht gelesen
list-num-unanswered = Von seinem Techniker gelesen, noch keine Antwort
list-num-advanced = Ein Techniker hat heute geantwortet
list-num-other = Andere Tickets
list-mark-new = Heute eröffnet
list-mark-new-period = Im gewählten Zeitraum eröffnet
list-mark-overdue = Das gewünschte Lösungsdatum ist überschritten
list-mark-hope-missing = Das gewünschte Lösungsdatum ist Pflicht und fehlt
list-mark-attachment = Hat Anhänge
error-ticket-number = Geben Sie eine Ticketnummer ein.

activity-title = Aktivität
activity-from = Von
activity-to = Bis
activity-show = Anzeigen
activity-opened = Eröffnet
activity-opened-help = Im Zeitraum eröffnete Tickets
activity-closed = Geschlossen
activity-closed-help = Im Zeitraum gelöste oder abgelehnte Tickets
activity-advanced = Vorangebracht
activity-advanced-help = Tickets, auf die ein Techniker im Zeitraum geantwortet hat

bar-activity = Aktivität
bar-activity-help = Heute eröffnete, geschlossene oder vorangebrachte Tickets
bar-to-handle = Zu bearbeiten
bar-to-handle-help = Ihre wartenden oder laufenden Tickets / dieselben plus die, die auf ihren Benutzer warten
bar-workload = Arbeitslast
bar-workload-help = Geschätzte, noch nicht aufgewendete Zeit Ihrer offenen Tickets
bar-hours = { $hours } Std.
bar-resolved = Gelöst
bar-resolved-help = Ihre gelösten Tickets
bar-new-help = Neue Tickets, die noch niemand hat

supervision-title = Überwachung
supervision-new = Neue Tickets
supervision-critical = Offene kritische Tickets
supervision-opened-today = Heute eröffnet
supervision-closed-today = Heute geschlossen
supervision-open = Alle offenen Tickets
supervision-to-handle = Alle zu bearbeitenden Tickets
supervision-waiting-user = Warten auf ihren Benutzer
supervision-newest = Neueste Tickets, die noch niemand hat
supervision-none = Keine: Jedes Ticket hat einen Techniker.
supervision-sound = Ton einschalten

setting-meta-state = Ansicht "Zu bearbeiten"
setting-meta-state-help = Bietet die Ansicht "Zu bearbeiten": wartend, in Bearbeitung und wartet auf Benutzer zusammen.
setting-ticket-order = Sortierung der Ticketliste
setting-ticket-order-help = Wie Listen sortiert werden, sofern ein Benutzer keine eigene Sortierung gewählt hat oder auf eine Spalte klickt.
setting-default-state = Liste nach der Anmeldung
setting-default-state-help = Die Tickets, die Benutzer nach der Anmeldung sehen, sofern sie keine eigenen gewählt haben.
setting-notify = Ton für neue Tickets
setting-notify-help = Techniker hören einen Ton, wenn ein Benutzer ein Ticket eröffnet, solange Gestdesk in ihrem Browser geöffnet ist.
setting-csv-separator = CSV-Trennzeichen
setting-csv-separator-help = Das Trennzeichen exportierter CSV-Dateien; deutsche Tabellenkalkulationen erwarten ein Semikolon.
setting-csv-semicolon = Semikolon (;)
setting-csv-comma = Komma (,)
col-requester-service = Abteilung des Anfragenden
col-time-spent = Aufgewendete Zeit
col-time-spent-minutes = Aufgewendete Zeit (Minuten)
bar-new = Neu
bar-active-label = { $count ->
        [0] Keines Ihrer Tickets wartet oder ist in Bearbeitung
        [one] Eines Ihrer Tickets wartet oder ist in Bearbeitung
       *[other] { $count } Ihrer Tickets warten oder sind in Bearbeitung
    }
bar-meta-label = { $count ->
        [0] Keines Ihrer Tickets ist zu bearbeiten
        [one] Eines Ihrer Tickets ist zu bearbeiten
       *[other] { $count } Ihrer Tickets sind zu bearbeiten
    }
menu-observed = Von mir beobachtete Tickets
bulk-scope = Anwenden auf
bulk-scope-selected = Die angehakten Tickets
bulk-scope-page = Alle Tickets dieser Seite
bulk-scope-view = { $count ->
    [one] Das einzige Ticket dieser Ansicht
   *[other] Alle { $count } Tickets dieser Ansicht
}
bulk-action = Aktion
bulk-read = Als gelesen markieren
bulk-unread = Als ungelesen markieren
bulk-state = Status ändern
bulk-assign = Zuweisen
bulk-priority = Priorität ändern
bulk-delete = Löschen
bulk-apply = Anwenden
bulk-confirm-delete = Die gewählten Tickets löschen?
bulk-select-one = Ticket { $number } auswählen
bulk-select-page = Alle Tickets dieser Seite auswählen
bulk-title = Aktion auf mehreren Tickets
bulk-done = { $count ->
    [one] Auf einem Ticket ausgeführt.
   *[other] Auf { $count } Tickets ausgeführt.
}
bulk-refused = { $count ->
    [one] Ein Ticket blieb unverändert
   *[other] { $count } Tickets blieben unverändert
}
bulk-back = Zurück zur Liste
bulk-no-action = Wählen Sie eine Aktion und den Wert, den sie braucht.
bulk-nothing-selected = Es wurde kein Ticket ausgewählt.
bulk-too-many = Eine Aktion umfasst höchstens { $max } Tickets; schränken Sie zuerst die Ansicht ein.
bulk-not-found = Sie sehen dieses Ticket nicht.
bulk-forbidden = Ihr Profil erlaubt diese Änderung nicht.
bulk-invalid = Diese Änderung ist für dieses Ticket nicht gültig.
col-billable = Abrechenbar
bulk-hint = Haken Sie Tickets an, um mehrere auf einmal zu bearbeiten.
