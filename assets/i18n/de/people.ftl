# Accounts, groups, profile, personal views, self-registration.
users-title = Benutzer
users-new-title = Neuer Benutzer
users-edit-title = Benutzer: { $name }
users-search = Nach Name, Benutzername, E-Mail oder Firma suchen
users-add = Benutzer hinzufügen
users-create = Konto anlegen
users-active = Aktiv
users-disabled = Deaktiviert
users-count = { $count ->
        [one] Ein Konto
       *[other] { $count } Konten
    }
users-none = Kein Konto passt.
users-col-name = Name
users-col-login = Benutzername
users-col-mail = E-Mail
users-col-company = Firma
users-col-profile = Profil
users-col-last-login = Letzte Anmeldung
users-confirm-disable = Dieses Konto deaktivieren? Der Benutzer kann sich nicht mehr anmelden; seine Tickets bleiben erhalten.
users-is-disabled = Dieses Konto ist deaktiviert: Sein Benutzer kann sich nicht anmelden.
users-disabled-badge = deaktiviert
users-requesters-title = Zugeordnete Anfragende
users-requesters-help = Ein Ticket, das einer dieser Benutzer (oder ein Mitglied einer dieser Gruppen) öffnet, geht automatisch an diesen Techniker.
users-requesters-none = Kein Anfragender zugeordnet.
users-requesters-add = Anfragenden zuordnen
users-groups-title = Gruppen
users-groups-none = Mitglied keiner Gruppe.

user-section-identity = Identität
user-section-details = Details
user-section-organisation = Organisation und Zugang
user-section-preferences = Vorlieben
user-section-limits = Ticketgrenze
user-field-firstname = Vorname
user-field-lastname = Nachname
user-field-login = Benutzername
user-field-mail = E-Mail-Adresse
user-field-phone = Telefon
user-field-password = Passwort
user-field-password-confirm = Passwort bestätigen
user-password-keep = Lassen Sie beide leer, um das aktuelle Passwort zu behalten.
user-field-company = Firma
user-field-mobile = Mobiltelefon
user-field-fax = Fax
user-field-function = Funktion
user-field-address1 = Adresse
user-field-address2 = Adresse (Fortsetzung)
user-field-zip = Postleitzahl
user-field-city = Ort
user-field-custom1 = Freies Feld 1
user-field-custom2 = Freies Feld 2
user-field-services = Abteilungen
user-field-agencies = Niederlassungen
user-field-profile = Profil
user-field-must-change = Muss das Passwort bei der nächsten Anmeldung ändern
user-field-language = Sprache
user-field-theme = Farbschema
user-field-default-state = Tickets nach der Anmeldung
user-field-order = Sortierung der Tickets
user-field-limit-number = Höchstzahl an Tickets
user-field-limit-days = Über wie viele Tage
user-field-limit-start = Gezählt ab
user-limit-hint = 0 bedeutet keine Grenze.

theme-blue = Blau
theme-black = Schwarz
theme-pink = Rosa
theme-grey = Grau
state-meta = Zu bearbeiten (wartend, in Bearbeitung, wartet auf Benutzer)
order-state = Status, dann Priorität, Kritikalität und Datum
order-created-desc = Neueste zuerst
order-created-asc = Älteste zuerst
order-number-desc = Ticketnummer, höchste zuerst
order-priority = Priorität, dann Datum
order-criticality = Kritikalität, dann Datum
order-hope-date = Gewünschtes Lösungsdatum, nächstes zuerst
order-modified-desc = Zuletzt geändert zuerst

profile-tab-information = Informationen
profile-tab-settings = Einstellungen
profile-groups = Meine Gruppen

views-title = Persönliche Ansichten
views-help = Eine persönliche Ansicht ist eine Verknüpfung im linken Menü zu den Tickets einer Kategorie oder Unterkategorie.
views-none = Noch keine persönliche Ansicht.
views-too-many = Sie haben bereits { $max } persönliche Ansichten; löschen Sie eine, um eine weitere hinzuzufügen.
views-name = Name der Ansicht
views-target = Kategorie oder Unterkategorie

groups-title = Gruppen
groups-tab-user = Benutzergruppen
groups-tab-technician = Technikergruppen
groups-kind-user = Benutzergruppe
groups-kind-technician = Technikergruppe
groups-none = Noch keine Gruppe.
groups-add = Neue Gruppe
groups-name = Name
groups-rename = Name der Gruppe
groups-members = Mitglieder
groups-members-none = Noch keine Mitglieder.
groups-members-count = { $count ->
        [one] ein Mitglied
       *[other] { $count } Mitglieder
    }
groups-add-member = Mitglied hinzufügen
groups-delete = Gruppe löschen
groups-confirm-delete = Diese Gruppe löschen? Ihre Mitglieder bleiben; nur die Gruppe verschwindet.

quick-user-new = Neuer Benutzer…
quick-user-title = Neuer Benutzer

register-title = Konto anlegen
register-intro = Legen Sie Ihr Konto an, um Anfragen und Störungen zu melden und zu verfolgen.
register-submit = Mein Konto anlegen
register-have-account = Ich habe bereits ein Konto
login-register = Konto anlegen
quick-user-edit = Diesen Benutzer korrigieren…
quick-user-edit-title = Benutzer korrigieren
users-locked = Dieses Konto ist nach wiederholten fehlgeschlagenen Anmeldungen bis { $until } gesperrt (von Adressen, die es nie benutzt hat).
users-unlock = Entsperren
users-erase-link = Löschen…
users-erase-title = { $name } löschen
users-erase-delete = { $name } hat kein Ticket, keine Antwort und keine Datei: Das Konto wird gelöscht.
users-erase-anonymise = { $count ->
    [0] Antworten oder Dateien von { $name } stehen in Tickets
    [one] { $name } kommt in einem Ticket vor
   *[other] { $name } kommt in { $count } Tickets vor
}: Das Konto wird anonymisiert (Name, Anmeldename, Kontaktdaten und Passwort entfernt, Konto deaktiviert), die Tickets bleiben unverändert.
users-erase-final = Dies kann nicht rückgängig gemacht werden.
users-erase-delete-button = Konto löschen
users-erase-anonymise-button = Konto anonymisieren
error-cannot-delete-self = Sie können Ihr eigenes Konto nicht löschen.
user-password-optional = Leer lassen für einen Anfragenden, der sich nicht anmeldet; ein Passwort kann später gesetzt werden.
