# Tickets: the form, the thread, attachments, reminders.
menu-new-ticket = Nouveau ticket
menu-tickets-left = { $count ->
        [0] plus aucun
        [one] encore un
       *[other] encore { $count }
    }

ticket-new-title = Nouveau ticket
ticket-create = Créer le ticket
ticket-send = Envoyer
ticket-use-template = Partir d'un modèle
ticket-use-template-submit = Utiliser
ticket-limit-left = { $count ->
        [0] Vous ne pouvez plus ouvrir de ticket pour l'instant : votre limite est atteinte.
        [one] Vous pouvez encore ouvrir un ticket.
       *[other] Vous pouvez encore ouvrir { $count } tickets.
    }
ticket-summary = Ticket n° { $id }, ouvert le { $date }
ticket-section-people = Personnes
ticket-section-classification = Classement
ticket-section-request = Demande
ticket-section-dates = Dates et temps
ticket-field-requester = Demandeur
ticket-field-type = Type
ticket-field-technician = Technicien
ticket-field-category = Catégorie
ticket-field-subcategory = Sous-catégorie
ticket-field-place = Lieu
ticket-field-asset = Équipement
ticket-asset-search = Chercher un équipement : nom, numéro de série, adresse IP ou MAC
ticket-error-asset-not-requesters = Choisissez un équipement du demandeur.
ticket-field-service = Service
ticket-field-agency = Agence
ticket-field-title = Titre
ticket-field-description = Description
ticket-field-created = Date de la demande
ticket-field-hope-date = Date de résolution estimée
ticket-field-resolved = Date de résolution
ticket-field-time-spent = Temps passé
ticket-field-time-hope = Temps estimé
ticket-field-priority = Priorité
ticket-field-criticality = Criticité
ticket-field-state = État
ticket-warning-empty = Pas encore choisi
ticket-requester-mail = Mail
ticket-requester-phone = Téléphone
ticket-now-value = Enregistré entre-temps : { $value }
ticket-conflict = Quelqu'un a enregistré ce ticket pendant que vous le modifiiez. Les champs signalés ci-dessous ont été changés par vous deux : vérifiez-les puis enregistrez à nouveau pour garder votre version. Vos autres changements ne sont pas encore enregistrés.
ticket-close = Clôturer le ticket
ticket-close-confirm = Clôturer ce ticket ? Il passera à l'état résolu.
ticket-duplicate = Dupliquer
ticket-thread = Résolution
ticket-reply = Ajouter une réponse
ticket-reply-private = Masquée au demandeur
ticket-save-and-send = Enregistrer et envoyer
ticket-attachments = Pièces jointes
ticket-attachments-none = Aucune pièce jointe.
ticket-attachments-add = Joindre des fichiers
ticket-attachments-hint = { $count ->
        [0] Plus aucun fichier
        [one] Encore un fichier au plus
       *[other] Encore { $count } fichiers au plus
    }, { $size } Mo chacun : documents, images, textes, mails, archives, sons ou vidéos.
ticket-attachment-confirm-delete = Retirer cette pièce jointe ?

md-toolbar = Mise en forme
md-bold = Gras
md-italic = Italique
md-list = Liste
md-link = Lien
md-code = Code
md-hint = Mise en forme Markdown : **gras**, *italique*, - listes, [texte](https://lien).

thread-opened = { $who } a ouvert le ticket.
thread-assigned = { $who } a attribué le ticket à { $to } (avant : { $from }).
thread-state = { $who } a changé l'état de { $from } à { $to }.
thread-closed = { $who } a clôturé le ticket ({ $state }).
thread-attachment = { $who } a joint { $name }.
thread-attachment-removed = { $who } a retiré la pièce jointe { $name }.
thread-edited = modifié
thread-private = Masqué
thread-private-help = Le demandeur ne voit pas cette réponse.
thread-hide = Masquer au demandeur
thread-show = Montrer au demandeur
thread-confirm-delete = Supprimer cette réponse ?

reminders-title = Rappels
reminders-none = Aucun rappel.
reminders-when = Rappeler le
reminders-text = À propos de
reminders-add = Créer un rappel
reminders-done = Fait
reminders-need-technician = Un rappel va au technicien du ticket : attribuez-en un d'abord.
reminders-too-many = Ce ticket a déjà { $max } rappels en attente.
reminders-nothing-due = Aucun rappel n'est échu.
reminders-due-title = Rappels échus
reminders-due = { $count ->
        [0] Aucun rappel échu
        [one] Un rappel échu
       *[other] { $count } rappels échus
    }

quick-subcategory-title = Nouvelle sous-catégorie

settings-next-number = Numéro du prochain ticket
settings-next-number-help = Le numéro que recevra le prochain ticket. Il ne peut que monter : jamais en dessous du plus grand numéro déjà attribué.

flash-ticket-created = Le ticket a été créé.
flash-ticket-merged = Enregistré. Quelqu'un avait modifié d'autres champs entre-temps ; les deux changements sont conservés.
flash-ticket-closed = Le ticket est clôturé.
flash-reminder-set = Rappel enregistré.

error-attachment-count = Au plus { $max } pièces jointes par ticket.
error-attachment-name = Ce fichier n'a pas de nom utilisable.
error-attachment-read = Le fichier { $name } n'a pas pu être enregistré ; envoyez-le à nouveau.
error-attachment-size = { $name } dépasse { $max } Mo.
error-attachment-type = { $name } est refusé : programmes, scripts et pages web ne peuvent pas être joints.
error-attachment-kind = { $name } est refusé : seuls les documents, images, textes, mails, archives, sons et vidéos peuvent être joints.
error-attachment-not-allowed = Aucun fichier ne peut être joint ici.
error-attachment-pending-full = Vos fichiers en attente de leur formulaire occupent déjà { $max } Mo : enregistrez ou abandonnez d'abord ce formulaire.
error-datetime = Saisissez une date et une heure.
error-field-changed-meanwhile = Modifié par quelqu'un d'autre pendant votre saisie.
error-hope-before-created = La date de résolution estimée ne peut pas précéder la date de la demande.
error-resolved-before-created = La date de résolution ne peut pas précéder la date de la demande.
error-next-number-too-low = Le prochain numéro ne peut pas descendre sous { $min }.
error-subcategory-not-in-category = Cette sous-catégorie n'appartient pas à la catégorie choisie.
error-subcategory-without-category = Choisissez d'abord une catégorie.
error-ticket-changed = Le ticket a changé pendant l'enregistrement ; réessayez.
error-ticket-limit-reached = Votre limite de tickets ({ $max }) est atteinte : aucun nouveau ticket ne peut être ouvert pour l'instant.
error-unknown-ticket = Aucun ticket ne porte ce numéro.
error-whole-number = Saisissez un nombre entier.
ticket-requester-search = Rechercher un demandeur : nom, identifiant, mail ou société
ticket-requester-search-none = Personne ne correspond.
error-attachment-bomb = { $name } est refusé : cette archive se décompresserait en bien plus que sa taille.

md-quote = Citation
md-paste-hint = Collez ou déposez une image ici
md-paste-busy = Ajout de l’image…
ticket-changed-live = Modifié entre-temps par quelqu’un d’autre, maintenant :
ticket-fields = Détails du ticket
ticket-save-and-close = Enregistrer et fermer
error-paste-not-picture = Seules des images (PNG, JPEG, GIF, WebP) peuvent être collées dans un texte ; joignez les autres fichiers plus bas.
setting-reply-reopens = Une réponse du demandeur rouvre un ticket résolu
setting-reply-reopens-help = Quand le demandeur répond à un ticket résolu, il repasse « En cours » (ou « Non attribué » si personne ne l’a).
ticket-description-edit = Modifier la description
thread-by-system = Gestdesk
reminders-bell-label = Rappels
reminders-due-notice = Un rappel arrive à échéance.
reminders-past = Cette date est passée : choisissez un moment à venir.
ticket-template-save = Enregistrer comme modèle…
ticket-template-name = Nom du modèle
ticket-template-save-submit = Enregistrer le modèle
flash-template-saved = Enregistré comme modèle : les nouveaux tickets peuvent en partir.
md-paste-failed = L’image n’a pas pu être jointe ; réessayez, ou joignez-la plus bas.
ticket-technician-search = Chercher un technicien ou un groupe
person-search = Tapez un nom, un identifiant, un mail ou une société
person-remove = Retirer
menu-hours-left = encore { $hours } h
ticket-hours-left = Votre société ({ $company }) dispose encore de { $hours } h de travail sur cette période.
ticket-hours-used-up = Votre société ({ $company }) a utilisé toutes ses heures pour cette période : aucun nouveau ticket ne peut être ouvert pour l’instant.
error-hour-limit-reached = Les heures de { $company } pour cette période sont épuisées : aucun nouveau ticket ne peut être ouvert pour l’instant.
validation-not-awaiting = Cette résolution n’attend plus de réponse.
validation-heading = Résolution à valider
validation-question = Ce ticket a été résolu. La résolution règle-t-elle votre problème ? Sans réponse, elle sera acceptée le { $date }.
validation-accept = Oui, c’est réglé
validation-reopen = Non, rouvrir le ticket
validation-reopen-confirm = Rouvrir le ticket ? Vous pourrez dire ce qui ne va toujours pas dans une réponse.
validation-awaiting = En attente de la validation du demandeur ; la résolution sera acceptée le { $date }.
validation-confirm = Le demandeur l’a validée
validation-confirm-help = Noter que le demandeur a accepté la résolution (au téléphone, de vive voix) ?
validation-accepted = Résolution acceptée par { $name } le { $date }.
validation-confirmed = Validation du demandeur notée par { $name } le { $date }.
validation-expired = Résolution acceptée sans réponse le { $date }.
validation-mark = à valider
flash-resolution-accepted = Merci : la résolution est acceptée.
flash-ticket-reopened = Le ticket est rouvert ; dites ce qui ne va toujours pas dans une réponse.

ticket-print = Imprimer
ticket-printed-on = Imprimé le { $date }
ticket-reopen = Rouvrir
ticket-reopen-not-closed = Ce ticket n'est pas fermé : il n'y a rien à rouvrir.
ticket-observers = Observateurs
ticket-observers-none = Personne n'observe ce ticket.
ticket-observer-stop = Ne plus observer
ticket-observer-add = Ajouter un observateur
ticket-observer-add-submit = Ajouter
ticket-observer-unknown = Choisissez dans la liste une personne active (ou un groupe de techniciens).
ticket-observers-full = Ce ticket a déjà autant d'observateurs qu'il peut en avoir.
thread-observer-added = { $who } a ajouté { $observer } aux observateurs.
thread-observer-removed = { $who } a retiré { $observer } des observateurs.
thread-merged-into = { $who } a fusionné ce ticket dans { $other }.
thread-merged-from = { $who } a fusionné le ticket { $other } dans celui-ci.
thread-open-other = Ouvrir
ticket-merge = Fusionner
ticket-merge-target = Fusionner ce ticket dans le ticket numéro
ticket-merge-hint = Ses réponses, mails, fichiers et observateurs passent dans ce ticket, et celui-ci est clos.
ticket-merge-submit = Fusionner
ticket-merge-confirm = Fusionner ce ticket dans l'autre ? Ce n'est pas réversible.
ticket-merge-same = Un ticket ne peut pas être fusionné dans lui-même.
ticket-merge-unknown = Aucun ticket de ce numéro que vous pouvez voir.
ticket-merge-target-merged = Ce ticket a lui-même été fusionné dans un autre ; fusionnez dans celui-là.
ticket-merge-already = Ce ticket a déjà été fusionné dans un autre.
ticket-merged-banner = Ce ticket a été fusionné dans { $other } ; il se poursuit là-bas.
flash-ticket-merged-into = Fusionné. La conversation continue dans ce ticket.
mail-merged-into = Votre demande a été fusionnée dans le ticket { $other }, qui traite le même problème ; suivez-la là-bas.
ticket-delete-confirm = Supprimer ce ticket ? Il disparaît de toutes les listes et recherches.
ticket-around = Tickets de la liste
ticket-previous = Ticket précédent de la liste
ticket-next = Ticket suivant de la liste
ticket-field-billable = Facturable
error-other-service = Ce choix appartient à un autre service que celui du ticket.
ticket-field-sender-service = Service du demandeur
ticket-save-hidden-reply = Enregistrer en réponse masquée
ticket-new-reply = Première réponse (résolution)
ticket-field-answer-type = Type de réponse
