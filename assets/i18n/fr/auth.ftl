# Login, first-run set-up, profile and password pages.
login-title = Connexion
login-field-login = Identifiant
login-field-password = Mot de passe
login-submit = Se connecter
login-language = Langue
login-error-invalid = Identifiant ou mot de passe incorrect.
login-error-throttled = Trop de tentatives de connexion échouées. Réessayez dans { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }.
login-error-address-throttled = Trop de connexions échouées depuis votre réseau. Réessayez dans { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }, ou demandez à un administrateur de lever le blocage.
login-error-busy = Ce compte est déjà en cours de vérification. Réessayez dans un instant.
login-error-directory-unreachable = L'annuaire qui vérifie votre mot de passe est injoignable pour le moment. Réessayez plus tard, ou contactez votre support.

setup-title = Création du compte administrateur
setup-intro = Gestdesk démarre pour la première fois. Créez le compte administrateur qui configurera l'application ; ce lien ne fonctionne qu'une fois.
setup-field-login = Identifiant
setup-field-firstname = Prénom
setup-field-lastname = Nom
setup-field-mail = Adresse mail
setup-field-password = Mot de passe
setup-field-password-confirm = Confirmation du mot de passe
setup-field-language = Langue
setup-submit = Créer le compte et se connecter
setup-link-dead = Ce lien de configuration n'est pas valide ou a déjà servi : le compte administrateur existe. Connectez-vous.
setup-link-old = Ce lien d'installation n'est plus valable : le serveur a redémarré et en a affiché un nouveau. Utilisez le lien le plus récent, ou ouvrez Gestdesk sur la machine du serveur.
setup-already-done = Un compte existe déjà : la configuration initiale est terminée.
setup-needed-title = Bienvenue dans Gestdesk
setup-needed-intro = Gestdesk n'est pas encore configuré : il faut d'abord créer le compte administrateur.
setup-needed-remote = Ouvrez le lien de configuration affiché par le serveur au démarrage (dans sa console ou dans la fenêtre de l'application Gestdesk), depuis l'ordinateur qui l'héberge.

home-welcome = Bonjour { $name }

profile-title = Mon profil
profile-login = Identifiant
profile-profile = Profil
profile-language-browser = Celle du navigateur
profile-last-login = Dernière connexion

profile-user = Utilisateur
profile-power-user = Utilisateur avec pouvoir
profile-supervisor = Superviseur
profile-technician = Technicien
profile-administrator = Administrateur

password-title = Changer de mot de passe
password-from-directory = Votre mot de passe est celui de votre compte de l'annuaire (votre session Windows) : changez-le là-bas, il vaut ici aussitôt.
password-must-change = Vous devez choisir un nouveau mot de passe avant de continuer.
password-field-current = Mot de passe actuel
password-field-new = Nouveau mot de passe
password-field-confirm = Confirmation du nouveau mot de passe
password-hint = Au moins { $min } caractères.
password-submit = Enregistrer le mot de passe
login-forgot = Mot de passe oublié ?
reset-title = Mot de passe oublié
reset-intro = Saisissez votre identifiant ou votre adresse mail : si un compte correspond, un lien pour choisir un nouveau mot de passe est envoyé à son adresse.
reset-asked = Si un compte correspond à ce que vous avez saisi, un mail avec un lien a été envoyé à son adresse. Le lien fonctionne une fois, pendant une heure. Pas de mail ? Contactez votre service informatique.
reset-field-who = Identifiant ou adresse mail
reset-send = M’envoyer un lien
reset-back-to-login = Retour à la page de connexion
reset-choose-title = Choisir un nouveau mot de passe
reset-field-password = Nouveau mot de passe
reset-field-confirm = Nouveau mot de passe (encore)
reset-submit = Enregistrer le mot de passe
reset-link-dead = Ce lien ne fonctionne plus : il a servi, il a expiré, ou un lien plus récent a été demandé.
reset-ask-again = Demander un nouveau lien
reset-mail-subject = Choisir un nouveau mot de passe
reset-mail-body = Quelqu’un a demandé à réinitialiser le mot de passe de votre compte du support. Si c’est vous, suivez le lien ci-dessous dans les { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    } ; il ne fonctionne qu’une fois. Sinon, ignorez ce mail : votre mot de passe reste inchangé.
reset-mail-link = Choisir un nouveau mot de passe
outbox-kind-password-reset = Mot de passe oublié
setting-login-message = Message sur la page de connexion
setting-login-message-help = Affiché au-dessus du formulaire de connexion, par exemple qui appeler en cas de problème. Texte simple.

## The set-up page's "Move from GestSup"
setup-move-intro = Vous utilisez déjà GestSup ? Reprenez ses tickets, ses utilisateurs, ses fichiers et ses réglages au lieu de partir de zéro.
move-title = Venir de GestSup
move-intro = Gestdesk reprend tout ce que GestSup contient et qui a sa place ici, avec les numéros de tickets de GestSup et les mots de passe de chacun. Donnez le fichier de sauvegarde de GestSup ou sa base de données, et son dossier upload en ZIP. Vérifiez d'abord ce qui serait repris : une vérification ne change rien.
move-from = Où sont les données de GestSup ?
move-from-file = Un fichier de sauvegarde (.sql, de la page de sauvegarde de GestSup ou de mysqldump)
move-backup = Fichier de sauvegarde
move-backup-hint = Le fichier .sql lui-même : décompressez-le d'abord s'il est compressé.
move-from-database = Sa base de données (MySQL ou MariaDB), lue directement
move-host = Serveur de base de données
move-port = Port
move-database = Nom de la base
move-user = Utilisateur
move-password = Mot de passe
move-files = Le dossier upload de GestSup, en ZIP (facultatif)
move-files-hint = Sans lui, les fichiers des tickets sont signalés comme manquants dans le rapport.
move-check = Vérifier d'abord (ne change rien)
move-import = Importer
move-back = Revenir à la création du premier administrateur
move-backup-missing = Choisissez le fichier de sauvegarde de GestSup, ou donnez sa base de données.
move-backup-too-big = Ce fichier dépasse { $max } Go.
move-backup-compressed = Ce fichier est compressé : décompressez-le et envoyez le fichier .sql qu'il contient.
move-backup-not-sql = Ce n'est pas un fichier de sauvegarde : il ne contient pas du texte.
move-files-too-big = Cette archive dépasse { $max } Go.
move-files-not-zip = Ce n'est pas un fichier ZIP.
move-port-invalid = Donnez un numéro de port entre 1 et 65535.
move-failed = L'import s'est arrêté : { $detail }
move-not-gestsup = Cette base ne contient pas de site GestSup (elle n'a pas de table tincidents).
move-address-invalid = Cette adresse de base de données est illisible : vérifiez le serveur, le port et le nom.
move-database-refused = La base de données GestSup n'a pas pu être lue : { $detail }
move-zip-unreadable = L'archive des fichiers est illisible : { $detail }
move-zip-too-many = L'archive des fichiers contient plus de { $max } éléments.
move-zip-too-large = L'archive des fichiers dépasse { $max } Go une fois décompressée.
move-backup-unreadable = Le fichier de sauvegarde est illisible : { $detail }
move-no-administrator = Le site GestSup n'a aucun administrateur actif avec un mot de passe : personne ne pourrait se connecter après la reprise. Créez plutôt le premier administrateur, puis importez en ligne de commande (gestdesk import gestsup).
move-checking = Vérification du site GestSup
move-importing = Import du site GestSup
move-unpacking = Décompression des fichiers…
move-reading = Lecture du site…
move-progress = { $percent } % des lignes lues
move-wait = Cette page suit l'import d'elle-même ; vous pouvez la laisser ouverte.
move-nothing-changed = Rien n'a été modifié.
move-again = Recommencer
move-checked = La vérification est terminée : rien n'a été modifié. Lisez le rapport, puis importez.
move-import-now = Importer maintenant
move-done = La reprise est terminée.
move-log-in-as = Connectez-vous avec votre compte GestSup : { $logins }.
move-report-kept = Le rapport est conservé dans { $file }.
move-report = Rapport

## Two-factor login
two-factor-title = Double authentification
two-factor-login-title = Code de connexion
two-factor-login-help = Saisissez le code à six chiffres que votre application d'authentification affiche pour ce compte.
two-factor-code = Code
two-factor-code-or-recovery = Téléphone perdu ? Saisissez plutôt l'un de vos codes de secours.
two-factor-verify = Vérifier le code
two-factor-start-again = Recommencer la connexion
two-factor-wrong = Ce code n'est pas le bon, ou a déjà servi. { $tries ->
    [one] Encore un essai.
   *[other] Encore { $tries } essais.
}
two-factor-wrong-code = Ce code n'est pas le bon, ou a déjà servi.
two-factor-changed-meanwhile = La double authentification a changé entre-temps : voici où elle en est.
two-factor-on = La double authentification est activée.
two-factor-off = La double authentification est désactivée.
two-factor-not-offered = La double authentification n'est pas proposée sur ce helpdesk ; un administrateur peut la proposer dans les paramètres.
two-factor-turn-on = Activer la double authentification
two-factor-turn-off = Désactiver la double authentification
two-factor-new-codes = Générer de nouveaux codes de secours
two-factor-codes-left = Codes de secours restants : { $n }.
two-factor-required-setup = Votre profil doit se connecter avec un second facteur : configurez-le maintenant pour continuer.
two-factor-required-keep = Votre profil doit se connecter avec un second facteur : il ne peut pas être désactivé.
two-factor-step-app = Installez une application d'authentification sur votre téléphone (toute application qui génère des codes temporels).
two-factor-step-scan = Scannez ce code avec elle :
two-factor-step-key = ou saisissez cette clé :
two-factor-step-code = Saisissez le code à six chiffres affiché par l'application, pour vérifier que tout fonctionne.
two-factor-qr-label = Code QR à scanner avec une application d'authentification
two-factor-codes-title = Vos codes de secours
two-factor-codes-help = Chaque code vous connecte une fois si vous perdez votre téléphone. Gardez-les en lieu sûr : ils ne sont affichés que maintenant.
two-factor-continue = Continuer
two-factor-admin-on = Ce compte se connecte avec un second facteur.
two-factor-admin-reset = Réinitialiser la double authentification
setting-user-mfa = Double authentification proposée
setting-user-mfa-help = Chaque compte peut activer un second facteur (un code d'une application d'authentification) depuis son profil.
setting-user-mfa-user = Double authentification obligatoire pour les utilisateurs
setting-user-mfa-power-user = Double authentification obligatoire pour les utilisateurs avec pouvoir
setting-user-mfa-supervisor = Double authentification obligatoire pour les superviseurs
setting-user-mfa-technician = Double authentification obligatoire pour les techniciens
setting-user-mfa-administrator = Double authentification obligatoire pour les administrateurs
setting-user-mfa-required-help = Les comptes de ce profil configurent un second facteur à leur prochaine connexion et ne peuvent pas le désactiver.
