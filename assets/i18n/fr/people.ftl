# Accounts, groups, profile, personal views, self-registration.
users-title = Utilisateurs
users-new-title = Nouvel utilisateur
users-edit-title = Utilisateur : { $name }
users-search = Rechercher par nom, identifiant, mail ou société
users-add = Ajouter un utilisateur
users-create = Créer le compte
users-active = Actifs
users-disabled = Désactivés
users-count = { $count ->
        [0] Aucun compte
        [one] Un compte
       *[other] { $count } comptes
    }
users-none = Aucun compte ne correspond.
users-col-name = Nom
users-col-login = Identifiant
users-col-mail = Mail
users-col-company = Société
users-col-profile = Profil
users-col-last-login = Dernière connexion
users-confirm-disable = Désactiver ce compte ? L'utilisateur ne pourra plus se connecter ; ses tickets restent.
users-is-disabled = Ce compte est désactivé : son utilisateur ne peut pas se connecter.
users-disabled-badge = désactivé
users-requesters-title = Rattachement à des utilisateurs
users-requesters-help = Un ticket ouvert par l'un de ces utilisateurs (ou par un membre de l'un de ces groupes) est attribué automatiquement à ce technicien.
users-requesters-none = Aucun demandeur n'est rattaché.
users-requesters-add = Rattacher un demandeur
users-groups-title = Groupes
users-groups-none = Membre d'aucun groupe.

user-section-identity = Identité
user-section-details = Coordonnées
user-section-organisation = Organisation et accès
user-section-preferences = Préférences
user-section-limits = Limite de tickets
user-field-firstname = Prénom
user-field-lastname = Nom
user-field-login = Identifiant
user-field-mail = Adresse mail
user-field-phone = Téléphone
user-field-password = Mot de passe
user-field-password-confirm = Confirmation du mot de passe
user-password-keep = Laissez les deux champs vides pour garder le mot de passe actuel.
user-field-company = Société
user-field-mobile = Portable
user-field-fax = Fax
user-field-function = Fonction
user-field-address1 = Adresse
user-field-address2 = Complément d'adresse
user-field-zip = Code postal
user-field-city = Ville
user-field-custom1 = Champ personnalisé 1
user-field-custom2 = Champ personnalisé 2
user-field-services = Services
user-field-agencies = Agences
user-field-profile = Profil
user-field-must-change = Doit changer de mot de passe à la prochaine connexion
user-field-language = Langue
user-field-theme = Thème
user-field-default-state = Tickets affichés à la connexion
user-field-order = Ordre de tri des tickets
user-field-limit-number = Nombre maximum de tickets
user-field-limit-days = Sur combien de jours
user-field-limit-start = À compter du
user-limit-hint = 0 signifie sans limite.

theme-blue = Bleu
theme-black = Noir
theme-pink = Rose
theme-grey = Gris
state-meta = À traiter (attente, en cours, attente retour)
order-state = État, puis priorité, criticité et date
order-created-desc = Les plus récents d'abord
order-created-asc = Les plus anciens d'abord
order-number-desc = Numéro de ticket décroissant
order-priority = Priorité, puis date
order-criticality = Criticité, puis date
order-hope-date = Date de résolution estimée, la plus proche d'abord
order-modified-desc = Dernière modification d'abord

profile-tab-information = Informations
profile-tab-settings = Paramètres
profile-groups = Mes groupes

views-title = Vues personnelles
views-help = Une vue personnelle est un raccourci dans le menu de gauche vers les tickets d'une catégorie ou d'une sous-catégorie.
views-none = Aucune vue personnelle.
views-too-many = Vous avez déjà { $max } vues personnelles ; supprimez-en une pour en ajouter une autre.
views-name = Nom de la vue
views-target = Catégorie ou sous-catégorie

groups-title = Groupes
groups-tab-user = Groupes d'utilisateurs
groups-tab-technician = Groupes de techniciens
groups-kind-user = Groupe d'utilisateurs
groups-kind-technician = Groupe de techniciens
groups-none = Aucun groupe.
groups-add = Nouveau groupe
groups-name = Nom
groups-rename = Nom du groupe
groups-members = Membres
groups-members-none = Aucun membre.
groups-members-count = { $count ->
        [0] aucun membre
        [one] un membre
       *[other] { $count } membres
    }
groups-add-member = Ajouter un membre
groups-delete = Supprimer le groupe
groups-confirm-delete = Supprimer ce groupe ? Ses membres restent ; seul le groupe disparaît.

quick-user-new = Nouvel utilisateur…
quick-user-title = Nouvel utilisateur

register-title = Créer un compte
register-intro = Créez votre compte pour déclarer vos demandes et incidents et les suivre.
register-submit = Créer mon compte
register-have-account = J'ai déjà un compte
login-register = Créer un compte
quick-user-edit = Corriger cet utilisateur…
quick-user-edit-title = Corriger un utilisateur
users-locked = Ce compte est bloqué après des connexions échouées répétées, jusqu'à { $until } (depuis les adresses qu'il n'a jamais utilisées).
users-unlock = Débloquer
users-erase-link = Supprimer…
users-erase-title = Supprimer { $name }
users-erase-delete = { $name } n’a aucun ticket, réponse ni fichier : le compte sera supprimé.
users-erase-anonymise = { $count ->
    [0] Des réponses ou fichiers de { $name } sont conservés dans des tickets
    [one] { $name } figure dans un ticket
   *[other] { $name } figure dans { $count } tickets
} : le compte sera anonymisé (nom, identifiant, coordonnées et mot de passe effacés, compte désactivé) et les tickets conservés tels quels.
users-erase-final = Cette action est définitive.
users-erase-delete-button = Supprimer le compte
users-erase-anonymise-button = Anonymiser le compte
error-cannot-delete-self = Vous ne pouvez pas supprimer votre propre compte.
user-password-optional = Laissez vide pour un demandeur qui ne se connectera pas ; un mot de passe peut être défini plus tard.
