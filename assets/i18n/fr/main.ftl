# Page frame, languages, errors and validation messages.
language-name = Français

layout-skip-to-content = Aller au contenu
layout-menu = Menu
layout-profile = Profil
layout-logout = Se déconnecter

menu-administration = Administration
menu-system = Système

flash-logged-out = Vous êtes déconnecté.
flash-session-expired = Votre session a expiré après une période d'inactivité. Reconnectez-vous.
flash-password-changed = Votre mot de passe a été modifié.
flash-welcome = Bienvenue ! Votre compte administrateur est prêt.
flash-language-changed = La langue a été changée.

error-back-home = Retour à l'accueil
error-not-found-title = Page introuvable
error-not-found-text = Cette adresse ne correspond à aucune page de Gestdesk. Vérifiez le lien ou revenez à l'accueil.
error-method-text = Cette page ne peut pas être utilisée de cette façon.
error-forbidden-title = Accès refusé
error-forbidden-text = Votre profil ne vous donne pas accès à cette page. Demandez à un administrateur si vous pensez en avoir besoin.
error-csrf-title = Formulaire expiré
error-csrf-text = Ce formulaire a expiré ou ne vient pas de Gestdesk ; rien n'a été modifié. Rechargez la page et recommencez.
error-bad-request-title = Requête illisible
error-bad-request-text = Les données envoyées n'ont pas pu être lues ; rien n'a été modifié. Rechargez la page et recommencez.
error-too-large-title = Trop volumineux
error-too-large-text = Ce formulaire dépasse la taille de tout formulaire de l'application. Rien n'a été enregistré.
error-busy-title = Patientez
error-busy-text = Un autre de vos formulaires avec des fichiers est encore en cours d'envoi. Attendez qu'il soit terminé, puis renvoyez celui-ci.
error-internal-title = Erreur du serveur
error-internal-text = Une erreur inattendue est survenue et a été enregistrée dans le journal ; rien n'a été modifié. Réessayez dans un instant.

error-required = Ce champ est obligatoire.
error-too-long = { $max } caractères au maximum.
error-invalid-characters = Ce champ contient des caractères non autorisés.
error-login-required = Saisissez un identifiant.
error-login-invalid = L'identifiant ne peut contenir ni espace ni les caractères / \ " < >.
error-login-taken = Cet identifiant est déjà utilisé.
error-mail-invalid = Cette adresse mail n'est pas valide (exemple : prenom.nom@exemple.fr).
error-password-too-short = Le mot de passe doit contenir au moins { $min } caractères.
error-password-common = Ce mot de passe est de ceux que tout le monde essaie d'abord ; choisissez-en un autre.
error-password-too-long = Le mot de passe ne peut pas dépasser { $max } octets.
error-password-mismatch = Les deux mots de passe ne sont pas identiques.
error-password-wrong = Le mot de passe actuel est incorrect.
error-password-locked = Trop de mots de passe actuels erronés. Réessayez dans { $minutes ->
        [one] une minute
       *[other] { $minutes } minutes
    }.
error-password-unchanged = Le nouveau mot de passe doit être différent de l'actuel.
error-language-unknown = Cette langue n'est pas disponible.

action-add = Ajouter
action-back = Retour
action-cancel = Annuler
action-delete = Supprimer
action-disable = Désactiver
action-edit = Modifier
action-enable = Réactiver
action-remove = Retirer
action-save = Enregistrer
search-submit = Rechercher
col-actions = Actions
choice-default = Par défaut
choice-none = Aucun
choice-yes = Oui
choice-no = Non
form-has-errors = Certains champs sont à corriger ; rien n'a été enregistré.
pager-label = Pages
pager-previous = Précédente
pager-next = Suivante

flash-saved = Modifications enregistrées.
flash-deleted = Supprimé.
flash-disabled = Désactivé.
flash-enabled = Réactivé.
flash-account-created = Le compte a été créé.

error-cannot-disable-self = Vous ne pouvez pas désactiver votre propre compte.
error-color = Saisissez une couleur au format #rrvvbb (par exemple #d15b47).
error-date = Saisissez une date au format AAAA-MM-JJ.
error-duplicate = Cette valeur est déjà utilisée.
error-group-in-use = Ce groupe est utilisé par { $count ->
        [0] aucun ticket ni aucune catégorie
        [one] un ticket ou une catégorie
       *[other] { $count } tickets ou catégories
    } ; il ne peut pas être supprimé.
error-ipv4 = Saisissez une adresse IPv4 (par exemple 192.168.1.0).
error-netmask = Saisissez un masque de réseau (par exemple 255.255.255.0).
error-not-a-technician = Seuls les techniciens et les administrateurs peuvent être choisis ici.
error-number-range = Saisissez un nombre entier de { $min } à { $max }.
error-phone-invalid = Un numéro de téléphone ne contient que des chiffres, des espaces et + . - ( ) /.
error-setting-flag = Choisissez oui ou non.
error-setting-unknown = Ce paramètre n'existe pas.
error-too-many-registrations = Trop de comptes ont été créés depuis votre adresse dans l'heure. Réessayez plus tard.
error-unknown-choice = Choisissez une entrée de la liste.

menu-users = Utilisateurs
menu-groups = Groupes
menu-lists = Listes
menu-rights = Droits
menu-settings = Paramètres
cli-backup-done = Sauvegarde écrite : { $path } ({ $size } Mo, { $tickets } tickets, { $attachments } pièces jointes) en { $seconds } s.
cli-restore-done = Sauvegarde restaurée : { $tickets } tickets, { $users } utilisateurs, { $attachments } pièces jointes, en { $seconds } s. Les données remplacées sont dans { $kept }.
cli-restore-in-use = Gestdesk fonctionne sur ce dossier de données : arrêtez-le, puis restaurez.
error-storage-title = Enregistrement impossible pour l'instant
error-storage-full-text = Le disque du serveur est plein, rien n'a pu être enregistré ; les données déjà là sont intactes. Prévenez l'administrateur et réessayez une fois de la place libérée.
error-storage-readonly-text = Le serveur ne peut pas écrire ses données (dossier de données en lecture seule ou disque défaillant), rien n'a pu être enregistré ; les données déjà là sont intactes. Prévenez l'administrateur.
error-last-administrator = Refusé : plus aucun compte actif ne pourrait administrer. Gardez au moins un compte actif dont le profil a le droit admin.
setting-default-language = Langue par défaut
setting-default-language-help = La langue des pages pour les visiteurs dont le navigateur ne demande aucune des quatre, et des mails aux utilisateurs qui n’en ont choisi aucune. Prise d’abord de la page de mise en route.
lang-choice-fr = Français
lang-choice-en = English
lang-choice-es = Español
lang-choice-de = Deutsch
setting-name-order = Noms affichés
setting-name-order-help = L’ordre des noms des personnes partout : listes, choix, fil du ticket et mails. Les listes de personnes sont triées de la même façon.
name-order-first-last = Prénom Nom
name-order-last-first = Nom Prénom
setting-user-validation = Validation du demandeur
setting-user-validation-help = Un ticket résolu par un technicien attend que son demandeur accepte la résolution ou rouvre le ticket. Des catégories et sous-catégories peuvent être exclues dans Administration > Listes.
setting-user-validation-delay = Jours avant qu’une résolution sans réponse soit acceptée
setting-user-validation-delay-help = Sans réponse, la résolution est acceptée après ce nombre de jours ; le demandeur reçoit un rappel par mail la veille.
setting-user-validation-perimeter = Tickets soumis à validation
setting-user-validation-perimeter-help = Tous les tickets, ou seulement ceux dont le type le demande (Administration > Listes > Types).
validation-perimeter-type = Ceux dont le type le demande
validation-perimeter-all = Tous les tickets
error-conflict-title = Impossible pour l’instant
error-invalid-title = Refusé
