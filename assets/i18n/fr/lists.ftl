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
asset-type-laptop = Ordinateur portable
asset-type-printer = Imprimante
asset-type-phone = Téléphone IP
asset-type-switch = Commutateur
asset-type-server = Serveur
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

lists-title = Listes
lists-add = Ajouter une entrée
lists-empty = Cette liste est vide.
lists-disabled-badge = désactivée
lists-builtin-badge = intégrée
lists-confirm-delete = Supprimer cette entrée ?
lists-delete-refused = Cette entrée ne peut pas être supprimée.
lists-disable-instead = Désactivez-la plutôt : elle reste sur ce qui l'utilise mais n'est plus proposée.
list-builtin-no-delete = Les entrées intégrées sont nécessaires à Gestdesk et ne peuvent pas être supprimées ; vous pouvez les renommer.
list-categories = Catégories
list-subcategories = Sous-catégories
list-states = États des tickets
list-priorities = Priorités
list-criticalities = Criticités
list-types = Types de tickets
list-times = Temps
list-places = Lieux
list-templates = Modèles de tickets
list-services = Services
list-companies = Sociétés
list-agencies = Agences
list-asset-types = Types d'équipements
list-asset-manufacturers = Fabricants d'équipements
list-asset-models = Modèles d'équipements
list-asset-states = États des équipements
list-asset-networks = Réseaux
list-asset-locations = Localisations des équipements
list-iface-roles = Rôles des interfaces réseau
list-col-name = Nom
list-col-position = Ordre
list-col-color = Couleur
list-col-service = Service
list-col-type = Type de ticket
list-col-category = Catégorie
list-col-meta = Compte dans « à traiter »
list-col-mail = Adresse mail
list-col-minutes = Minutes
list-col-address = Adresse
list-col-zip = Code postal
list-col-city = Ville
list-col-country = Pays
list-col-limit-number = Limite de tickets
list-col-limit-days = Période de la limite (jours)
list-col-limit-start = Limite comptée à partir du
list-col-virtualization = Peut être virtuel
list-col-asset-type = Type d'équipement
list-col-manufacturer = Fabricant
list-col-ip = Possède une adresse IP
list-col-wifi = Possède le Wi-Fi
list-col-warranty = Garantie (années)
list-col-block-ip = Bloque ses adresses IP
list-col-network = Réseau (adresse, ou adresse/préfixe)
list-col-netmask = Masque
list-col-scan = Scanné
usage-tickets = utilisée par { $count ->
        [0] aucun ticket
        [one] un ticket
       *[other] { $count } tickets
    }
usage-tickets-sender = utilisée comme service du demandeur par { $count ->
        [0] aucun ticket
        [one] un ticket
       *[other] { $count } tickets
    }
usage-subcategories = utilisée par { $count ->
        [0] aucune sous-catégorie
        [one] une sous-catégorie
       *[other] { $count } sous-catégories
    }
usage-categories = utilisée par { $count ->
        [0] aucune catégorie
        [one] une catégorie
       *[other] { $count } catégories
    }
usage-views = utilisée par { $count ->
        [0] aucune vue personnelle
        [one] une vue personnelle
       *[other] { $count } vues personnelles
    }
usage-thread-entries = utilisée par { $count ->
        [0] aucun élément d'historique de ticket
        [one] un élément d'historique de ticket
       *[other] { $count } éléments d'historique de tickets
    }
usage-users = utilisée par { $count ->
        [0] aucun utilisateur
        [one] un utilisateur
       *[other] { $count } utilisateurs
    }
usage-groups = utilisée par { $count ->
        [0] aucun groupe
        [one] un groupe
       *[other] { $count } groupes
    }
usage-criticalities = utilisée par { $count ->
        [0] aucune criticité
        [one] une criticité
       *[other] { $count } criticités
    }
usage-priorities = utilisée par { $count ->
        [0] aucune priorité
        [one] une priorité
       *[other] { $count } priorités
    }
usage-types = utilisée par { $count ->
        [0] aucun type de ticket
        [one] un type de ticket
       *[other] { $count } types de tickets
    }
usage-models = utilisée par { $count ->
        [0] aucun modèle d'équipement
        [one] un modèle d'équipement
       *[other] { $count } modèles d'équipements
    }
list-col-ticket = Numéro du ticket
error-duplicate-name = « { $name } » est déjà dans cette liste (les noms sont comparés sans tenir compte des majuscules ni des accents).
list-col-technician = Technicien par défaut
list-col-tech-group = Groupe de techniciens par défaut
list-col-legal-status = Forme juridique
list-col-siret = SIRET
list-col-vat = N° de TVA
list-col-comment = Commentaire
list-col-information-message = Message affiché à ses utilisateurs
list-col-limit-hours = Limite d’heures
list-col-limit-hour-days = Période de la limite d’heures (jours)
list-col-limit-hour-start = Limite d’heures à partir du
list-col-user-validation = Validation du demandeur
setting-company-limit-hour = Limites d’heures par société
setting-company-limit-hour-help = Les sociétés ont une limite d’heures sur une période, à côté de la limite de tickets, fixée avec chaque société dans Administration > Listes.
company-message-title = Un message de votre société
list-col-no-user-validation = Sans validation du demandeur
list-answer-types = Types de réponse
agency-move-link = Déplacer les tickets
agency-move-title = Déplacer les tickets d'une agence
agency-move-count = { $count ->
        [0] L'agence { $agency } n'a aucun ticket.
        [one] L'agence { $agency } a un ticket.
       *[other] L'agence { $agency } a { $count } tickets.
    }
agency-move-to = Les déplacer vers l'agence
agency-move-next = Continuer
agency-move-no-target = Il n'y a pas d'autre agence active vers laquelle les déplacer.
agency-move-target-invalid = Choisissez une autre agence active.
agency-move-confirm = { $count ->
        [0] Aucun ticket de l'agence { $from } ne sera déplacé vers l'agence { $to }.
        [one] Un ticket de l'agence { $from } sera déplacé vers l'agence { $to }.
       *[other] { $count } tickets de l'agence { $from } seront déplacés vers l'agence { $to }.
    } Cela ne s'annule pas en un clic.
agency-move-do = Les déplacer
agency-move-done = { $count ->
        [0] Aucun ticket déplacé de l'agence { $from } vers l'agence { $to }.
        [one] Un ticket déplacé de l'agence { $from } vers l'agence { $to }.
       *[other] { $count } tickets déplacés de l'agence { $from } vers l'agence { $to }.
    }
agency-move-back = Retour aux agences
