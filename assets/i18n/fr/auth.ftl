# Login, first-run set-up, profile and password pages.
login-title = Connexion
login-field-login = Identifiant
login-field-password = Mot de passe
login-submit = Se connecter
login-language = Langue
login-error-invalid = Identifiant ou mot de passe incorrect.
login-error-throttled = Trop de tentatives de connexion échouées. Réessayez dans { $minutes } minute(s).
login-error-address-throttled = Trop de connexions échouées depuis votre réseau. Réessayez dans { $minutes } minute(s), ou demandez à un administrateur de lever le blocage.
login-error-busy = Ce compte est déjà en cours de vérification. Réessayez dans un instant.

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
password-must-change = Vous devez choisir un nouveau mot de passe avant de continuer.
password-field-current = Mot de passe actuel
password-field-new = Nouveau mot de passe
password-field-confirm = Confirmation du nouveau mot de passe
password-hint = Au moins { $min } caractères.
password-submit = Enregistrer le mot de passe
