# Names of the built-in rows of the editable lists.
state-unassigned = Nicht zugewiesen
state-unassigned-desc = Tickets, die noch keinem Techniker zugewiesen sind
state-unassigned-mail = Ticket eingegangen
state-waiting = Wartet auf Bearbeitung
state-waiting-desc = Tickets, die auf Übernahme warten
state-waiting-mail = Ticket eröffnet
state-in-progress = In Bearbeitung
state-in-progress-desc = Tickets, die bearbeitet werden
state-in-progress-mail = Ticket aktualisiert
state-waiting-user = Wartet auf Benutzer
state-waiting-user-desc = Tickets, die auf Angaben des Anfragenden warten
state-waiting-user-mail = Wartet auf Ihre Antwort
state-resolved = Gelöst
state-resolved-desc = Gelöste Tickets
state-resolved-mail = Ticket geschlossen
state-rejected = Abgelehnt
state-rejected-desc = Abgelehnte Tickets
state-rejected-mail = Ticket abgelehnt

priority-urgent = Dringend
priority-very-high = Sehr hoch
priority-high = Hoch
priority-medium = Mittel
priority-low = Niedrig
priority-very-low = Sehr niedrig

criticality-critical = Kritisch
criticality-serious = Schwer
criticality-medium = Mittel
criticality-low = Gering

type-request = Anfrage
type-incident = Störung

category-software = Software
category-hardware = Hardware
subcategory-office = Bürosoftware
subcategory-pc = PC

time-1-minute = 1 Minute
time-5-minutes = 5 Minuten
time-10-minutes = 10 Minuten
time-30-minutes = 30 Minuten
time-1-hour = 1 Stunde
time-3-hours = 3 Stunden
time-5-hours = 5 Stunden
time-1-day = 1 Tag
time-2-days = 2 Tage
time-1-week = 1 Woche

asset-type-pc = PC
asset-type-laptop = Laptop
asset-type-printer = Drucker
asset-type-phone = IP-Telefon
asset-type-switch = Switch
asset-type-server = Server
asset-state-stock = Im Lager
asset-state-stock-desc = Gerät im Lager
asset-state-installed = Installiert
asset-state-installed-desc = Gerät im Betrieb installiert
asset-state-standby = Zurückgestellt
asset-state-standby-desc = Gerät beiseitegelegt
asset-state-recycled = Entsorgt
asset-state-recycled-desc = Gerät recycelt oder entsorgt
iface-role-lan = Kabelnetzwerk
iface-role-wifi = WLAN

lists-title = Listen
lists-add = Eintrag hinzufügen
lists-empty = Diese Liste ist leer.
lists-disabled-badge = deaktiviert
lists-builtin-badge = eingebaut
lists-confirm-delete = Diesen Eintrag löschen?
lists-delete-refused = Dieser Eintrag kann nicht gelöscht werden.
lists-disable-instead = Deaktivieren Sie ihn stattdessen: Er bleibt dort, wo er verwendet wird, wird aber nicht mehr angeboten.
list-builtin-no-delete = Eingebaute Einträge braucht Gestdesk, sie können nicht gelöscht werden; Sie können sie umbenennen.
list-categories = Kategorien
list-subcategories = Unterkategorien
list-states = Ticketstatus
list-priorities = Prioritäten
list-criticalities = Kritikalitäten
list-types = Tickettypen
list-times = Zeiten
list-places = Orte
list-templates = Ticketvorlagen
list-services = Abteilungen
list-companies = Firmen
list-agencies = Niederlassungen
list-asset-types = Gerätetypen
list-asset-manufacturers = Gerätehersteller
list-asset-models = Gerätemodelle
list-asset-states = Gerätestatus
list-asset-networks = Netzwerke
list-asset-locations = Gerätestandorte
list-iface-roles = Rollen der Netzwerkschnittstellen
list-col-name = Name
list-col-position = Reihenfolge
list-col-color = Farbe
list-col-service = Abteilung
list-col-type = Tickettyp
list-col-category = Kategorie
list-col-meta = Teil von "zu bearbeiten"
list-col-mail = E-Mail-Adresse
list-col-minutes = Minuten
list-col-address = Adresse
list-col-zip = Postleitzahl
list-col-city = Ort
list-col-country = Land
list-col-limit-number = Ticketgrenze
list-col-limit-days = Zeitraum der Grenze (Tage)
list-col-limit-start = Grenze gezählt ab
list-col-virtualization = Kann virtuell sein
list-col-asset-type = Gerätetyp
list-col-manufacturer = Hersteller
list-col-ip = Hat eine IP-Adresse
list-col-wifi = Hat WLAN
list-col-warranty = Garantie (Jahre)
list-col-block-ip = Sperrt seine IP-Adressen
list-col-network = Netzwerk (Adresse oder Adresse/Präfix)
list-col-netmask = Netzmaske
list-col-scan = Gescannt
usage-tickets = verwendet von { $count ->
        [one] einem Ticket
       *[other] { $count } Tickets
    }
usage-tickets-sender = als Abteilung des Anfragenden verwendet von { $count ->
        [one] einem Ticket
       *[other] { $count } Tickets
    }
usage-subcategories = verwendet von { $count ->
        [one] einer Unterkategorie
       *[other] { $count } Unterkategorien
    }
usage-categories = verwendet von { $count ->
        [one] einer Kategorie
       *[other] { $count } Kategorien
    }
usage-views = verwendet von { $count ->
        [one] einer persönlichen Ansicht
       *[other] { $count } persönlichen Ansichten
    }
usage-thread-entries = verwendet von { $count ->
        [one] einem Eintrag im Ticketverlauf
       *[other] { $count } Einträgen im Ticketverlauf
    }
usage-users = verwendet von { $count ->
        [one] einem Benutzer
       *[other] { $count } Benutzern
    }
usage-groups = verwendet von { $count ->
        [one] einer Gruppe
       *[other] { $count } Gruppen
    }
usage-criticalities = verwendet von { $count ->
        [one] einer Kritikalität
       *[other] { $count } Kritikalitäten
    }
usage-priorities = verwendet von { $count ->
        [one] einer Priorität
       *[other] { $count } Prioritäten
    }
usage-types = verwendet von { $count ->
        [one] einem Tickettyp
       *[other] { $count } Tickettypen
    }
usage-models = verwendet von { $count ->
        [one] einem Gerätemodell
       *[other] { $count } Gerätemodellen
    }
list-col-ticket = Ticketnummer
error-duplicate-name = „{ $name }“ steht bereits in dieser Liste (Namen werden ohne Groß-/Kleinschreibung und Akzente verglichen).
list-col-technician = Standard-Techniker
list-col-tech-group = Standard-Technikergruppe
list-col-legal-status = Rechtsform
list-col-siret = Registernummer
list-col-vat = USt-IdNr.
list-col-comment = Kommentar
list-col-information-message = Hinweis für ihre Benutzer
list-col-limit-hours = Stundenlimit
list-col-limit-hour-days = Zeitraum des Stundenlimits (Tage)
list-col-limit-hour-start = Stundenlimit ab
list-col-user-validation = Bestätigung durch den Anfragenden
setting-company-limit-hour = Stundenlimits je Firma
setting-company-limit-hour-help = Firmen erhalten ein Stundenlimit über einen Zeitraum, neben dem Ticketlimit, festgelegt bei jeder Firma unter Administration > Listen.
company-message-title = Ein Hinweis Ihrer Firma
list-col-no-user-validation = Ohne Bestätigung durch den Anfragenden
list-answer-types = Antwortarten
agency-move-link = Tickets verschieben
agency-move-title = Die Tickets einer Niederlassung verschieben
agency-move-count = { $count ->
        [0] Niederlassung { $agency } hat kein Ticket.
        [one] Niederlassung { $agency } hat ein Ticket.
       *[other] Niederlassung { $agency } hat { $count } Tickets.
    }
agency-move-to = Verschieben zur Niederlassung
agency-move-next = Weiter
agency-move-no-target = Es gibt keine andere aktive Niederlassung, zu der sie verschoben werden können.
agency-move-target-invalid = Wählen Sie eine andere aktive Niederlassung.
agency-move-confirm = { $count ->
        [one] Ein Ticket der Niederlassung { $from } wird zur Niederlassung { $to } verschoben.
       *[other] { $count } Tickets der Niederlassung { $from } werden zur Niederlassung { $to } verschoben.
    } Das lässt sich nicht mit einem Klick rückgängig machen.
agency-move-do = Verschieben
agency-move-done = { $count ->
        [0] Kein Ticket der Niederlassung { $from } zur Niederlassung { $to } verschoben.
        [one] Ein Ticket der Niederlassung { $from } zur Niederlassung { $to } verschoben.
       *[other] { $count } Tickets der Niederlassung { $from } zur Niederlassung { $to } verschoben.
    }
agency-move-back = Zurück zu den Niederlassungen
