# The directory connector (LDAP): its settings and its test.
settings-tab-directory = Annuaire
settings-section-directory = Annuaire (LDAP)
directory-title = Paramètres de l'annuaire
directory-test-title = Tester l'annuaire
directory-test-help = Se connecte avec les paramètres enregistrés, s'authentifie avec le compte de service et compte les utilisateurs de chaque branche.
directory-test-bound = Le compte de service est accepté.
directory-test-button = Tester
directory-failure-name-not-found = Le nom du serveur est introuvable. Vérifiez son orthographe.
directory-failure-refused = Le serveur a refusé la connexion. Vérifiez le port et que le serveur accepte les connexions de cette machine.
directory-failure-timeout = Le serveur n'a pas répondu à temps.
directory-failure-tls = La connexion sécurisée a échoué. Vérifiez le choix de sécurité et le port, ou acceptez le certificat de ce serveur.
directory-failure-bad-credentials = Le serveur a refusé le compte de service ou son mot de passe.
directory-failure-no-such-branch = L'annuaire n'a pas cette branche :
directory-failure-protocol = Le serveur a répondu de façon inattendue : voir le journal du serveur.
setting-ldap-enabled = Utiliser l'annuaire
setting-ldap-enabled-help = Les utilisateurs sont pris d'un serveur Active Directory ou OpenLDAP.
setting-ldap-type = Type de serveur
setting-ldap-type-help = Fixe les attributs habituels et le filtre qui trouve les utilisateurs.
setting-ldap-type-ad = Active Directory
setting-ldap-type-openldap = OpenLDAP
setting-ldap-host = Nom ou adresse du serveur
setting-ldap-host-help = Par exemple dc1.example.com.
setting-ldap-port = Port
setting-ldap-port-help = 389 pour LDAP et StartTLS, 636 pour LDAPS.
setting-ldap-security = Sécurité
setting-ldap-security-help = Sans sécurité, les mots de passe traversent le réseau en clair.
setting-ldap-security-ldaps = LDAPS (TLS dès le départ)
setting-ldap-accept-invalid-certs = Accepter le certificat de ce serveur tel quel
setting-ldap-accept-invalid-certs-help = Seulement pour un serveur de votre réseau dont vous ne pouvez remplacer le certificat auto-signé : le certificat n'est alors pas vérifié.
setting-ldap-domain = Domaine
setting-ldap-domain-help = Le nom de domaine de l'annuaire, par exemple example.com.
setting-ldap-user-branches = Branches des utilisateurs
setting-ldap-user-branches-help = Où sont les utilisateurs, séparées par « ; », par exemple ou=Staff,dc=example,dc=com; ou=Interns,dc=example,dc=com.
setting-ldap-bind-dn = Compte de service
setting-ldap-bind-dn-help = Le compte qui lit l'annuaire, sous forme de DN (cn=helpdesk,ou=Services,dc=example,dc=com).
setting-ldap-password = Mot de passe du compte de service
setting-ldap-password-help = Gardé pour être utilisé, jamais réaffiché.
setting-ldap-missing-users = Utilisateurs absents de l'annuaire
setting-ldap-missing-users-help = Ce que devient un compte pris de l'annuaire quand il n'y est plus.
setting-ldap-missing-disable = Les désactiver
setting-ldap-missing-leave = Les laisser tels quels
setting-ldap-service-groups = Branche des groupes de services
setting-ldap-service-groups-help = Chaque groupe de cette branche est un service, avec ses membres. Vide : aucun.
setting-ldap-agency-groups = Branche des groupes d'agences
setting-ldap-agency-groups-help = Chaque groupe de cette branche est une agence, avec ses membres. Vide : aucune.
setting-ldap-attr-login = Attribut de l'identifiant
setting-ldap-attr-firstname = Attribut du prénom
setting-ldap-attr-lastname = Attribut du nom
setting-ldap-attr-mail = Attribut de l'adresse mail
setting-ldap-attr-phone = Attribut du téléphone
setting-ldap-attr-mobile = Attribut du portable
setting-ldap-attr-company = Attribut de la société
setting-ldap-attr-service = Attribut du service
setting-ldap-attr-title = Attribut de la fonction
setting-ldap-attr-address = Attribut de l'adresse
setting-ldap-attr-help = Vide : l'attribut habituel du type de serveur.
directory-test-users = { $count ->
        [0] aucun utilisateur
        [one] un utilisateur
       *[other] { $count } utilisateurs
    }
