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
cli-no-instance = Aucune donnée Gestdesk dans { $dir } (pas de gestdesk.sqlite3). Vérifiez --data-dir (ou GESTDESK_DATA_DIR) ; `gestdesk serve` démarre une nouvelle instance, `gestdesk create-admin --init` en crée une avec son administrateur.
cli-backup-exists = { $path } existe déjà ; ajoutez --force pour le remplacer.
cli-data-dir-busy = Un autre Gestdesk sert déjà { $dir } ; arrêtez-le d'abord ou choisissez un autre --data-dir.
cli-repair-granted = Le profil Administrateur a de nouveau les droits { $rights }.
cli-repair-profile = Le compte est maintenant du profil Administrateur.
cli-repair-enabled = Le compte était désactivé ; il est réactivé.
cli-repair-unlocked = Ses connexions échouées sont oubliées : il n'est plus bloqué.
cli-repair-nothing = Rien n'était à réparer.
cli-repair-done = « { $login } » est un administrateur opérationnel. Si son mot de passe est perdu aussi : gestdesk reset-password { $login }

cli-demo-done = Données d'exemple ajoutées en { $seconds } s : { $tickets } tickets avec { $entries } messages et événements et { $attachments } pièces jointes, { $procedures } procédures, { $users } utilisateurs dans { $companies } sociétés, { $technicians } techniciens.
cli-demo-assets = { $assets ->
    [one] { $assets } équipement
   *[other] { $assets } équipements
} avec { $ifaces ->
    [one] { $ifaces } interface IP
   *[other] { $ifaces } interfaces IP
}, dans { $networks ->
    [one] { $networks } réseau déclaré
   *[other] { $networks } réseaux déclarés
}.
cli-demo-admin = Compte administrateur : { $login }
cli-demo-logins = Techniciens { $first_tech } à { $last_tech }, utilisateurs { $first_user } à { $last_user }. Tous les comptes d'exemple ont le mot de passe : { $password }
demo-error-tickets = Indiquez au plus { $max } tickets.
demo-error-assets = Indiquez au plus { $max } équipements.
demo-error-users = Indiquez entre 1 et { $max } utilisateurs.
demo-not-empty = Cette instance a déjà des tickets : les données d'exemple ne vont que dans une instance qui n'en a aucun (choisissez un autre --data-dir).

desktop-open-console = Ouvrir la console
desktop-copy-address = Copier l'adresse réseau
desktop-quit = Quitter
desktop-start-failed = Gestdesk n'a pas pu démarrer
desktop-update-check = Rechercher les mises à jour
desktop-update-install = Installer la version { $version } et redémarrer
desktop-update-available = La version { $version } est disponible
desktop-update-none = Gestdesk est à jour
desktop-update-installed = La version { $version } est installée
desktop-update-failed = La mise à jour n’a pas abouti : { $error }
desktop-update-check-failed = La recherche de mise à jour a échoué : { $error }
desktop-update-off = Aucune adresse de mise à jour n’est configurée (--update-url et --update-key).
desktop-update-no-display = La recherche de mises à jour a besoin d’une session graphique (DISPLAY ou WAYLAND_DISPLAY), comme l’application elle-même.
desktop-update-bad-url = Pas de recherche de mises à jour : { $url } n’est pas une adresse valide.
desktop-update-not-https = Pas de recherche de mises à jour : l’adresse de mise à jour doit utiliser https (http seulement vers cette machine) : { $url }
desktop-update-no-key = Pas de recherche de mises à jour : une adresse est donnée, mais aucune clé publique pour vérifier les paquets (--update-key).
desktop-update-bad-key = Pas de recherche de mises à jour : la clé donnée n’est pas une clé publique faite par gestdesk-update-signer ({ $error }).

settings-title = Paramètres
settings-section-general = Général
settings-section-users = Utilisateurs et organisation
setting-company-name = Nom de l'entreprise
setting-company-name-help = Affiché dans la barre du haut et sur la page de connexion. Vide : « Gestdesk ».
setting-session-timeout = Expiration des sessions (minutes)
setting-session-timeout-help = Un utilisateur inactif pendant cette durée est déconnecté (de 5 minutes à 30 jours).
setting-session-max = Durée maximale d'une session (heures)
setting-session-max-help = Un utilisateur est déconnecté ce temps après sa connexion, même s'il travaille (0 : pas de limite ; jusqu'à un an).
setting-password-min-length = Longueur minimale des mots de passe (caractères)
setting-password-min-length-help = Les nouveaux mots de passe doivent avoir au moins ce nombre de caractères (8 à 64). Les mots de passe existants restent valables.
setting-password-refuse-common = Refuser les mots de passe courants
setting-password-refuse-common-help = Les nouveaux mots de passe ne peuvent pas être de ceux que tout le monde essaie d'abord (123456, azerty, motdepasse et autres, suivis ou non de chiffres), l'identifiant lui-même, ou un seul caractère répété.
setting-rows-per-page = Lignes par page
setting-rows-per-page-help = Nombre de lignes affichées par page dans les listes de tickets, d'équipements et d'utilisateurs (5 à 500).
setting-user-advanced = Propriétés utilisateur avancées
setting-user-advanced-help = Affiche les champs supplémentaires des comptes : société, portable, fax, fonction, adresse, code postal, ville et deux champs personnalisés.
setting-user-register = Les utilisateurs peuvent créer leur compte
setting-user-register-help = Ajoute un lien « Créer un compte » sur la page de connexion ; les comptes ainsi créés ont le profil Utilisateur.
setting-user-limit-ticket = Limiter le nombre de tickets par utilisateur
setting-user-limit-ticket-help = Chaque compte reçoit un nombre maximum de tickets sur une période à partir d'une date ; la limite se règle sur le compte.
setting-company-limit-ticket = Limiter le nombre de tickets par société
setting-company-limit-ticket-help = Les utilisateurs d'une société partagent un nombre maximum de tickets sur une période ; la limite se règle sur la société (Listes > Sociétés). Tant qu'il est actif, seuls les administrateurs changent la société d'un utilisateur.
setting-user-company-view = Les utilisateurs voient tous les tickets de leur société
setting-user-company-view-help = Ajoute « Ma société » au menu de gauche des utilisateurs qui ont le droit side_company. Tant qu'il est actif, seuls les administrateurs changent la société d'un utilisateur.
setting-user-agency = Les utilisateurs appartiennent à des agences
setting-user-agency-help = Active les agences : la liste des agences, les agences de chaque compte et les droits d'agence sur les tickets.
setting-user-limit-service = Cloisonnement par service
setting-user-limit-service-help = Les utilisateurs ne voient que les tickets de leurs services, et catégories, sous-catégories, priorités et criticités peuvent être rattachées à un service. Tant qu'il est actif, seuls les administrateurs changent les services d'un utilisateur.

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
settings-log-link = Historique des modifications
settings-log-title = Modifications des paramètres
settings-log-empty = Aucun paramètre n'a encore été modifié.
settings-log-when = Quand
settings-log-setting = Paramètre
settings-log-old = Avant
settings-log-new = Après
settings-log-by = Par
settings-log-cli = Ligne de commande
settings-back = Retour aux paramètres
settings-section-functions = Fonctions
setting-server-url = Adresse du serveur
setting-server-url-help = L'adresse à laquelle les utilisateurs ouvrent Gestdesk (par exemple https://helpdesk.example.com), utilisée dans les liens des mails. Vide : l'adresse par laquelle le serveur a été joint.
setting-flash-ms = Durée d'affichage des messages d'action (ms)
setting-flash-ms-help = Combien de temps les messages comme « Modifications enregistrées. » restent vifs avant de s'estomper (de 1 000 à 60 000 ms).
setting-live-updates = Mise à jour en direct
setting-live-updates-help = Les listes, les compteurs et la barre utilisateur se mettent à jour d'eux-mêmes quand des tickets changent. L'écran de supervision le fait toujours.
setting-availability = Disponibilité
setting-availability-help = Active la fonction disponibilité (suivi de la disponibilité des services).
setting-calendar = Calendrier
setting-calendar-help = Active la fonction calendrier (interventions planifiées des techniciens).
setting-assets = Équipements
setting-assets-help = Active l'inventaire des équipements.
setting-asset-ip = Adresses IP des équipements
setting-asset-ip-help = Gère les interfaces réseau et les adresses IP des équipements.
setting-asset-warranty = Garanties des équipements
setting-asset-warranty-help = Suit la date de fin de garantie des équipements.
setting-asset-vnc = Lien VNC sur les équipements
setting-asset-vnc-help = Affiche un lien VNC pour atteindre l'écran d'un équipement.
setting-procedures = Procédures
setting-procedures-help = Active la fonction procédures (modes opératoires partagés). Tant qu'elle est active, seuls les administrateurs changent la société d'un utilisateur.
setting-surveys = Sondages
setting-surveys-help = Active les sondages de satisfaction : un mail avec un lien à usage unique quand un ticket passe dans l'état choisi (Administration > Paramètres > Sondages).
settings-function-without-pages = Cette version de Gestdesk n'a pas de pages pour cette fonction ; le réglage est conservé pour les versions qui en ont.
error-url = Saisissez une adresse commençant par http:// ou https:// (par exemple https://helpdesk.example.com).
setting-debug = Mode débogage
setting-debug-help = Les pages d'erreur montrent aux administrateurs ce qui s'est mal passé (les autres utilisateurs voient toujours le message simple). Pour diagnostiquer un problème seulement.
error-debug-detail = Détails (mode débogage, administrateurs seulement)
settings-logo = Logo de l'entreprise
settings-logo-help = Affiché dans la barre du haut et sur la page de connexion à la place de celui de Gestdesk. Une image PNG, JPEG ou WebP de { $max } Ko au plus.
settings-logo-current = Le logo actuel
settings-logo-remove = Retirer le logo
settings-logo-file = Image
settings-logo-upload = Envoyer
error-logo-size = L'image dépasse { $max } Ko.
error-logo-type = Choisissez une image PNG, JPEG ou WebP (les SVG et autres fichiers sont refusés).
error-logo-dimensions = L'image doit faire au plus { $max } pixels de large et de haut.
system-throttled = Adresses bloquées après des connexions échouées
system-throttled-help = Après 20 connexions échouées en 15 minutes depuis une adresse, les comptes qui ne s'y sont jamais connectés y sont refusés jusqu'à ce que les échecs aient 15 minutes. Lever le blocage oublie les échecs.
system-throttled-none = Aucune adresse n'est bloquée.
system-throttled-until = { $failures } échecs ; jusqu'à { $until }
system-throttled-lift = Lever
rights-confirm-grant = Accorder { $right } à tous les { $profile } ? Cela leur ouvre des pages d'administration.
rights-confirm-revoke = Refuser { $right } à tous les { $profile } ?
rights-confirm-admin = Ils perdront le menu Administration. Si personne d'autre ne peut administrer, le changement sera refusé.
rights-confirm-submit = Oui, changer
rights-history = Derniers changements de droits
rights-history-none = Aucun droit n'a encore été changé.
desktop-already-running = Gestdesk fonctionne déjà sur ce PC
desktop-already-running-help = Un serveur Gestdesk (sans doute le service) répond déjà à cette adresse. Ouvrez-le pour l’utiliser, ou arrêtez le service avant de lancer l’application.
desktop-open-it = L’ouvrir
desktop-data-busy = Le dossier de données est déjà utilisé
desktop-data-busy-help = Un autre Gestdesk utilise le dossier de données { $dir }. Arrêtez-le, ou lancez l’application avec un autre dossier (--data-dir).
setting-ticket-observer = Observateurs sur les tickets
setting-ticket-observer-help = Des personnes et des groupes de techniciens peuvent suivre un ticket : ils le voient, le retrouvent dans « Tickets que j'observe » et reçoivent ses mails.

cli-assets-dry-run = Essai à blanc : rien n'a été modifié.
import-has-tickets = Cette instance contient déjà { $count ->
        [0] aucun ticket
        [one] un ticket
       *[other] { $count } tickets
    } : GestSup s'importe dans une instance sans ticket.
cli-import-failed = L'import s'est arrêté ; rien n'a été changé
cli-import-dry-run = Essai à blanc : rien n'a été changé.
cli-import-report-kept = Le compte rendu est gardé dans { $file }.
cli-import-no-upload = { $dir } n'est pas un dossier : indiquez le dossier upload de GestSup.
import-report-title = Importé depuis GestSup
import-report-table = { $table } : lus { $read }, importés { $imported }, écartés { $left }
import-report-not-imported = Non importé (pas encore d'équivalent dans cette version)
import-report-rows = { $table } : lignes { $rows }
import-report-merged = Comptes GestSup devenus le compte du même identifiant ici (qui garde son mot de passe) : { $value }
import-report-settings = Paramètres repris : { $value }
import-report-images = Images collées dans les textes, remplacées par « (image) » : { $value }
import-report-problems = Problèmes
import-problem-no-category = aucune catégorie
import-problem-no-login = aucun identifiant
import-problem-address = une adresse illisible pour Gestdesk a été laissée vide ({ $value })
import-problem-setting = { $key } = « { $value } » refusé par les contrôles du paramètre
import-problem-mail-password = les réglages du serveur de messagerie ont été repris sans son mot de passe ; l'envoi reste coupé jusqu'à sa saisie (Administration > Paramètres > Messagerie)
import-problem-thread-kind = type d'élément de fil inconnu { $value }
import-problem-thread-state = un changement vers aucun état connu
import-problem-attachment-owner = un fichier d'un ticket, d'une procédure ou d'un équipement non repris
import-problem-no-upload-folder = aucun dossier upload indiqué (--files) : les fichiers joints ne sont pas repris
import-problem-file-missing = fichier introuvable : { $value }
import-problem-file-kind = un type de fichier que Gestdesk ne garde pas : { $value }
import-problem-file-refused = refusé par les contrôles des fichiers : { $value }
import-problem-admin-kept = avec les droits du site, aucun compte actif ne pouvait administrer ; le profil administrateur garde le droit d'administrer
import-problem-template-ticket = un modèle dont le ticket n'a pas été repris
import-problem-recurrence = répété « { $value } » dans GestSup : le modèle est repris, sa répétition n'a pas encore d'équivalent
cli-import-progress = { $table } : { $done } / { $total } ({ $rate } lignes par seconde)

## System page: build, disk, integrity, jobs, connectors, logs
system-build-debug = version non optimisée
system-build-release = version optimisée
system-disk = Espace libre du dossier de données
system-disk-value = { $free } libres sur { $total }
system-disk-low = Le disque du dossier de données a moins de { $limit } libres. Les sauvegardes et la base ont besoin de place : libérez de l'espace ou déplacez le dossier de données.
system-schema-behind = Le schéma de la base est plus ancien que celui de cette version : redémarrez Gestdesk pour le mettre à jour.
system-count-thread = Éléments de fil
system-count-attachments = Pièces jointes
system-count-assets = Équipements
system-count-procedures = Procédures
system-count-outbox = Mails dans la file d'envoi
system-count-interventions = Interventions
system-count-surveys = Sondages envoyés
system-integrity = Intégrité de la base
system-integrity-help = Lit chaque page de la base pour vérifier qu'elle est intacte. Cela prend quelques secondes sur une grande base ; le serveur continue de répondre pendant ce temps.
system-integrity-ok = La base est intacte
system-integrity-problems = Problèmes trouvés
system-integrity-run = Vérifier maintenant
system-lan-url = Adresse pour les utilisateurs du réseau :
system-logs = Journaux
system-logs-open = Lire les journaux
system-schema-history = Historique du schéma ({ $n ->
    [one] un changement
   *[other] { $n } changements
})
system-schema-version = Version
system-schema-name = Changement
system-schema-applied = Appliqué le
system-jobs = Tâches de fond
system-jobs-help = Le travail que le serveur fait seul. « Lancer maintenant » démarre une tâche tout de suite, même si elle n'est pas due ; une tâche désactivée dans ses paramètres le reste.
system-job = Tâche
system-job-schedule = Fréquence
system-job-last = Dernière exécution
system-job-duration = Durée
system-job-result = Résultat
system-job-next = Prochaine exécution
system-job-run-now = Lancer maintenant
system-job-running = En cours
system-job-ok = Terminée
system-job-failed = Échec
system-job-continuous = En continu
system-job-every-hours = { $n ->
    [one] toutes les heures
   *[other] toutes les { $n } heures
}
system-job-every-minutes = { $n ->
    [one] chaque minute
   *[other] toutes les { $n } minutes
}
system-job-every-seconds = { $n ->
    [one] chaque seconde
   *[other] toutes les { $n } secondes
}
system-job-every-ms = toutes les { $n } ms
system-job-ms = { $n } ms
system-job-s = { $n } s
system-job-live = Mises à jour en direct
system-job-outbox = File d'envoi des mails
system-job-webhooks = Webhooks
system-job-checkpoint = Point de contrôle de la base
system-job-search = Index de recherche
system-job-backups = Sauvegarde quotidienne
system-job-uploads = Nettoyage des envois non enregistrés
system-job-validation = Validation par le demandeur
system-job-asset-import = Dossier d'import des équipements
system-job-ping = Ping de tous les équipements
system-job-mail-fetch = Mails entrants
system-job-directory = Synchronisation de l'annuaire
system-job-discovery = Découverte du réseau
system-job-statistics = Statistiques des requêtes
system-connectors = Connecteurs
system-connector = Connecteur
system-connector-state = État
system-connector-success = Dernier succès
system-connector-error = Dernière erreur
system-connector-off = Désactivé
system-connector-failing = En échec
system-connector-ok = Fonctionne
system-connector-unused = Pas encore utilisé
system-connector-smtp = Mails sortants (SMTP)
system-connector-mailbox = Boîte { $name }
system-connector-directory = Annuaire (LDAP)
system-connector-updates = Mises à jour de l’application de bureau
system-update-current = À jour
system-update-available = Version { $version } disponible
system-update-install-hint = La version { $version } est prête : choisissez « Installer la version { $version } et redémarrer » dans le menu de l’icône de l’application de bureau. Les utilisateurs sont déconnectés pendant les quelques secondes du redémarrage.
system-logs-none = Il n'y a pas encore de journal.
system-logs-file = Fichier
system-logs-level = Niveau
system-logs-level-all = Tous les niveaux
system-logs-search = Texte
system-logs-show = Afficher
system-logs-download = Télécharger ce fichier
system-logs-hidden = Les mots de passe, jetons et clés sont masqués, ici et dans le téléchargement.
system-logs-cut = Ce fichier est volumineux : seuls ses derniers { $size } sont parcourus. Le téléchargement le contient en entier.
system-logs-no-lines = Aucune ligne ne correspond.
system-logs-time = Heure
system-logs-message = Message
system-logs-more = Seules les { $n } lignes correspondantes les plus récentes sont affichées.
flash-job-started = La tâche a démarré.
flash-job-running = La tâche est déjà en cours.
flash-integrity-checked = La vérification d'intégrité est terminée.

## HTTPS
https-title = HTTPS
https-on = HTTPS est activé
https-set-up = Configurer HTTPS
https-in-force = En vigueur
https-mode-off = Désactivé : HTTP simple
https-mode-self-signed = Activé, avec un certificat autosigné pour cette machine
https-mode-own = Activé, avec votre propre certificat
https-fallback = Votre certificat n'a pas pu être utilisé au démarrage du serveur : le certificat autosigné sert en attendant. Donnez de nouveau votre certificat ci-dessous.
https-subject = Certificat
https-names = Noms et adresses couverts
https-valid = Validité
https-valid-value = du { $from } au { $until }
https-fingerprint = Empreinte (SHA-256)
https-ends-soon = Le certificat expire le { $date }. Renouvelez-le d'ici là, sinon les navigateurs refuseront la connexion.
https-self-signed-help = Les navigateurs avertissent la première fois face à un certificat autosigné. Les utilisateurs peuvent vérifier que l'empreinte affichée par leur navigateur est celle ci-dessus avant de l'accepter, ou importer le certificat sur leurs postes.
https-renew = Générer un nouveau certificat autosigné
https-console-help = La console de bureau de cette machine reste en HTTP simple sur une adresse locale ; toute autre requête en HTTP simple est renvoyée vers l'adresse https://.
https-own-title = Votre propre certificat
https-own-help = Collez le certificat (celui du serveur d'abord, puis les intermédiaires) et sa clé privée, au format PEM. Ils sont vérifiés avant d'être conservés : lisibles, clé correspondant au certificat, valides aujourd'hui.
https-own-certificate = Certificat (PEM)
https-own-key = Clé privée (PEM)
https-own-save = Vérifier et conserver
https-error-no-certificate = Aucun certificat trouvé : collez le texte entre -----BEGIN CERTIFICATE----- et -----END CERTIFICATE-----, ces lignes comprises.
https-error-unreadable = Ce certificat est illisible.
https-error-no-key = Aucune clé privée trouvée : collez le texte entre -----BEGIN PRIVATE KEY----- et -----END PRIVATE KEY-----, ces lignes comprises.
https-error-unusable-key = Cette clé privée est inutilisable (les clés RSA, ECDSA ou Ed25519 en PEM le sont).
https-error-key-mismatch = Cette clé privée n'est pas celle du certificat.
https-error-not-yet-valid = Ce certificat n'est pas encore valide.
https-error-expired = Ce certificat a expiré.
https-error-too-long = Ce texte est trop long pour un certificat et sa chaîne.
https-error-generation = Le certificat n'a pas pu être généré.
https-error-own-first = Donnez d'abord votre certificat et sa clé ci-dessous.
settings-section-https = HTTPS
setting-https-mode = HTTPS
setting-https-mode-help = HTTP simple, HTTPS avec un certificat que Gestdesk génère pour cette machine, ou HTTPS avec votre propre certificat. S'applique tout de suite aux nouvelles connexions.
setting-https-hsts = Demander aux navigateurs de n'utiliser que HTTPS (HSTS)
setting-https-hsts-help = Les navigateurs qui l'ont vu refusent le HTTP simple vers cette adresse pendant un an. Activez-le quand HTTPS fonctionne pour tous.
