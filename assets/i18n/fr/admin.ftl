# Administration pages and command-line messages.
system-title = Système
system-version = Version
system-data-dir = Dossier des données
system-database = Base de données
system-database-size = Taille de la base
system-schema = Version du schéma
system-schema-value = { $current } (dernière connue : { $latest })
system-users = Comptes
system-tickets = Tickets
system-started = Démarré le
system-addresses = Adresses d'écoute

cli-serving = Gestdesk { $version } est démarré. Ouvrez :
cli-data-dir = Données : { $dir }
cli-setup-link = Première utilisation : créez le compte administrateur sur { $url }
cli-admin-created = Compte administrateur « { $login } » créé.
cli-password-prompt = Mot de passe :{" "}
cli-password-again = Mot de passe (confirmation) :{" "}
cli-password-reset = Mot de passe temporaire de « { $login } » : { $password }
    Il devra être changé à la prochaine connexion.
cli-no-such-login = Aucun compte n'a l'identifiant « { $login } ».

cli-demo-done = Données d'exemple ajoutées en { $seconds } s : { $tickets } tickets avec { $entries } messages et événements et { $attachments } pièces jointes, { $users } utilisateurs dans { $companies } sociétés, { $technicians } techniciens.
cli-demo-admin = Compte administrateur : { $login }
cli-demo-logins = Techniciens { $first_tech } à { $last_tech }, utilisateurs { $first_user } à { $last_user }. Tous les comptes d'exemple ont le mot de passe : { $password }
demo-error-tickets = Indiquez au plus { $max } tickets.
demo-error-users = Indiquez entre 1 et { $max } utilisateurs.
demo-not-empty = Cette instance a déjà des tickets : les données d'exemple ne vont que dans une instance qui n'en a aucun (choisissez un autre --data-dir).

desktop-open-console = Ouvrir la console
desktop-copy-address = Copier l'adresse réseau
desktop-quit = Quitter
desktop-start-failed = Gestdesk n'a pas pu démarrer

settings-title = Paramètres
settings-section-general = Général
settings-section-users = Utilisateurs et organisation
setting-company-name = Nom de l'entreprise
setting-company-name-help = Affiché dans la barre du haut et sur la page de connexion. Vide : « Gestdesk ».
setting-session-timeout = Expiration des sessions (minutes)
setting-session-timeout-help = Un utilisateur inactif pendant cette durée est déconnecté (de 5 minutes à 30 jours).
setting-rows-per-page = Lignes par page
setting-rows-per-page-help = Nombre de lignes affichées par page dans les listes de tickets, d'équipements et d'utilisateurs (5 à 500).
setting-user-advanced = Propriétés utilisateur avancées
setting-user-advanced-help = Affiche les champs supplémentaires des comptes : société, portable, fax, fonction, adresse, code postal, ville et deux champs personnalisés.
setting-user-register = Les utilisateurs peuvent créer leur compte
setting-user-register-help = Ajoute un lien « Créer un compte » sur la page de connexion ; les comptes ainsi créés ont le profil Utilisateur.
setting-user-limit-ticket = Limiter le nombre de tickets par utilisateur
setting-user-limit-ticket-help = Chaque compte reçoit un nombre maximum de tickets sur une période à partir d'une date ; la limite se règle sur le compte.
setting-company-limit-ticket = Limiter le nombre de tickets par société
setting-company-limit-ticket-help = Les utilisateurs d'une société partagent un nombre maximum de tickets sur une période ; la limite se règle sur la société (Listes > Sociétés).
setting-user-company-view = Les utilisateurs voient tous les tickets de leur société
setting-user-company-view-help = Ajoute « Ma société » au menu de gauche des utilisateurs qui ont le droit side_company. Pensez à refuser user_profil_company pour qu'ils ne changent pas de société.
setting-user-agency = Les utilisateurs appartiennent à des agences
setting-user-agency-help = Active les agences : la liste des agences, les agences de chaque compte et les droits d'agence sur les tickets.
setting-user-limit-service = Cloisonnement par service
setting-user-limit-service-help = Les utilisateurs ne voient que les tickets de leurs services, et catégories, sous-catégories, priorités et criticités peuvent être rattachées à un service.

rights-title = Droits
rights-help = Chaque ligne est un droit, chaque colonne un profil. Cliquez sur une case pour accorder (vert) ou refuser (rouge) le droit à tous les utilisateurs de ce profil ; cela s'applique dès leur page suivante.
rights-filter = Filtrer par nom ou description
rights-col-name = Droit
rights-col-description = Description
rights-granted = Accordé
rights-denied = Refusé
settings-section-tickets = Tickets
setting-attachment-max-count = Pièces jointes par ticket
setting-attachment-max-count-help = Nombre maximum de fichiers sur un ticket (0 désactive les pièces jointes).
setting-attachment-max-mb = Taille maximum d'une pièce jointe (Mo)
setting-attachment-max-mb-help = Les fichiers plus gros sont refusés (de 1 à 100 Mo).
setting-ticket-type = Types de tickets
setting-ticket-type-help = Affiche le champ type (par exemple Demande ou Incident) sur les tickets ; les types se modifient dans Listes > Types de tickets.
setting-ticket-places = Lieux
setting-ticket-places-help = Affiche le champ lieu sur les tickets ; les lieux se modifient dans Listes > Lieux.
setting-theme = Thème
setting-theme-help = Les couleurs des pages pour les utilisateurs qui n'ont pas choisi les leurs dans leur profil.
