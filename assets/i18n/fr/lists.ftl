# Names of the built-in rows of the editable lists.
state-unassigned = Non attribué
state-unassigned-desc = Tickets pas encore associés à un technicien
state-unassigned-mail = Notification de déclaration
state-waiting = Attente de prise en charge
state-waiting-desc = Tickets en attente de prise en charge
state-waiting-mail = Notification d'ouverture
state-in-progress = En cours
state-in-progress-desc = Tickets en cours de traitement
state-in-progress-mail = Notification
state-waiting-user = Attente retour
state-waiting-user-desc = Tickets en attente d'éléments de la part du demandeur
state-waiting-user-mail = Notification d'attente de retour
state-resolved = Résolu
state-resolved-desc = Tickets résolus
state-resolved-mail = Notification de clôture
state-rejected = Rejeté
state-rejected-desc = Tickets rejetés
state-rejected-mail = Notification de rejet

priority-urgent = Urgent
priority-very-high = Très haute
priority-high = Haute
priority-medium = Moyenne
priority-low = Basse
priority-very-low = Très basse

criticality-critical = Critique
criticality-serious = Grave
criticality-medium = Moyenne
criticality-low = Basse

type-request = Demande
type-incident = Incident

category-software = Application
category-hardware = Matériel
subcategory-office = Bureautique
subcategory-pc = PC

time-1-minute = 1 minute
time-5-minutes = 5 minutes
time-10-minutes = 10 minutes
time-30-minutes = 30 minutes
time-1-hour = 1 heure
time-3-hours = 3 heures
time-5-hours = 5 heures
time-1-day = 1 jour
time-2-days = 2 jours
time-1-week = 1 semaine

asset-type-pc = PC
asset-state-stock = Stock
asset-state-stock-desc = Équipement en stock
asset-state-installed = Installé
asset-state-installed-desc = Équipement installé en production
asset-state-standby = En attente
asset-state-standby-desc = Équipement mis de côté
asset-state-recycled = Recyclé
asset-state-recycled-desc = Équipement recyclé ou jeté
iface-role-lan = Réseau filaire
iface-role-wifi = Wi-Fi
