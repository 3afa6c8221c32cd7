# Trouver le travail : listes de tickets, compteurs du menu, barre utilisateur, activité, supervision, export.

menu-your-tickets = Vos tickets
menu-all-tickets = Tous les tickets
menu-shared-views = Vues partagées
menu-personal-views = Vues personnelles
menu-all-states = Tous les états
menu-unread = Non lus
menu-supervision = Écran de supervision
state-meta-short = À traiter
state-active = En attente et en cours
state-all = Tous les états

col-number = N°
col-type = Type
col-technician = Technicien
col-requester = Demandeur
col-company = Société
col-service = Service
col-agency = Agence
col-place = Lieu
col-asset = Équipement
col-category = Catégorie
col-subcategory = Sous-catégorie
col-title = Titre
col-created = Ouvert le
col-hope-date = Date souhaitée
col-resolved = Résolu le
col-modified = Modifié le
col-priority = Priorité
col-criticality = Criticité
col-state = État

list-caption = Tickets de cette vue
list-empty = Aucun ticket dans cette vue.
list-count = { $count ->
    [0] Aucun ticket
    [one] Un ticket
   *[other] { $count } tickets
}
list-count-more = { $count ->
    [one] Plus d'un ticket
   *[other] Plus de { $count } tickets
}
list-sort-by = Trier sur cette colonne (à nouveau pour inverser)
list-filter-label = Filtrer sur { $column }
list-filter-any = Tous
list-filter-apply = Filtrer
list-filter-ignored = { $column } : { $problem } Ce filtre a été laissé de côté.
list-search-label = Rechercher dans cette vue
list-search-placeholder = Rechercher : numéro, titre, texte, demandeur…
list-clear = Effacer la recherche et les filtres
list-export = Exporter (CSV)
list-export-page = Exporter cette page
list-export-all = Exporter tous les tickets
list-num-unread = Pas encore lu par son technicien
list-num-unanswered = Lu par son technicien, sans réponse encore
list-num-advanced = Un technicien a répondu aujourd'hui
list-num-other = Autres tickets
list-mark-new = Ouvert aujourd'hui
list-mark-new-period = Ouvert dans la période choisie
list-mark-overdue = La date de résolution souhaitée est dépassée
list-mark-hope-missing = La date de résolution souhaitée est obligatoire et manque
list-mark-attachment = A des pièces jointes
error-ticket-number = Saisissez un numéro de ticket.

activity-title = Activité
activity-from = Du
activity-to = Au
activity-show = Afficher
activity-opened = Ouverts
activity-opened-help = Tickets ouverts dans la période
activity-closed = Fermés
activity-closed-help = Tickets résolus ou rejetés dans la période
activity-advanced = Avancés
activity-advanced-help = Tickets auxquels un technicien a répondu dans la période

bar-activity = Activité
bar-activity-help = Tickets ouverts, fermés ou avancés aujourd'hui
bar-to-handle = À traiter
bar-to-handle-help = Vos tickets en attente ou en cours / les mêmes plus ceux en attente de leur utilisateur
bar-workload = Charge
bar-workload-help = Temps estimé pas encore passé sur vos tickets ouverts
bar-hours = { $hours } h
bar-resolved = Résolus
bar-resolved-help = Vos tickets résolus
bar-new-help = Nouveaux tickets que personne n'a encore

supervision-title = Supervision
supervision-new = Nouveaux tickets
supervision-critical = Tickets critiques ouverts
supervision-opened-today = Ouverts aujourd'hui
supervision-closed-today = Fermés aujourd'hui
supervision-open = Tous les tickets ouverts
supervision-to-handle = Tous les tickets à traiter
supervision-waiting-user = En attente de leur utilisateur
supervision-newest = Derniers tickets sans technicien
supervision-none = Aucun : chaque ticket a un technicien.
supervision-sound = Activer le son

setting-meta-state = Vue « à traiter »
setting-meta-state-help = Propose la vue « à traiter » : en attente de prise en charge, en cours et en attente de retour ensemble.
setting-ticket-order = Ordre des listes de tickets
setting-ticket-order-help = Le tri des listes, sauf si l'utilisateur a choisi le sien ou clique sur une colonne.
setting-default-state = Liste à la connexion
setting-default-state-help = Les tickets sur lesquels les utilisateurs arrivent après connexion, sauf s'ils ont choisi les leurs.
setting-notify = Son pour les nouveaux tickets
setting-notify-help = Les techniciens entendent un son quand un utilisateur ouvre un ticket, tant que Gestdesk est ouvert dans leur navigateur.
setting-csv-separator = Séparateur CSV
setting-csv-separator-help = Le séparateur des fichiers CSV exportés ; les tableurs en français attendent un point-virgule.
setting-csv-semicolon = Point-virgule (;)
setting-csv-comma = Virgule (,)
col-requester-service = Service du demandeur
col-time-spent = Temps passé
col-time-spent-minutes = Temps passé (minutes)
bar-new = Nouveaux
bar-active-label = { $count ->
        [0] Aucun de vos tickets en attente ou en cours
        [one] Un de vos tickets en attente ou en cours
       *[other] { $count } de vos tickets en attente ou en cours
    }
bar-meta-label = { $count ->
        [0] Aucun de vos tickets à traiter
        [one] Un de vos tickets à traiter
       *[other] { $count } de vos tickets à traiter
    }
menu-observed = Tickets que j'observe
bulk-scope = Appliquer à
bulk-scope-selected = Les tickets cochés
bulk-scope-page = Tous les tickets de cette page
bulk-scope-view = { $count ->
    [one] Le seul ticket de cette vue
   *[other] Les { $count } tickets de cette vue
}
bulk-action = Action
bulk-read = Marquer comme lu
bulk-unread = Marquer comme non lu
bulk-state = Changer l'état
bulk-assign = Attribuer
bulk-priority = Changer la priorité
bulk-delete = Supprimer
bulk-apply = Appliquer
bulk-confirm-delete = Supprimer les tickets choisis ?
bulk-select-one = Sélectionner le ticket { $number }
bulk-select-page = Sélectionner tous les tickets de cette page
bulk-title = Action sur plusieurs tickets
bulk-done = { $count ->
    [one] Fait sur { $count } ticket.
   *[other] Fait sur { $count } tickets.
}
bulk-refused = { $count ->
    [one] { $count } ticket laissé tel quel
   *[other] { $count } tickets laissés tels quels
}
bulk-back = Retour à la liste
bulk-no-action = Choisissez une action et la valeur qu'elle demande.
bulk-nothing-selected = Aucun ticket n'a été sélectionné.
bulk-too-many = Une action porte sur { $max } tickets au plus ; restreignez d'abord la vue.
bulk-not-found = Vous ne voyez pas ce ticket.
bulk-forbidden = Votre profil ne permet pas ce changement.
bulk-invalid = Ce changement n'est pas valable pour ce ticket.
col-billable = Facturable
bulk-hint = Cochez des tickets pour agir sur plusieurs à la fois.
