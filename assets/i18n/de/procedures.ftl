# Prozeduren: gemeinsame Anleitungen, nach Ticketkategorie abgelegt.
menu-procedures = Prozeduren
procedures-heading = Prozeduren
procedures-search = Prozeduren durchsuchen
procedures-category = Kategorie
procedures-subcategory = Unterkategorie
procedures-all-categories = Alle Kategorien
procedures-new = Neue Prozedur
procedures-count = { $count ->
        [one] Eine Prozedur
       *[other] { $count } Prozeduren
    }
procedures-none = Noch keine Prozedur.
procedures-none-found = Keine Prozedur passt zu dieser Suche.
procedures-title = Titel
procedures-company = Firma
procedures-published = Für Anfragende veröffentlicht
procedures-published-help = Anfragende sehen sie dann bei ihren Tickets derselben Kategorie; Techniker sehen sie immer.
procedures-updated = Letzte Änderung
procedures-files = Dateien
procedures-yes = Ja
procedures-no = Nein
procedures-published-badge = Veröffentlicht
procedures-draft-badge = Nur Techniker
procedures-back = Alle Prozeduren
procedures-edit = Prozedur bearbeiten
procedures-confirm-delete = Diese Prozedur und ihre Dateien löschen?
procedures-confirm-remove-file = Diese Datei aus der Prozedur entfernen?
procedures-written-by = Verfasst von { $name } am { $date }
procedures-changed-by = geändert von { $name } am { $date }
procedures-body = Text
procedures-body-help = Markdown: **fett**, *kursiv*, Listen, Links, `Code`, Tabellen. Skripte und Stile werden entfernt.
procedures-add-files = Dateien hinzufügen
procedures-conflict = Jemand hat diese Prozedur geändert, während Sie sie bearbeitet haben. Ihr Text steht unten: prüfen Sie ihn und speichern Sie erneut, um die andere Fassung zu ersetzen.
procedures-filed-in = Kategorie: { $name }
procedures-of-company = Firma: { $name }
procedures-for-ticket = Prozeduren dieser Kategorie
usage-procedures = verwendet von { $count ->
        [one] einer Prozedur
       *[other] { $count } Prozeduren
    }
