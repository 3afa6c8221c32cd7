# The directory connector (LDAP): its settings and its test.
settings-tab-directory = Directorio
settings-section-directory = Directorio (LDAP)
directory-title = Ajustes del directorio
directory-test-title = Probar el directorio
directory-test-help = Se conecta con los ajustes guardados, inicia sesión con la cuenta de servicio y cuenta los usuarios de cada rama.
directory-test-bound = La cuenta de servicio es aceptada.
directory-test-button = Probar
directory-failure-name-not-found = No se encontró el nombre del servidor. Compruebe cómo está escrito.
directory-failure-refused = El servidor rechazó la conexión. Compruebe el puerto y que el servidor acepta conexiones de esta máquina.
directory-failure-timeout = El servidor no respondió a tiempo.
directory-failure-tls = Falló la conexión segura. Compruebe la seguridad elegida y el puerto, o acepte el certificado de este servidor.
directory-failure-bad-credentials = El servidor rechazó la cuenta de servicio o su contraseña.
directory-failure-no-such-branch = El directorio no tiene esta rama:
directory-failure-protocol = El servidor respondió de forma inesperada: vea el registro del servidor.
setting-ldap-enabled = Usar el directorio
setting-ldap-enabled-help = Los usuarios se toman de un servidor Active Directory u OpenLDAP.
setting-ldap-type = Tipo de servidor
setting-ldap-type-help = Fija los atributos habituales y el filtro que encuentra a los usuarios.
setting-ldap-type-ad = Active Directory
setting-ldap-type-openldap = OpenLDAP
setting-ldap-host = Nombre o dirección del servidor
setting-ldap-host-help = Por ejemplo dc1.example.com.
setting-ldap-port = Puerto
setting-ldap-port-help = 389 para LDAP y StartTLS, 636 para LDAPS.
setting-ldap-security = Seguridad
setting-ldap-security-help = Sin seguridad, las contraseñas cruzan la red en claro.
setting-ldap-security-ldaps = LDAPS (TLS desde el inicio)
setting-ldap-accept-invalid-certs = Aceptar el certificado de este servidor tal cual
setting-ldap-accept-invalid-certs-help = Solo para un servidor de su red cuyo certificado autofirmado no puede sustituir: el certificado no se comprueba.
setting-ldap-domain = Dominio
setting-ldap-domain-help = El nombre de dominio del directorio, por ejemplo example.com.
setting-ldap-user-branches = Ramas de usuarios
setting-ldap-user-branches-help = Dónde están los usuarios, separadas por «;», por ejemplo ou=Staff,dc=example,dc=com; ou=Interns,dc=example,dc=com.
setting-ldap-bind-dn = Cuenta de servicio
setting-ldap-bind-dn-help = La cuenta que lee el directorio, como DN (cn=helpdesk,ou=Services,dc=example,dc=com).
setting-ldap-password = Contraseña de la cuenta de servicio
setting-ldap-password-help = Se guarda para usarla, nunca se vuelve a mostrar.
setting-ldap-missing-users = Usuarios ausentes del directorio
setting-ldap-missing-users-help = Qué pasa con una cuenta tomada del directorio cuando ya no está en él.
setting-ldap-missing-disable = Desactivarlos
setting-ldap-missing-leave = Dejarlos como están
setting-ldap-service-groups = Rama de los grupos de servicios
setting-ldap-service-groups-help = Cada grupo de esta rama es un servicio, con sus miembros. Vacío: ninguno.
setting-ldap-agency-groups = Rama de los grupos de agencias
setting-ldap-agency-groups-help = Cada grupo de esta rama es una agencia, con sus miembros. Vacío: ninguna.
setting-ldap-attr-login = Atributo del usuario
setting-ldap-attr-firstname = Atributo del nombre
setting-ldap-attr-lastname = Atributo de los apellidos
setting-ldap-attr-mail = Atributo de la dirección de correo
setting-ldap-attr-phone = Atributo del teléfono
setting-ldap-attr-mobile = Atributo del móvil
setting-ldap-attr-company = Atributo de la empresa
setting-ldap-attr-service = Atributo del servicio
setting-ldap-attr-title = Atributo del cargo
setting-ldap-attr-address = Atributo de la dirección
setting-ldap-attr-help = Vacío: el atributo habitual del tipo de servidor.
directory-test-users = { $count ->
        [0] ningún usuario
        [one] un usuario
       *[other] { $count } usuarios
    }
