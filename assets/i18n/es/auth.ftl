# Login, first-run set-up, profile and password pages.
login-title = Iniciar sesión
login-field-login = Identificador
login-field-password = Contraseña
login-submit = Iniciar sesión
login-language = Idioma
login-error-invalid = Identificador o contraseña incorrectos.
login-error-throttled = Demasiados intentos fallidos. Inténtelo de nuevo dentro de { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    }.
login-error-address-throttled = Demasiados inicios de sesión fallidos desde su red. Inténtelo de nuevo dentro de { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    }, o pida a un administrador que lo levante.
login-error-busy = Esta cuenta ya se está comprobando. Inténtelo de nuevo en un momento.
login-error-directory-unreachable = El directorio que comprueba su contraseña no está disponible ahora. Inténtelo más tarde o avise a su soporte.

setup-title = Crear la cuenta de administrador
setup-intro = Gestdesk se inicia por primera vez. Cree la cuenta de administrador que lo configurará; este enlace solo funciona una vez.
setup-field-login = Identificador
setup-field-firstname = Nombre
setup-field-lastname = Apellido
setup-field-mail = Dirección de correo
setup-field-password = Contraseña
setup-field-password-confirm = Confirme la contraseña
setup-field-language = Idioma
setup-submit = Crear la cuenta e iniciar sesión
setup-link-dead = Este enlace de configuración no es válido o ya se ha usado: la cuenta de administrador existe. Inicie sesión.
setup-link-old = Este enlace de configuración está caducado: el servidor se reinició y mostró uno nuevo. Use el enlace más reciente o abra Gestdesk en la propia máquina del servidor.
setup-already-done = Ya existe una cuenta: la configuración inicial ha terminado.
setup-needed-title = Bienvenido a Gestdesk
setup-needed-intro = Gestdesk aún no está configurado: primero hay que crear la cuenta de administrador.
setup-needed-remote = Abra el enlace de configuración que el servidor mostró al arrancar (en su consola o en la ventana de la aplicación Gestdesk), desde el ordenador que lo ejecuta.

home-welcome = Hola { $name }

profile-title = Mi perfil
profile-login = Identificador
profile-profile = Perfil
profile-language-browser = El del navegador
profile-last-login = Última conexión

profile-user = Usuario
profile-power-user = Usuario avanzado
profile-supervisor = Supervisor
profile-technician = Técnico
profile-administrator = Administrador

password-title = Cambiar la contraseña
password-from-directory = Su contraseña es la de su cuenta del directorio (su sesión de Windows): cámbiela allí y valdrá aquí al momento.
password-must-change = Debe elegir una nueva contraseña antes de continuar.
password-field-current = Contraseña actual
password-field-new = Nueva contraseña
password-field-confirm = Confirme la nueva contraseña
password-hint = Al menos { $min } caracteres.
password-submit = Guardar la contraseña
login-forgot = ¿Olvidó su contraseña?
reset-title = Contraseña olvidada
reset-intro = Escriba su usuario o su dirección de correo: si una cuenta coincide, se envía a su dirección un enlace para elegir una nueva contraseña.
reset-asked = Si una cuenta coincide con lo que escribió, se ha enviado un correo con un enlace a su dirección. El enlace funciona una vez, durante una hora. ¿Ningún correo? Consulte a su equipo informático.
reset-field-who = Usuario o dirección de correo
reset-send = Enviarme un enlace
reset-back-to-login = Volver a la página de inicio de sesión
reset-choose-title = Elegir una nueva contraseña
reset-field-password = Nueva contraseña
reset-field-confirm = Nueva contraseña (otra vez)
reset-submit = Guardar la contraseña
reset-link-dead = Este enlace ya no funciona: se usó, caducó o se pidió uno más reciente.
reset-ask-again = Pedir un nuevo enlace
reset-mail-subject = Elegir una nueva contraseña
reset-mail-body = Alguien pidió restablecer la contraseña de su cuenta del soporte. Si fue usted, siga el enlace de abajo en los próximos { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    }; funciona una sola vez. Si no fue usted, ignore este correo: su contraseña no cambia.
reset-mail-link = Elegir una nueva contraseña
outbox-kind-password-reset = Contraseña olvidada
setting-login-message = Mensaje en la página de inicio de sesión
setting-login-message-help = Se muestra encima del formulario de inicio de sesión, por ejemplo a quién llamar si no puede entrar. Texto simple.

## The set-up page's "Move from GestSup"
setup-move-intro = ¿Ya usa GestSup? Traiga sus tickets, usuarios, archivos y ajustes en lugar de empezar de cero.
move-title = Venir de GestSup
move-intro = Gestdesk toma todo lo que GestSup contiene y tiene un lugar aquí, con los números de ticket de GestSup y las contraseñas de cada uno. Indique el archivo de copia de seguridad de GestSup o su base de datos, y su carpeta upload en ZIP. Compruebe primero lo que se traería: una comprobación no cambia nada.
move-from = ¿Dónde están los datos de GestSup?
move-from-file = Un archivo de copia de seguridad (.sql, de la página de copias de GestSup o de mysqldump)
move-backup = Archivo de copia de seguridad
move-backup-hint = El propio archivo .sql: descomprímalo antes si está comprimido.
move-from-database = Su base de datos (MySQL o MariaDB), leída directamente
move-host = Servidor de base de datos
move-port = Puerto
move-database = Nombre de la base
move-user = Usuario
move-password = Contraseña
move-files = La carpeta upload de GestSup, en ZIP (opcional)
move-files-hint = Sin ella, los archivos de los tickets figuran en el informe como ausentes.
move-check = Comprobar primero (no cambia nada)
move-import = Importar
move-back = Volver a crear el primer administrador
move-backup-missing = Elija el archivo de copia de seguridad de GestSup, o indique su base de datos.
move-backup-too-big = Este archivo supera { $max } GB.
move-backup-compressed = Este archivo está comprimido: descomprímalo y envíe el archivo .sql que contiene.
move-backup-not-sql = No es un archivo de copia de seguridad: no es texto.
move-files-too-big = Este archivo comprimido supera { $max } GB.
move-files-not-zip = No es un archivo ZIP.
move-port-invalid = Indique un número de puerto entre 1 y 65535.
move-failed = La importación se detuvo: { $detail }
move-not-gestsup = Esta base no contiene ningún sitio GestSup (no tiene la tabla tincidents).
move-address-invalid = Esta dirección de base de datos no se puede leer: compruebe el servidor, el puerto y el nombre.
move-database-refused = No se pudo leer la base de datos de GestSup: { $detail }
move-zip-unreadable = No se puede leer el archivo comprimido: { $detail }
move-zip-too-many = El archivo comprimido contiene más de { $max } elementos.
move-zip-too-large = El archivo comprimido supera { $max } GB una vez descomprimido.
move-backup-unreadable = No se puede leer el archivo de copia de seguridad: { $detail }
move-no-administrator = El sitio GestSup no tiene ningún administrador activo con contraseña: nadie podría entrar después. Cree primero el administrador y luego importe desde la línea de órdenes (gestdesk import gestsup).
move-checking = Comprobación del sitio GestSup
move-importing = Importación del sitio GestSup
move-unpacking = Descomprimiendo los archivos…
move-reading = Leyendo el sitio…
move-progress = { $percent } % de las filas leídas
move-wait = Esta página sigue la importación por sí sola; puede dejarla abierta.
move-nothing-changed = No se ha cambiado nada.
move-again = Volver a empezar
move-checked = La comprobación ha terminado: no se ha cambiado nada. Lea el informe y luego importe.
move-import-now = Importar ahora
move-done = El traslado ha terminado.
move-log-in-as = Entre con su cuenta de GestSup: { $logins }.
move-report-kept = El informe se guarda en { $file }.
move-report = Informe

## Two-factor login
two-factor-title = Inicio de sesión en dos pasos
two-factor-login-title = Código de acceso
two-factor-login-help = Escriba el código de seis cifras que su aplicación de autenticación muestra para esta cuenta.
two-factor-code = Código
two-factor-code-or-recovery = ¿Perdió su teléfono? Escriba uno de sus códigos de recuperación.
two-factor-verify = Comprobar el código
two-factor-start-again = Volver a iniciar sesión desde el principio
two-factor-wrong = Este código no es el correcto o ya se usó. { $tries ->
    [one] Queda un intento.
   *[other] Quedan { $tries } intentos.
}
two-factor-wrong-code = Este código no es el correcto o ya se usó.
two-factor-changed-meanwhile = El inicio de sesión en dos pasos cambió mientras tanto: este es su estado actual.
two-factor-on = El inicio de sesión en dos pasos está activado.
two-factor-off = El inicio de sesión en dos pasos está desactivado.
two-factor-not-offered = Este helpdesk no ofrece el inicio de sesión en dos pasos; un administrador puede ofrecerlo en los ajustes.
two-factor-turn-on = Activar el inicio de sesión en dos pasos
two-factor-turn-off = Desactivar el inicio de sesión en dos pasos
two-factor-new-codes = Crear nuevos códigos de recuperación
two-factor-codes-left = Códigos de recuperación restantes: { $n }.
two-factor-required-setup = Su perfil debe iniciar sesión con un segundo factor: configúrelo ahora para continuar.
two-factor-required-keep = Su perfil debe iniciar sesión con un segundo factor: no se puede desactivar.
two-factor-step-app = Instale una aplicación de autenticación en su teléfono (cualquiera que genere códigos temporales).
two-factor-step-scan = Escanee este código con ella:
two-factor-step-key = o escriba esta clave:
two-factor-step-code = Escriba el código de seis cifras que muestra la aplicación, para comprobar que funciona.
two-factor-qr-label = Código QR para escanear con una aplicación de autenticación
two-factor-codes-title = Sus códigos de recuperación
two-factor-codes-help = Cada código le permite entrar una vez si pierde su teléfono. Guárdelos en un lugar seguro: solo se muestran ahora.
two-factor-continue = Continuar
two-factor-admin-on = Esta cuenta inicia sesión con un segundo factor.
two-factor-admin-reset = Restablecer el inicio de sesión en dos pasos
setting-user-mfa = Inicio de sesión en dos pasos disponible
setting-user-mfa-help = Cada cuenta puede activar un segundo factor (un código de una aplicación de autenticación) en su perfil.
setting-user-mfa-user = Inicio de sesión en dos pasos obligatorio para los usuarios
setting-user-mfa-power-user = Inicio de sesión en dos pasos obligatorio para los usuarios avanzados
setting-user-mfa-supervisor = Inicio de sesión en dos pasos obligatorio para los supervisores
setting-user-mfa-technician = Inicio de sesión en dos pasos obligatorio para los técnicos
setting-user-mfa-administrator = Inicio de sesión en dos pasos obligatorio para los administradores
setting-user-mfa-required-help = Las cuentas de este perfil configuran un segundo factor en su próximo inicio de sesión y no pueden desactivarlo.
