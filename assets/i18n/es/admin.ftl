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
cli-no-instance = No hay datos de Gestdesk en { $dir } (no hay gestdesk.sqlite3). Compruebe --data-dir (o GESTDESK_DATA_DIR); `gestdesk serve` inicia una instancia nueva, `gestdesk create-admin --init` crea una con su administrador.
cli-backup-exists = { $path } ya existe; añada --force para reemplazarlo.
cli-data-dir-busy = Otro Gestdesk ya sirve { $dir }; deténgalo primero o elija otro --data-dir.
cli-repair-granted = El perfil Administrador vuelve a tener los derechos { $rights }.
cli-repair-profile = La cuenta es ahora del perfil Administrador.
cli-repair-enabled = La cuenta estaba desactivada; ahora está activa.
cli-repair-unlocked = Se olvidan sus inicios de sesión fallidos: ya no está bloqueada.
cli-repair-nothing = No había nada que reparar.
cli-repair-done = «{ $login }» es un administrador operativo. Si también perdió su contraseña: gestdesk reset-password { $login }

cli-demo-done = Datos de ejemplo añadidos en { $seconds } s: { $tickets } tickets con { $entries } entradas de seguimiento y { $attachments } adjuntos, { $procedures } procedimientos, { $users } usuarios en { $companies } empresas, { $technicians } técnicos.
cli-demo-assets = { $assets ->
    [one] { $assets } equipo
   *[other] { $assets } equipos
} con { $ifaces ->
    [one] { $ifaces } interfaz IP
   *[other] { $ifaces } interfaces IP
}, en { $networks ->
    [one] { $networks } red declarada
   *[other] { $networks } redes declaradas
}.
cli-demo-admin = Cuenta de administrador: { $login }
cli-demo-logins = Técnicos { $first_tech } a { $last_tech }, usuarios { $first_user } a { $last_user }. Todas las cuentas de ejemplo tienen la contraseña: { $password }
demo-error-tickets = Indique como máximo { $max } tickets.
demo-error-assets = Indique como máximo { $max } equipos.
demo-error-users = Indique entre 1 y { $max } usuarios.
demo-not-empty = Esta instancia ya tiene tickets: los datos de ejemplo solo van a una instancia sin ninguno (elija otro --data-dir).

desktop-open-console = Abrir la consola
desktop-copy-address = Copiar la dirección de red
desktop-quit = Salir
desktop-start-failed = Gestdesk no pudo arrancar
desktop-update-check = Buscar actualizaciones
desktop-update-install = Instalar la versión { $version } y reiniciar
desktop-update-available = La versión { $version } está disponible
desktop-update-none = Gestdesk está al día
desktop-update-installed = La versión { $version } está instalada
desktop-update-failed = La actualización no se completó: { $error }
desktop-update-check-failed = La búsqueda de actualizaciones falló: { $error }
desktop-update-off = No hay ninguna dirección de actualización configurada (--update-url y --update-key).
desktop-update-no-display = La búsqueda de actualizaciones necesita una sesión gráfica (DISPLAY o WAYLAND_DISPLAY), como la propia aplicación.
desktop-update-bad-url = Sin búsqueda de actualizaciones: { $url } no es una dirección válida.
desktop-update-not-https = Sin búsqueda de actualizaciones: la dirección debe usar https (http solo hacia esta máquina): { $url }
desktop-update-no-key = Sin búsqueda de actualizaciones: hay una dirección, pero ninguna clave pública para comprobar los paquetes (--update-key).
desktop-update-bad-key = Sin búsqueda de actualizaciones: la clave no es una clave pública hecha por gestdesk-update-signer ({ $error }).

settings-title = Parámetros
settings-section-general = General
settings-section-users = Usuarios y organización
setting-company-name = Nombre de la empresa
setting-company-name-help = Se muestra en la barra superior y en la página de inicio de sesión. Vacío muestra "Gestdesk".
setting-session-timeout = Caducidad de la sesión (minutos)
setting-session-timeout-help = Un usuario que no hace nada durante este tiempo sale de la sesión (de 5 minutos a 30 días).
setting-session-max = Duración máxima de una sesión (horas)
setting-session-max-help = Un usuario sale de la sesión este tiempo después de iniciarla, aunque esté trabajando (0: sin límite; hasta un año).
setting-password-min-length = Longitud mínima de las contraseñas (caracteres)
setting-password-min-length-help = Las contraseñas nuevas deben tener al menos este número de caracteres (8 a 64). Las contraseñas existentes siguen siendo válidas.
setting-password-refuse-common = Rechazar contraseñas comunes
setting-password-refuse-common-help = Las contraseñas nuevas no pueden ser de las que todo el mundo prueba primero (123456, qwerty, contraseña y similares, con o sin cifras detrás), el propio usuario, ni un solo carácter repetido.
setting-rows-per-page = Líneas por página
setting-rows-per-page-help = Cuántas líneas muestran por página las listas de tickets, equipos y usuarios (5 a 500).
setting-user-advanced = Propiedades avanzadas de usuario
setting-user-advanced-help = Muestra los campos adicionales de la cuenta: empresa, móvil, fax, cargo, dirección, código postal, ciudad y dos campos libres.
setting-user-register = Los usuarios pueden crear su propia cuenta
setting-user-register-help = Añade un enlace "Crear una cuenta" a la página de inicio de sesión; las cuentas creadas así reciben el perfil Usuario.
setting-user-limit-ticket = Limitar el número de tickets por usuario
setting-user-limit-ticket-help = Cada cuenta recibe un número máximo de tickets durante un periodo a partir de una fecha; el límite se fija en la cuenta.
setting-company-limit-ticket = Limitar el número de tickets por empresa
setting-company-limit-ticket-help = Los usuarios de una empresa comparten un número máximo de tickets durante un periodo; el límite se fija en la empresa (Listas > Empresas). Mientras esté activo, solo los administradores cambian la empresa de un usuario.
setting-user-company-view = Los usuarios ven todos los tickets de su empresa
setting-user-company-view-help = Añade "Mi empresa" al menú izquierdo de los usuarios con el derecho side_company. Mientras esté activo, solo los administradores cambian la empresa de un usuario.
setting-user-agency = Los usuarios pertenecen a agencias
setting-user-agency-help = Activa las agencias: la lista de agencias, las agencias de cada cuenta y los derechos de agencia en los tickets.
setting-user-limit-service = Separar por servicio
setting-user-limit-service-help = Los usuarios solo ven los tickets de sus servicios, y las categorías, subcategorías, prioridades y criticidades pueden vincularse a un servicio. Mientras esté activo, solo los administradores cambian los servicios de un usuario.

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
settings-log-link = Historial de cambios
settings-log-title = Cambios de parámetros
settings-log-empty = Aún no se ha cambiado ningún parámetro.
settings-log-when = Cuándo
settings-log-setting = Parámetro
settings-log-old = Antes
settings-log-new = Después
settings-log-by = Por
settings-log-cli = Línea de comandos
settings-back = Volver a los parámetros
settings-section-functions = Funciones
setting-server-url = Dirección del servidor
setting-server-url-help = La dirección en la que los usuarios abren Gestdesk (por ejemplo https://helpdesk.example.com), usada en los enlaces de los correos. Vacío usa la dirección por la que se llegó al servidor.
setting-flash-ms = Duración de los mensajes de acción (ms)
setting-flash-ms-help = Cuánto tiempo los mensajes como "Cambios guardados." permanecen destacados antes de atenuarse (de 1000 a 60000 ms).
setting-live-updates = Actualización en directo
setting-live-updates-help = Las listas, los contadores y la barra de usuario se actualizan solos cuando cambian los tickets. La pantalla de supervisión siempre lo hace.
setting-availability = Disponibilidad
setting-availability-help = Activa la función de disponibilidad (seguimiento de la disponibilidad de los servicios).
setting-calendar = Calendario
setting-calendar-help = Activa la función de calendario (intervenciones planificadas de los técnicos).
setting-assets = Equipos
setting-assets-help = Activa el inventario de equipos.
setting-asset-ip = Direcciones IP de los equipos
setting-asset-ip-help = Gestiona las interfaces de red y las direcciones IP de los equipos.
setting-asset-warranty = Garantías de los equipos
setting-asset-warranty-help = Sigue la fecha de fin de garantía de los equipos.
setting-asset-vnc = Enlace VNC en los equipos
setting-asset-vnc-help = Muestra un enlace VNC para llegar a la pantalla de un equipo.
setting-procedures = Procedimientos
setting-procedures-help = Activa la función de procedimientos (guías compartidas). Mientras esté activa, solo los administradores cambian la empresa de un usuario.
setting-surveys = Encuestas
setting-surveys-help = Activa las encuestas de satisfacción: un correo con un enlace de un solo uso cuando un ticket pasa al estado elegido (Administración > Ajustes > Encuestas).
settings-function-without-pages = Esta versión de Gestdesk no tiene páginas para esta función; el ajuste se guarda para las versiones que las tengan.
error-url = Introduzca una dirección que empiece por http:// o https:// (por ejemplo https://helpdesk.example.com).
setting-debug = Modo de depuración
setting-debug-help = Las páginas de error muestran a los administradores lo que falló por dentro (los demás usuarios siguen viendo el mensaje simple). Solo para diagnosticar un problema.
error-debug-detail = Detalles (modo de depuración, solo administradores)
settings-logo = Logotipo de la empresa
settings-logo-help = Se muestra en la barra superior y en la página de inicio de sesión en lugar del de Gestdesk. Una imagen PNG, JPEG o WebP de { $max } KB como máximo.
settings-logo-current = El logotipo actual
settings-logo-remove = Quitar el logotipo
settings-logo-file = Imagen
settings-logo-upload = Subir
error-logo-size = La imagen supera { $max } KB.
error-logo-type = Elija una imagen PNG, JPEG o WebP (se rechazan SVG y otros archivos).
error-logo-dimensions = La imagen debe medir como máximo { $max } píxeles de ancho y de alto.
system-throttled = Direcciones frenadas tras inicios de sesión fallidos
system-throttled-help = Tras 20 inicios de sesión fallidos en 15 minutos desde una dirección, las cuentas que nunca se conectaron desde ella se rechazan allí hasta que los fallos tengan 15 minutos. Levantarlo olvida los fallos.
system-throttled-none = Ninguna dirección está frenada.
system-throttled-until = { $failures } fallos; hasta { $until }
system-throttled-lift = Levantar
rights-confirm-grant = ¿Conceder { $right } a todos los { $profile }? Les abre páginas de administración.
rights-confirm-revoke = ¿Denegar { $right } a todos los { $profile }?
rights-confirm-admin = Perderán el menú Administración. Si nadie más puede administrar, el cambio se rechazará.
rights-confirm-submit = Sí, cambiarlo
rights-history = Últimos cambios de derechos
rights-history-none = Todavía no se ha cambiado ningún derecho.
desktop-already-running = Gestdesk ya está en marcha en este PC
desktop-already-running-help = Un servidor Gestdesk (probablemente el servicio) ya responde en esta dirección. Ábralo para trabajar con él, o detenga el servicio antes de iniciar la aplicación.
desktop-open-it = Abrirlo
desktop-data-busy = La carpeta de datos está en uso
desktop-data-busy-help = Otro Gestdesk usa la carpeta de datos { $dir }. Deténgalo, o inicie la aplicación con otra carpeta (--data-dir).
setting-ticket-observer = Observadores en los tickets
setting-ticket-observer-help = Personas y grupos de técnicos pueden seguir un ticket: lo ven, lo encuentran en «Tickets que observo» y reciben sus correos.

cli-assets-dry-run = Prueba: no se ha cambiado nada.
import-has-tickets = Esta instancia ya contiene { $count ->
        [one] un ticket
       *[other] { $count } tickets
    }: GestSup se importa en una instancia sin tickets.
cli-import-failed = La importación se detuvo; no se cambió nada
cli-import-dry-run = Prueba: no se cambió nada.
cli-import-report-kept = El informe se guarda en { $file }.
cli-import-no-upload = { $dir } no es una carpeta: indique la carpeta upload de GestSup.
import-report-title = Importado desde GestSup
import-report-table = { $table }: leídos { $read }, importados { $imported }, descartados { $left }
import-report-not-imported = No importado (aún sin equivalente en esta versión)
import-report-rows = { $table }: filas { $rows }
import-report-merged = Cuentas de GestSup convertidas en la cuenta del mismo usuario aquí (que conserva su contraseña): { $value }
import-report-settings = Ajustes traídos: { $value }
import-report-images = Imágenes pegadas en los textos, sustituidas por «(image)»: { $value }
import-report-problems = Problemas
import-problem-no-category = sin categoría
import-problem-no-login = sin usuario
import-problem-address = una dirección que Gestdesk no puede leer se dejó vacía ({ $value })
import-problem-setting = { $key } = «{ $value }» rechazado por las comprobaciones del ajuste
import-problem-mail-password = los ajustes del servidor de correo se trajeron sin su contraseña; el correo sigue apagado hasta que se introduzca (Administración > Ajustes > Correo)
import-problem-thread-kind = tipo de entrada del hilo desconocido { $value }
import-problem-thread-state = un cambio a ningún estado conocido
import-problem-attachment-owner = un archivo de un ticket, procedimiento o equipo que no se trajo
import-problem-no-upload-folder = no se indicó la carpeta upload (--files): los archivos adjuntos no se traen
import-problem-file-missing = archivo no encontrado: { $value }
import-problem-file-kind = un tipo de archivo que Gestdesk no guarda: { $value }
import-problem-file-refused = rechazado por las comprobaciones de archivos: { $value }
import-problem-admin-kept = con los permisos del sitio ninguna cuenta activa podía administrar; el perfil de administrador conserva el permiso de administrar
import-problem-template-ticket = una plantilla cuyo ticket no se trajo
import-problem-recurrence = repetida «{ $value }» en GestSup: la plantilla se conserva, su repetición aún no tiene equivalente
cli-import-progress = { $table }: { $done } / { $total } ({ $rate } filas por segundo)

## System page: build, disk, integrity, jobs, connectors, logs
system-build-debug = compilación sin optimizar
system-build-release = compilación optimizada
system-disk = Espacio libre de la carpeta de datos
system-disk-value = { $free } libres de { $total }
system-disk-low = El disco de la carpeta de datos tiene menos de { $limit } libres. Las copias de seguridad y la base de datos necesitan espacio: libere espacio o mueva la carpeta de datos.
system-schema-behind = El esquema de la base de datos es más antiguo que el de esta versión: reinicie Gestdesk para actualizarlo.
system-count-thread = Entradas de hilo
system-count-attachments = Adjuntos
system-count-assets = Equipos
system-count-procedures = Procedimientos
system-count-outbox = Correos en la bandeja de salida
system-count-interventions = Intervenciones
system-count-surveys = Encuestas enviadas
system-integrity = Integridad de la base de datos
system-integrity-help = Lee cada página de la base de datos para comprobar que está íntegra. Tarda unos segundos en una base grande; el servidor sigue respondiendo mientras tanto.
system-integrity-ok = La base de datos está íntegra
system-integrity-problems = Problemas encontrados
system-integrity-run = Comprobar ahora
system-lan-url = Dirección para los usuarios de la red:
system-logs = Registros
system-logs-open = Leer los registros
system-schema-history = Historial del esquema ({ $n ->
    [one] un cambio
   *[other] { $n } cambios
})
system-schema-version = Versión
system-schema-name = Cambio
system-schema-applied = Aplicado el
system-jobs = Tareas en segundo plano
system-jobs-help = El trabajo que el servidor hace solo. «Ejecutar ahora» inicia una tarea enseguida, aunque no le toque; una tarea desactivada en sus ajustes sigue desactivada.
system-job = Tarea
system-job-schedule = Frecuencia
system-job-last = Última ejecución
system-job-duration = Duración
system-job-result = Resultado
system-job-next = Próxima ejecución
system-job-run-now = Ejecutar ahora
system-job-running = En curso
system-job-ok = Hecha
system-job-failed = Fallida
system-job-continuous = Continuamente
system-job-every-hours = { $n ->
    [one] cada hora
   *[other] cada { $n } horas
}
system-job-every-minutes = { $n ->
    [one] cada minuto
   *[other] cada { $n } minutos
}
system-job-every-seconds = { $n ->
    [one] cada segundo
   *[other] cada { $n } segundos
}
system-job-every-ms = cada { $n } ms
system-job-ms = { $n } ms
system-job-s = { $n } s
system-job-live = Actualizaciones en directo
system-job-outbox = Bandeja de salida de correo
system-job-webhooks = Webhooks
system-job-checkpoint = Punto de control de la base de datos
system-job-search = Índice de búsqueda
system-job-backups = Copia de seguridad diaria
system-job-uploads = Limpieza de archivos no guardados
system-job-validation = Validación del solicitante
system-job-asset-import = Carpeta de importación de equipos
system-job-ping = Ping de todos los equipos
system-job-mail-fetch = Correo entrante
system-job-directory = Sincronización del directorio
system-job-discovery = Descubrimiento de red
system-job-statistics = Estadísticas de consultas
system-connectors = Conectores
system-connector = Conector
system-connector-state = Estado
system-connector-success = Último éxito
system-connector-error = Último error
system-connector-off = Desactivado
system-connector-failing = Fallando
system-connector-ok = Funciona
system-connector-unused = Aún sin uso
system-connector-smtp = Correo saliente (SMTP)
system-connector-mailbox = Buzón { $name }
system-connector-directory = Directorio (LDAP)
system-connector-updates = Actualizaciones de la aplicación de escritorio
system-update-current = Al día
system-update-available = Versión { $version } disponible
system-update-install-hint = La versión { $version } está lista: elija «Instalar la versión { $version } y reiniciar» en el menú del icono de la aplicación de escritorio. Los usuarios quedan desconectados los pocos segundos del reinicio.
system-logs-none = Aún no hay registros.
system-logs-file = Archivo
system-logs-level = Nivel
system-logs-level-all = Todos los niveles
system-logs-search = Texto
system-logs-show = Mostrar
system-logs-download = Descargar este archivo
system-logs-hidden = Las contraseñas, los tokens y las claves se ocultan, aquí y en la descarga.
system-logs-cut = Este archivo es grande: solo se buscan sus últimos { $size }. La descarga lo contiene entero.
system-logs-no-lines = Ninguna línea coincide.
system-logs-time = Hora
system-logs-message = Mensaje
system-logs-more = Solo se muestran las { $n } líneas coincidentes más recientes.
flash-job-started = La tarea ha empezado.
flash-job-running = La tarea ya está en curso.
flash-integrity-checked = La comprobación de integridad ha terminado.

## HTTPS
https-title = HTTPS
https-on = HTTPS está activado
https-set-up = Configurar HTTPS
https-in-force = En vigor
https-mode-off = Desactivado: HTTP simple
https-mode-self-signed = Activado, con un certificado autofirmado para esta máquina
https-mode-own = Activado, con su propio certificado
https-fallback = Su certificado no se pudo usar al arrancar el servidor: mientras tanto sirve el autofirmado. Vuelva a dar su certificado abajo.
https-subject = Certificado
https-names = Nombres y direcciones cubiertos
https-valid = Validez
https-valid-value = del { $from } al { $until }
https-fingerprint = Huella (SHA-256)
https-ends-soon = El certificado caduca el { $date }. Renuévelo antes, o los navegadores rechazarán la conexión.
https-self-signed-help = Los navegadores avisan la primera vez ante un certificado autofirmado. Los usuarios pueden comprobar que la huella que muestra su navegador es la de arriba antes de aceptarlo, o importar el certificado en sus equipos.
https-renew = Crear un nuevo certificado autofirmado
https-console-help = La consola de escritorio de esta máquina sigue usando HTTP simple en una dirección local; cualquier otra petición en HTTP simple se envía a la dirección https://.
https-own-title = Su propio certificado
https-own-help = Pegue el certificado (primero el del servidor, luego los intermedios) y su clave privada, en PEM. Se comprueban antes de guardarlos: legibles, la clave del certificado, válidos hoy.
https-own-certificate = Certificado (PEM)
https-own-key = Clave privada (PEM)
https-own-save = Comprobar y guardar
https-error-no-certificate = No se encontró ningún certificado: pegue el texto entre -----BEGIN CERTIFICATE----- y -----END CERTIFICATE-----, incluidas esas líneas.
https-error-unreadable = Este certificado no se puede leer.
https-error-no-key = No se encontró ninguna clave privada: pegue el texto entre -----BEGIN PRIVATE KEY----- y -----END PRIVATE KEY-----, incluidas esas líneas.
https-error-unusable-key = Esta clave privada no se puede usar (sí las claves RSA, ECDSA o Ed25519 en PEM).
https-error-key-mismatch = Esta clave privada no es la del certificado.
https-error-not-yet-valid = Este certificado aún no es válido.
https-error-expired = Este certificado ha caducado.
https-error-too-long = Este texto es demasiado largo para un certificado y su cadena.
https-error-generation = No se pudo crear el certificado.
https-error-own-first = Dé primero su certificado y su clave abajo.
settings-section-https = HTTPS
setting-https-mode = HTTPS
setting-https-mode-help = HTTP simple, HTTPS con un certificado que Gestdesk crea para esta máquina, o HTTPS con su propio certificado. Se aplica enseguida a las nuevas conexiones.
setting-https-hsts = Pedir a los navegadores que usen solo HTTPS (HSTS)
setting-https-hsts-help = Los navegadores que lo vieron rechazan HTTP simple hacia esta dirección durante un año. Actívelo cuando HTTPS funcione para todos.
