# Page frame, languages, errors and validation messages.
language-name = Español

layout-skip-to-content = Ir al contenido
layout-menu = Menú
layout-profile = Perfil
layout-logout = Cerrar sesión

menu-administration = Administración
menu-system = Sistema

flash-logged-out = Ha cerrado la sesión.
flash-session-expired = Su sesión terminó tras un periodo de inactividad. Inicie sesión de nuevo.
flash-password-changed = Su contraseña ha sido cambiada.
flash-welcome = ¡Bienvenido! Su cuenta de administrador está lista.
flash-language-changed = El idioma ha sido cambiado.

error-back-home = Volver a la página de inicio
error-not-found-title = Página no encontrada
error-not-found-text = Esta dirección no corresponde a ninguna página de Gestdesk. Compruebe el enlace o vuelva a la página de inicio.
error-method-text = Esta página no se puede usar de esta manera.
error-forbidden-title = Acceso denegado
error-forbidden-text = Su perfil no da acceso a esta página. Pregunte a un administrador si cree que lo necesita.
error-csrf-title = Formulario caducado
error-csrf-text = Este formulario ha caducado o no procede de Gestdesk; no se ha cambiado nada. Recargue la página e inténtelo de nuevo.
error-bad-request-title = Petición ilegible
error-bad-request-text = Los datos enviados no se pudieron leer; no se ha cambiado nada. Recargue la página e inténtelo de nuevo.
error-too-large-title = Demasiado grande
error-too-large-text = Este formulario es más grande de lo que puede ser cualquier formulario de la aplicación. No se guardó nada.
error-busy-title = Espere
error-busy-text = Otro formulario suyo con archivos todavía se está enviando. Espere a que termine y vuelva a enviar este.
error-internal-title = Error del servidor
error-internal-text = Se produjo un error inesperado y quedó registrado; no se ha cambiado nada. Inténtelo de nuevo en un momento.

error-required = Este campo es obligatorio.
error-too-long = Como máximo { $max } caracteres.
error-invalid-characters = Este campo contiene caracteres no permitidos.
error-login-required = Introduzca un identificador.
error-login-invalid = Un identificador no puede contener espacios ni los caracteres / \ " < >.
error-login-taken = Este identificador ya está en uso.
error-mail-invalid = Esta dirección de correo no es válida (ejemplo: nombre.apellido@example.com).
error-password-too-short = La contraseña debe tener al menos { $min } caracteres.
error-password-common = Esta contraseña es de las que todo el mundo prueba primero; elija otra.
error-password-too-long = La contraseña no puede superar { $max } bytes.
error-password-mismatch = Las dos contraseñas no son iguales.
error-password-wrong = La contraseña actual es incorrecta.
error-password-locked = Demasiadas contraseñas actuales incorrectas. Inténtelo de nuevo dentro de { $minutes ->
        [one] un minuto
       *[other] { $minutes } minutos
    }.
error-password-unchanged = La nueva contraseña debe ser distinta de la actual.
error-language-unknown = Este idioma no está disponible.

action-add = Añadir
action-back = Volver
action-cancel = Cancelar
action-delete = Eliminar
action-disable = Desactivar
action-edit = Modificar
action-enable = Activar
action-remove = Quitar
action-save = Guardar
search-submit = Buscar
col-actions = Acciones
choice-default = Por defecto
choice-none = Ninguno
choice-yes = Sí
choice-no = No
form-has-errors = Algunos campos requieren atención; no se ha guardado nada.
pager-label = Páginas
pager-previous = Anterior
pager-next = Siguiente

flash-saved = Cambios guardados.
flash-deleted = Eliminado.
flash-disabled = Desactivado.
flash-enabled = Activado de nuevo.
flash-account-created = La cuenta ha sido creada.

error-cannot-disable-self = No puede desactivar su propia cuenta.
error-color = Introduzca un color como #rrggbb (por ejemplo #d15b47).
error-date = Introduzca una fecha como AAAA-MM-DD.
error-duplicate = Este valor ya está en uso.
error-group-in-use = Este grupo lo usa { $count ->
        [one] un ticket o una categoría
       *[other] { $count } tickets o categorías
    }; no se puede eliminar.
error-ipv4 = Introduzca una dirección IPv4 (por ejemplo 192.168.1.0).
error-netmask = Introduzca una máscara de red (por ejemplo 255.255.255.0).
error-not-a-technician = Aquí solo se pueden elegir técnicos y administradores.
error-number-range = Introduzca un número entero de { $min } a { $max }.
error-phone-invalid = Un número de teléfono solo puede contener cifras, espacios y + . - ( ) /.
error-setting-flag = Elija sí o no.
error-setting-unknown = Este parámetro no existe.
error-too-many-registrations = Se crearon demasiadas cuentas desde su dirección en la última hora. Inténtelo más tarde.
error-unknown-choice = Elija una entrada de la lista.

menu-users = Usuarios
menu-groups = Grupos
menu-lists = Listas
menu-rights = Derechos
menu-settings = Parámetros
cli-backup-done = Copia de seguridad escrita: { $path } ({ $size } MB, { $tickets } tickets, { $attachments } adjuntos) en { $seconds } s.
cli-restore-done = Copia restaurada: { $tickets } tickets, { $users } usuarios, { $attachments } adjuntos, en { $seconds } s. Los datos sustituidos están en { $kept }.
cli-restore-in-use = Gestdesk está en marcha sobre esta carpeta de datos: deténgalo y después restaure.
error-storage-title = No se puede guardar ahora
error-storage-full-text = El disco del servidor está lleno, así que no se pudo guardar nada; lo que ya había está intacto. Avise al administrador y vuelva a intentarlo cuando haya espacio.
error-storage-readonly-text = El servidor no puede escribir sus datos (carpeta de datos de solo lectura o disco averiado), así que no se pudo guardar nada; lo que ya había está intacto. Avise al administrador.
error-last-administrator = Rechazado: ninguna cuenta activa podría administrar. Mantenga al menos una cuenta activa cuyo perfil tenga el derecho admin.
setting-default-language = Idioma predeterminado
setting-default-language-help = El idioma de las páginas para los visitantes cuyo navegador no pide ninguno de los cuatro, y de los correos a los usuarios que no eligieron ninguno. Se toma al principio de la página de puesta en marcha.
lang-choice-fr = Français
lang-choice-en = English
lang-choice-es = Español
lang-choice-de = Deutsch
setting-name-order = Nombres mostrados
setting-name-order-help = Cómo se leen los nombres de las personas en todas partes: listas, selectores, el hilo y los correos. Las listas de personas se ordenan igual.
name-order-first-last = Nombre Apellido
name-order-last-first = Apellido Nombre
setting-user-validation = Validación del solicitante
setting-user-validation-help = Un ticket resuelto por un técnico espera a que su solicitante acepte la resolución o lo reabra. Se pueden excluir categorías y subcategorías en Administración > Listas.
setting-user-validation-delay = Días antes de aceptar una resolución sin respuesta
setting-user-validation-delay-help = Sin respuesta, la resolución se acepta tras este número de días; el solicitante recibe un recordatorio por correo el día antes.
setting-user-validation-perimeter = Tickets que piden validación
setting-user-validation-perimeter-help = Todos los tickets, o solo aquellos cuyo tipo lo pide (Administración > Listas > Tipos).
validation-perimeter-type = Los que su tipo lo pide
validation-perimeter-all = Todos los tickets
error-conflict-title = No es posible ahora
error-invalid-title = No aceptado
