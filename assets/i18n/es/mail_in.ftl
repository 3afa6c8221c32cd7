# Correo entrante: buzones, lecturas, correos rechazados.
settings-tab-mail-in = Correo entrante
settings-section-mail-in = Correo entrante
setting-mail-in-unknown-sender = Correo de una dirección desconocida
setting-mail-in-unknown-sender-help = Cuando ninguna cuenta tiene la dirección del remitente: crearle una cuenta de usuario y abrir su ticket, o rechazar el correo con una respuesta que lo diga.
setting-mail-in-unknown-create = Crear una cuenta y abrir el ticket
setting-mail-in-unknown-refuse = Rechazarlo con una respuesta
setting-mail-in-acknowledge = Acusar recibo de los tickets abiertos por correo
setting-mail-in-acknowledge-help = El solicitante recibe un correo con el número del ticket, al que puede responder.
mail-in-title = Correo entrante
mailboxes-title = Buzones
mailboxes-help = Cada correo no leído de estos buzones se convierte en un ticket, o en una respuesta en el hilo del ticket al que responde. Gestdesk los lee él mismo, al intervalo de cada buzón.
mailboxes-none = Todavía no hay ningún buzón.
mailbox-name = Nombre
mailbox-server = Servidor
mailbox-folder = Carpeta
mailbox-after = Una vez tratado
mailbox-interval = Leer cada (minutos)
mailbox-last-fetch = Última lectura
mailbox-off = desactivado
mailbox-every-minutes = { $count ->
        [one] cada minuto
       *[other] cada { $count } minutos
    }
mailbox-add = Añadir un buzón
mailbox-edit = Buzón
mail-fetches-title = Historial de lecturas
mail-rejected-link = { $count ->
        [0] Correos rechazados
       *[other] Correos rechazados ({ $count })
    }
mailbox-connection = Conexión
mailbox-enabled = Leer este buzón
mailbox-enabled-help = Desactivado, solo se lee con «Leer ahora» o la línea de comandos.
mailbox-host = Nombre o dirección del servidor
mailbox-port = Puerto
mailbox-security = Seguridad
mailbox-login = Usuario
mailbox-password = Contraseña
mailbox-password-kept = Hay una contraseña guardada: deje el campo vacío para conservarla.
mailbox-handling = Tratamiento
mailbox-move-to = Carpeta a la que mover los correos tratados
mailbox-service = Servicio de sus tickets
mailbox-category = Categoría de sus tickets
mailbox-excluded = Direcciones y dominios excluidos
mailbox-excluded-help = Separados por «;», por ejemplo jefe@example.com; newsletter.example.com. Sus correos se marcan como tratados y nada más.
mailbox-test = Probar
mailbox-fetch-now = Leer ahora
mailbox-delete-confirm = ¿Quitar este buzón? Sus tickets se quedan.
mailbox-test-ok = { $count ->
        [0] Conexión correcta y carpeta abierta: no espera ningún correo sin leer.
        [one] Conexión correcta y carpeta abierta: espera un correo sin leer.
       *[other] Conexión correcta y carpeta abierta: esperan { $count } correos sin leer.
    }
mail-fetch-done = Leídos: { $read }. Tickets: { $tickets }. Respuestas: { $replies }. Ignorados: { $ignored }. Rechazados: { $rejected }. Errores: { $errors }.
mailbox-after-read = Marcarlo como leído
mailbox-after-move = Moverlo a una carpeta
mailbox-after-delete = Borrarlo
mail-in-failure-name-not-found = No se encontró el nombre del servidor. Compruebe cómo está escrito.
mail-in-failure-refused = El servidor rechazó la conexión. Compruebe el puerto y que el servidor acepta conexiones de esta máquina.
mail-in-failure-timeout = El servidor no respondió a tiempo.
mail-in-failure-tls = Falló la conexión segura. Compruebe la seguridad elegida y el puerto, o acepte el certificado de este servidor.
mail-in-failure-login-refused = El servidor rechazó el usuario o la contraseña.
mail-in-failure-no-such-folder = El servidor no tiene esa carpeta.
mail-in-failure-busy = Este buzón ya se está leyendo.
mail-in-failure-storage = No se pudieron guardar los correos: vea el registro del servidor.
mail-in-failure-protocol = El servidor respondió de forma inesperada: vea el registro del servidor.
mail-fetch-trigger-schedule = Programada
mail-fetch-trigger-manual = Leer ahora
mail-fetch-trigger-command = Línea de comandos
mail-fetches-none = Todavía no se ha leído ningún buzón.
mail-fetch-when = Cuándo
mail-fetch-trigger = Pedida por
mail-fetch-read = Leídos
mail-fetch-tickets = Tickets
mail-fetch-replies = Respuestas
mail-fetch-ignored = Ignorados
mail-fetch-rejected = Rechazados
mail-fetch-errors = Errores
mail-fetch-duration = Duración
mail-rejected-title = Correos rechazados
mail-rejected-help = Los correos que no se pudieron leer se guardan aquí en lugar de perderse. Descargue uno para leerlo en un programa de correo.
mail-rejected-none = Ningún correo rechazado.
mail-rejected-count = { $count ->
        [0] Ningún correo rechazado.
        [one] Un correo rechazado.
       *[other] { $count } correos rechazados.
    }
mail-rejected-sender = Remitente
mail-rejected-subject = Asunto
mail-rejected-reason = Motivo
mail-rejected-size = Tamaño
mail-rejected-download = Descargar
mail-rejected-delete-confirm = ¿Quitar este correo de la lista?
mail-rejected-too-large = Demasiado grande
mail-rejected-no-sender = Sin dirección de remitente
mail-rejected-not-a-mail = Correo ilegible
error-mailbox-excluded = «{ $value }» no es ni una dirección ni un dominio.
error-mailbox-move-same = Elija otra carpeta que la que se lee.
mail-in-no-subject = (sin asunto)
mail-in-files-refused = Archivos del correo que no se conservaron:
mail-in-refused-title = Su correo no se ha recibido
mail-in-refused-body = Este soporte solo acepta correos de las direcciones de sus usuarios. Pida a su equipo de informática que añada la suya, o haga su solicitud desde las páginas del soporte.
mail-in-refused-subject = Su correo
outbox-kind-mail-refused = Correo rechazado
thread-by-mail = por correo de { $address }
cli-mailbox-unknown = Ningún buzón se llama «{ $name }».
cli-mailbox-none = Ningún buzón está activado.
cli-mail-fetched = { $mailbox } — leídos: { $read }, tickets: { $tickets }, respuestas: { $replies }, ignorados: { $ignored }, rechazados: { $rejected }, errores: { $errors }, en { $seconds } s.
cli-mail-fetch-failed = No se pudo leer: { $names }.
