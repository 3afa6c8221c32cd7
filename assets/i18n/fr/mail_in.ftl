# Mails entrants : boîtes aux lettres, relèves, mails rejetés.
settings-tab-mail-in = Mails entrants
settings-section-mail-in = Mails entrants
setting-mail-in-unknown-sender = Mail d'une adresse inconnue
setting-mail-in-unknown-sender-help = Quand aucun compte n'a l'adresse de l'expéditeur : lui créer un compte utilisateur et ouvrir son ticket, ou refuser le mail par une réponse qui le dit.
setting-mail-in-unknown-create = Créer un compte et ouvrir le ticket
setting-mail-in-unknown-refuse = Le refuser par une réponse
setting-mail-in-acknowledge = Accuser réception des tickets ouverts par mail
setting-mail-in-acknowledge-help = Le demandeur reçoit un mail avec le numéro du ticket, auquel il peut répondre.
mail-in-title = Mails entrants
mailboxes-title = Boîtes aux lettres
mailboxes-help = Chaque mail non lu de ces boîtes devient un ticket, ou une réponse dans le fil du ticket auquel il répond. Gestdesk les relève lui-même, à l'intervalle de chaque boîte.
mailboxes-none = Aucune boîte aux lettres pour l'instant.
mailbox-name = Nom
mailbox-server = Serveur
mailbox-folder = Dossier
mailbox-after = Une fois traité
mailbox-interval = Relever toutes les (minutes)
mailbox-last-fetch = Dernière relève
mailbox-off = désactivée
mailbox-every-minutes = { $count ->
        [one] chaque minute
       *[other] toutes les { $count } minutes
    }
mailbox-add = Ajouter une boîte aux lettres
mailbox-edit = Boîte aux lettres
mail-fetches-title = Historique des relèves
mail-rejected-link = { $count ->
        [0] Mails rejetés
       *[other] Mails rejetés ({ $count })
    }
mailbox-connection = Connexion
mailbox-enabled = Relever cette boîte
mailbox-enabled-help = Désactivée, elle n'est relevée que par « Relever maintenant » ou la ligne de commande.
mailbox-host = Nom ou adresse du serveur
mailbox-port = Port
mailbox-security = Sécurité
mailbox-login = Identifiant
mailbox-password = Mot de passe
mailbox-password-kept = Un mot de passe est enregistré : laissez le champ vide pour le garder.
mailbox-handling = Traitement
mailbox-move-to = Dossier où déplacer les mails traités
mailbox-service = Service de ses tickets
mailbox-category = Catégorie de ses tickets
mailbox-excluded = Adresses et domaines exclus
mailbox-excluded-help = Séparés par « ; », par exemple chef@example.com; newsletter.example.com. Leurs mails sont marqués traités, sans plus.
mailbox-test = Tester
mailbox-fetch-now = Relever maintenant
mailbox-delete-confirm = Supprimer cette boîte aux lettres ? Ses tickets restent.
mailbox-test-ok = { $count ->
        [0] Connexion réussie et dossier ouvert : aucun mail non lu n'attend.
        [one] Connexion réussie et dossier ouvert : un mail non lu attend.
       *[other] Connexion réussie et dossier ouvert : { $count } mails non lus attendent.
    }
mail-fetch-done = Lus : { $read }. Tickets : { $tickets }. Réponses : { $replies }. Ignorés : { $ignored }. Rejetés : { $rejected }. Erreurs : { $errors }.
mailbox-after-read = Le marquer lu
mailbox-after-move = Le déplacer dans un dossier
mailbox-after-delete = Le supprimer
mail-in-failure-name-not-found = Le nom du serveur est introuvable. Vérifiez son orthographe.
mail-in-failure-refused = Le serveur a refusé la connexion. Vérifiez le port et que le serveur accepte les connexions de cette machine.
mail-in-failure-timeout = Le serveur n'a pas répondu à temps.
mail-in-failure-tls = La connexion sécurisée a échoué. Vérifiez le choix de sécurité et le port, ou acceptez le certificat de ce serveur.
mail-in-failure-login-refused = Le serveur a refusé l'identifiant ou le mot de passe.
mail-in-failure-no-such-folder = Le serveur n'a pas ce dossier.
mail-in-failure-busy = Cette boîte est déjà en cours de relève.
mail-in-failure-storage = Les mails n'ont pas pu être enregistrés : voir le journal du serveur.
mail-in-failure-protocol = Le serveur a répondu de façon inattendue : voir le journal du serveur.
mail-fetch-trigger-schedule = Planification
mail-fetch-trigger-manual = Relever maintenant
mail-fetch-trigger-command = Ligne de commande
mail-fetches-none = Aucune boîte n'a encore été relevée.
mail-fetch-when = Quand
mail-fetch-trigger = Demandée par
mail-fetch-read = Lus
mail-fetch-tickets = Tickets
mail-fetch-replies = Réponses
mail-fetch-ignored = Ignorés
mail-fetch-rejected = Rejetés
mail-fetch-errors = Erreurs
mail-fetch-duration = Durée
mail-rejected-title = Mails rejetés
mail-rejected-help = Les mails illisibles sont gardés ici plutôt que perdus. Téléchargez-en un pour le lire dans un logiciel de messagerie.
mail-rejected-none = Aucun mail rejeté.
mail-rejected-count = { $count ->
        [0] Aucun mail rejeté.
        [one] Un mail rejeté.
       *[other] { $count } mails rejetés.
    }
mail-rejected-sender = Expéditeur
mail-rejected-subject = Objet
mail-rejected-reason = Raison
mail-rejected-size = Taille
mail-rejected-download = Télécharger
mail-rejected-delete-confirm = Retirer ce mail de la liste ?
mail-rejected-too-large = Trop volumineux
mail-rejected-no-sender = Pas d'adresse d'expéditeur
mail-rejected-not-a-mail = Mail illisible
error-mailbox-excluded = « { $value } » n'est ni une adresse ni un domaine.
error-mailbox-move-same = Choisissez un autre dossier que celui relevé.
mail-in-no-subject = (sans objet)
mail-in-files-refused = Fichiers du mail qui n'ont pas été gardés :
mail-in-refused-title = Votre mail n'a pas été reçu
mail-in-refused-body = Ce support n'accepte que les mails des adresses de ses utilisateurs. Demandez à votre équipe informatique d'ajouter la vôtre, ou faites votre demande depuis les pages du support.
mail-in-refused-subject = Votre mail
outbox-kind-mail-refused = Mail refusé
thread-by-mail = par mail de { $address }
cli-mailbox-unknown = Aucune boîte aux lettres ne s'appelle « { $name } ».
cli-mailbox-none = Aucune boîte aux lettres n'est activée.
cli-mail-fetched = { $mailbox } — lus : { $read }, tickets : { $tickets }, réponses : { $replies }, ignorés : { $ignored }, rejetés : { $rejected }, erreurs : { $errors }, en { $seconds } s.
cli-mail-fetch-failed = Relève impossible : { $names }.
