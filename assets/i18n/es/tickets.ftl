# Tickets: the form, the thread, attachments, reminders.
menu-new-ticket = Nuevo ticket
menu-tickets-left = { $count ->
        [one] queda uno
       *[other] quedan { $count }
    }

ticket-new-title = Nuevo ticket
ticket-create = Crear el ticket
ticket-send = Enviar
ticket-use-template = Partir de una plantilla
ticket-use-template-submit = Usar
ticket-limit-left = { $count ->
        [0] Por ahora no puede abrir más tickets: ha alcanzado su límite de tickets.
        [one] Puede abrir un ticket más.
       *[other] Puede abrir { $count } tickets más.
    }
ticket-summary = Ticket n.º { $id }, abierto el { $date }
ticket-section-people = Personas
ticket-section-classification = Clasificación
ticket-section-request = Solicitud
ticket-section-dates = Fechas y tiempos
ticket-field-requester = Solicitante
ticket-field-type = Tipo
ticket-field-technician = Técnico
ticket-field-category = Categoría
ticket-field-subcategory = Subcategoría
ticket-field-place = Lugar
ticket-field-asset = Equipo
ticket-asset-search = Buscar un equipo: nombre, número de serie, dirección IP o MAC
ticket-error-asset-not-requesters = Elija un equipo del solicitante.
ticket-field-service = Servicio
ticket-field-agency = Agencia
ticket-field-title = Título
ticket-field-description = Descripción
ticket-field-created = Abierto el
ticket-field-hope-date = Fecha de resolución deseada
ticket-field-resolved = Resuelto el
ticket-field-time-spent = Tiempo dedicado
ticket-field-time-hope = Tiempo estimado
ticket-field-priority = Prioridad
ticket-field-criticality = Criticidad
ticket-field-state = Estado
ticket-warning-empty = Aún sin elegir
ticket-requester-mail = Correo
ticket-requester-phone = Teléfono
ticket-now-value = Guardado entretanto: { $value }
ticket-conflict = Alguien guardó este ticket mientras usted lo editaba. Los campos marcados abajo los cambiaron ustedes dos: compruébelos y guarde de nuevo para conservar su versión. Sus demás cambios aún no se han guardado.
ticket-close = Cerrar el ticket
ticket-close-confirm = ¿Cerrar este ticket? Se marcará como resuelto.
ticket-duplicate = Duplicar
ticket-thread = Resolución
ticket-reply = Añadir una respuesta
ticket-reply-private = Oculta al solicitante
ticket-save-and-send = Guardar y enviar
ticket-attachments = Adjuntos
ticket-attachments-none = Ningún adjunto.
ticket-attachments-add = Adjuntar archivos
ticket-attachments-hint = { $count ->
        [0] Ningún archivo más
        [one] Hasta un archivo más
       *[other] Hasta { $count } archivos más
    }, de { $size } MB cada uno: documentos, imágenes, textos, correos, archivos comprimidos, audio o vídeo.
ticket-attachment-confirm-delete = ¿Quitar este adjunto?

md-toolbar = Formato
md-bold = Negrita
md-italic = Cursiva
md-list = Lista
md-link = Enlace
md-code = Código
md-hint = Formato Markdown: **negrita**, *cursiva*, - listas, [texto](https://enlace).

thread-opened = { $who } abrió el ticket.
thread-assigned = { $who } asignó el ticket a { $to } (antes: { $from }).
thread-state = { $who } cambió el estado de { $from } a { $to }.
thread-closed = { $who } cerró el ticket ({ $state }).
thread-attachment = { $who } adjuntó { $name }.
thread-attachment-removed = { $who } quitó el adjunto { $name }.
thread-edited = modificado
thread-private = Oculto
thread-private-help = El solicitante no ve esta respuesta.
thread-hide = Ocultar al solicitante
thread-show = Mostrar al solicitante
thread-confirm-delete = ¿Eliminar esta respuesta?

reminders-title = Recordatorios
reminders-none = Ningún recordatorio.
reminders-when = Recordar el
reminders-text = Asunto
reminders-add = Programar un recordatorio
reminders-done = Hecho
reminders-need-technician = Un recordatorio va al técnico del ticket: asigne uno primero.
reminders-too-many = Este ticket ya tiene { $max } recordatorios pendientes.
reminders-nothing-due = Ningún recordatorio pendiente.
reminders-due-title = Recordatorios pendientes
reminders-due = { $count ->
        [one] Un recordatorio pendiente
       *[other] { $count } recordatorios pendientes
    }

quick-subcategory-title = Nueva subcategoría

settings-next-number = Número del próximo ticket
settings-next-number-help = El número que recibirá el próximo ticket. Solo puede subir: nunca por debajo del número más alto ya asignado.

flash-ticket-created = El ticket ha sido creado.
flash-ticket-merged = Guardado. Otra persona había cambiado otros campos entretanto; se conservaron ambos cambios.
flash-ticket-closed = El ticket está cerrado.
flash-reminder-set = Recordatorio programado.

error-attachment-count = Como máximo { $max } adjuntos por ticket.
error-attachment-name = Este archivo no tiene un nombre utilizable.
error-attachment-read = No se pudo guardar el archivo { $name }; envíelo de nuevo.
error-attachment-size = { $name } supera { $max } MB.
error-attachment-type = { $name } se rechaza: no se pueden adjuntar programas, scripts ni páginas web.
error-attachment-kind = { $name } se rechaza: solo se pueden adjuntar documentos, imágenes, textos, correos, archivos comprimidos, audio y vídeo.
error-attachment-not-allowed = Aquí no se pueden adjuntar archivos.
error-attachment-pending-full = Sus archivos pendientes de su formulario ya ocupan { $max } MB: guarde o abandone primero ese formulario.
error-datetime = Introduzca una fecha y una hora.
error-field-changed-meanwhile = Cambiado por otra persona mientras usted editaba.
error-hope-before-created = La fecha de resolución deseada no puede ser anterior a la fecha de apertura.
error-resolved-before-created = La fecha de resolución no puede ser anterior a la fecha de apertura.
error-next-number-too-low = El próximo número no puede bajar de { $min }.
error-subcategory-not-in-category = Esta subcategoría no pertenece a la categoría elegida.
error-subcategory-without-category = Elija primero una categoría.
error-ticket-changed = El ticket cambió mientras se guardaba; inténtelo de nuevo.
error-ticket-limit-reached = Ha alcanzado su límite de tickets ({ $max }): por ahora no se puede abrir ningún ticket nuevo.
error-unknown-ticket = No hay ningún ticket con este número.
error-whole-number = Introduzca un número entero.
ticket-requester-search = Buscar un solicitante: nombre, identificador, correo o empresa
ticket-requester-search-none = No se encontró a nadie.
error-attachment-bomb = { $name } se rechaza: este archivo comprimido se descomprimiría en mucho más que su tamaño.

md-quote = Cita
md-paste-hint = Pegue o suelte una imagen aquí
md-paste-busy = Adjuntando la imagen…
ticket-changed-live = Cambiado entretanto por otra persona, ahora:
ticket-fields = Detalles del ticket
ticket-save-and-close = Guardar y cerrar
error-paste-not-picture = Solo se pueden pegar imágenes (PNG, JPEG, GIF, WebP) en un texto; adjunte los demás archivos más abajo.
setting-reply-reopens = Una respuesta del solicitante reabre un ticket resuelto
setting-reply-reopens-help = Cuando el solicitante responde a un ticket resuelto, vuelve a «En curso» (o «Sin asignar» si nadie lo tiene).
ticket-description-edit = Modificar la descripción
thread-by-system = Gestdesk
reminders-bell-label = Recordatorios
reminders-due-notice = Un recordatorio ha vencido.
reminders-past = Esta fecha ya pasó: elija un momento futuro.
ticket-template-save = Guardar como plantilla…
ticket-template-name = Nombre de la plantilla
ticket-template-save-submit = Guardar la plantilla
flash-template-saved = Guardado como plantilla: los nuevos tickets pueden partir de ella.
md-paste-failed = No se pudo adjuntar la imagen; inténtelo de nuevo o adjúntela más abajo.
ticket-technician-search = Buscar un técnico o un grupo
person-search = Escriba un nombre, un usuario, un correo o una empresa
person-remove = Quitar
menu-hours-left = quedan { $hours } h
ticket-hours-left = Su empresa ({ $company }) dispone aún de { $hours } h de trabajo en este periodo.
ticket-hours-used-up = Su empresa ({ $company }) ha usado todas sus horas de este periodo: por ahora no se puede abrir ningún ticket nuevo.
error-hour-limit-reached = Las horas de { $company } para este periodo se han agotado: por ahora no se puede abrir ningún ticket nuevo.
validation-not-awaiting = Esta resolución ya no espera respuesta.
validation-heading = Resolución por confirmar
validation-question = Este ticket se ha resuelto. ¿La resolución soluciona su problema? Sin respuesta, se aceptará el { $date }.
validation-accept = Sí, está resuelto
validation-reopen = No, reabrir el ticket
validation-reopen-confirm = ¿Reabrir el ticket? Después puede explicar en una respuesta qué sigue mal.
validation-awaiting = Esperando a que el solicitante confirme la resolución; se aceptará el { $date }.
validation-confirm = El solicitante la confirmó
validation-confirm-help = ¿Anotar que el solicitante aceptó la resolución (por teléfono, en persona)?
validation-accepted = Resolución aceptada por { $name } el { $date }.
validation-confirmed = La aceptación del solicitante la anotó { $name } el { $date }.
validation-expired = Resolución aceptada sin respuesta el { $date }.
validation-mark = por validar
flash-resolution-accepted = Gracias: la resolución está aceptada.
flash-ticket-reopened = El ticket está reabierto; explique qué sigue mal en una respuesta.

ticket-print = Imprimir
ticket-printed-on = Impreso el { $date }
ticket-reopen = Reabrir
ticket-reopen-not-closed = Este ticket no está cerrado: no hay nada que reabrir.
ticket-observers = Observadores
ticket-observers-none = Nadie observa este ticket.
ticket-observer-stop = Dejar de observar
ticket-observer-add = Añadir un observador
ticket-observer-add-submit = Añadir
ticket-observer-unknown = Elija de la lista una persona activa (o un grupo de técnicos).
ticket-observers-full = Este ticket ya tiene tantos observadores como puede tener.
thread-observer-added = { $who } añadió a { $observer } como observador.
thread-observer-removed = { $who } quitó a { $observer } de los observadores.
thread-merged-into = { $who } fusionó este ticket en { $other }.
thread-merged-from = { $who } fusionó el ticket { $other } en este.
thread-open-other = Abrir
ticket-merge = Fusionar
ticket-merge-target = Fusionar este ticket en el ticket número
ticket-merge-hint = Sus respuestas, correos, archivos y observadores pasan a ese ticket, y este se cierra.
ticket-merge-submit = Fusionar
ticket-merge-confirm = ¿Fusionar este ticket en el otro? No se puede deshacer.
ticket-merge-same = Un ticket no puede fusionarse consigo mismo.
ticket-merge-unknown = No hay ningún ticket con este número que usted pueda ver.
ticket-merge-target-merged = Ese ticket ya fue fusionado en otro; fusione en ese.
ticket-merge-already = Este ticket ya fue fusionado en otro.
ticket-merged-banner = Este ticket se fusionó en { $other }; continúa allí.
flash-ticket-merged-into = Fusionado. La conversación continúa en este ticket.
mail-merged-into = Su solicitud se fusionó en el ticket { $other }, que trata el mismo problema; sígala allí.
ticket-delete-confirm = ¿Eliminar este ticket? Desaparece de todas las listas y búsquedas.
ticket-around = Tickets de la lista
ticket-previous = Ticket anterior de la lista
ticket-next = Ticket siguiente de la lista
ticket-field-billable = Facturable
error-other-service = Esta opción pertenece a otro servicio distinto del del ticket.
ticket-field-sender-service = Servicio del solicitante
ticket-save-hidden-reply = Guardar como respuesta oculta
ticket-new-reply = Primera respuesta (resolución)
ticket-field-answer-type = Tipo de respuesta
