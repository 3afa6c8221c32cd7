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

desktop-open-console = Ouvrir la console
desktop-copy-address = Copier l'adresse réseau
desktop-quit = Quitter
desktop-start-failed = Gestdesk n'a pas pu démarrer
