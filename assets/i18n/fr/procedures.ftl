# Procédures : modes opératoires partagés, classés par catégorie de ticket.
menu-procedures = Procédures
procedures-heading = Procédures
procedures-search = Rechercher une procédure
procedures-category = Catégorie
procedures-subcategory = Sous-catégorie
procedures-all-categories = Toutes les catégories
procedures-new = Nouvelle procédure
procedures-count = { $count ->
        [0] Aucune procédure
        [one] Une procédure
       *[other] { $count } procédures
    }
procedures-none = Aucune procédure pour l'instant.
procedures-none-found = Aucune procédure ne correspond à cette recherche.
procedures-title = Titre
procedures-company = Société
procedures-published = Publiée aux demandeurs
procedures-published-help = Les demandeurs la voient alors depuis leurs tickets de la même catégorie ; les techniciens la voient toujours.
procedures-updated = Dernière modification
procedures-files = Fichiers
procedures-yes = Oui
procedures-no = Non
procedures-published-badge = Publiée
procedures-draft-badge = Techniciens seulement
procedures-back = Toutes les procédures
procedures-edit = Modifier la procédure
procedures-confirm-delete = Supprimer cette procédure et ses fichiers ?
procedures-confirm-remove-file = Retirer ce fichier de la procédure ?
procedures-written-by = Rédigée par { $name } le { $date }
procedures-changed-by = modifiée par { $name } le { $date }
procedures-body = Texte
procedures-body-help = Markdown : **gras**, *italique*, listes, liens, `code`, tableaux. Les scripts et styles sont retirés.
procedures-add-files = Ajouter des fichiers
procedures-conflict = Quelqu'un a modifié cette procédure pendant que vous la modifiiez. Votre texte est ci-dessous : vérifiez-le, puis enregistrez à nouveau pour remplacer sa version.
procedures-filed-in = Catégorie : { $name }
procedures-of-company = Société : { $name }
procedures-for-ticket = Procédures de cette catégorie
usage-procedures = utilisée par { $count ->
        [0] aucune procédure
        [one] une procédure
       *[other] { $count } procédures
    }
