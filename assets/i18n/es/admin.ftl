# Administration pages and command-line messages.
system-title = Sistema
system-version = Versión
system-data-dir = Carpeta de datos
system-database = Base de datos
system-database-size = Tamaño de la base de datos
system-schema = Versión del esquema
system-schema-value = { $current } (última conocida: { $latest })
system-users = Cuentas
system-tickets = Tickets
system-started = Iniciado el
system-addresses = Direcciones de escucha

cli-serving = Gestdesk { $version } está en marcha. Abra:
cli-data-dir = Datos: { $dir }
cli-setup-link = Primer arranque: cree la cuenta de administrador en { $url }
cli-admin-created = Cuenta de administrador "{ $login }" creada.
cli-password-prompt = Contraseña:{" "}
cli-password-again = Contraseña (de nuevo):{" "}
cli-password-reset = Contraseña temporal de "{ $login }": { $password }
    Deberá cambiarse en el próximo inicio de sesión.
cli-no-such-login = Ninguna cuenta tiene el identificador "{ $login }".

cli-demo-done = Datos de ejemplo añadidos en { $seconds } s: { $tickets } tickets con { $entries } entradas de seguimiento y { $attachments } adjuntos, { $users } usuarios en { $companies } empresas, { $technicians } técnicos.
cli-demo-admin = Cuenta de administrador: { $login }
cli-demo-logins = Técnicos { $first_tech } a { $last_tech }, usuarios { $first_user } a { $last_user }. Todas las cuentas de ejemplo tienen la contraseña: { $password }
demo-error-tickets = Indique como máximo { $max } tickets.
demo-error-users = Indique entre 1 y { $max } usuarios.
demo-not-empty = Esta instancia ya tiene tickets: los datos de ejemplo solo van a una instancia sin ninguno (elija otro --data-dir).

desktop-open-console = Abrir la consola
desktop-copy-address = Copiar la dirección de red
desktop-quit = Salir
desktop-start-failed = Gestdesk no pudo arrancar

settings-title = Parámetros
settings-section-general = General
settings-section-users = Usuarios y organización
setting-company-name = Nombre de la empresa
setting-company-name-help = Se muestra en la barra superior y en la página de inicio de sesión. Vacío muestra "Gestdesk".
setting-session-timeout = Caducidad de la sesión (minutos)
setting-session-timeout-help = Un usuario que no hace nada durante este tiempo sale de la sesión (de 5 minutos a 30 días).
setting-rows-per-page = Líneas por página
setting-rows-per-page-help = Cuántas líneas muestran por página las listas de tickets, equipos y usuarios (5 a 500).
setting-user-advanced = Propiedades avanzadas de usuario
setting-user-advanced-help = Muestra los campos adicionales de la cuenta: empresa, móvil, fax, cargo, dirección, código postal, ciudad y dos campos libres.
setting-user-register = Los usuarios pueden crear su propia cuenta
setting-user-register-help = Añade un enlace "Crear una cuenta" a la página de inicio de sesión; las cuentas creadas así reciben el perfil Usuario.
setting-user-limit-ticket = Limitar el número de tickets por usuario
setting-user-limit-ticket-help = Cada cuenta recibe un número máximo de tickets durante un periodo a partir de una fecha; el límite se fija en la cuenta.
setting-company-limit-ticket = Limitar el número de tickets por empresa
setting-company-limit-ticket-help = Los usuarios de una empresa comparten un número máximo de tickets durante un periodo; el límite se fija en la empresa (Listas > Empresas).
setting-user-company-view = Los usuarios ven todos los tickets de su empresa
setting-user-company-view-help = Añade "Mi empresa" al menú izquierdo de los usuarios con el derecho side_company. Considere denegar user_profil_company para que los usuarios no puedan cambiar de empresa.
setting-user-agency = Los usuarios pertenecen a agencias
setting-user-agency-help = Activa las agencias: la lista de agencias, las agencias de cada cuenta y los derechos de agencia en los tickets.
setting-user-limit-service = Separar por servicio
setting-user-limit-service-help = Los usuarios solo ven los tickets de sus servicios, y las categorías, subcategorías, prioridades y criticidades pueden vincularse a un servicio.

rights-title = Derechos
rights-help = Cada fila es un derecho, cada columna un perfil. Haga clic en una celda para conceder (verde) o denegar (rojo) el derecho a todos los usuarios de ese perfil; se aplica en su próxima página.
rights-filter = Filtrar por nombre o descripción
rights-col-name = Derecho
rights-col-description = Descripción
rights-granted = Concedido
rights-denied = Denegado
settings-section-tickets = Tickets
setting-attachment-max-count = Adjuntos por ticket
setting-attachment-max-count-help = El número máximo de archivos de un ticket (0 desactiva los adjuntos).
setting-attachment-max-mb = Adjunto más grande (MB)
setting-attachment-max-mb-help = Los archivos mayores se rechazan (1 a 100 MB).
setting-ticket-type = Tipos de ticket
setting-ticket-type-help = Muestra el campo tipo (por ejemplo Solicitud o Incidencia) en los tickets; los tipos se editan en Listas > Tipos de ticket.
setting-ticket-places = Lugares
setting-ticket-places-help = Muestra el campo lugar en los tickets; los lugares se editan en Listas > Lugares.
setting-theme = Tema
setting-theme-help = Los colores de las páginas para los usuarios que no eligieron los suyos en su perfil.
