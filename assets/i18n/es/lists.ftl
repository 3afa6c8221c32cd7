# Names of the built-in rows of the editable lists.
state-unassigned = Sin asignar
state-unassigned-desc = Tickets aún no asignados a un técnico
state-unassigned-mail = Ticket recibido
state-waiting = En espera de tratamiento
state-waiting-desc = Tickets en espera de ser atendidos
state-waiting-mail = Ticket abierto
state-in-progress = En curso
state-in-progress-desc = Tickets en tratamiento
state-in-progress-mail = Actualización del ticket
state-waiting-user = En espera del usuario
state-waiting-user-desc = Tickets en espera de información del solicitante
state-waiting-user-mail = En espera de su respuesta
state-resolved = Resuelto
state-resolved-desc = Tickets resueltos
state-resolved-mail = Ticket cerrado
state-rejected = Rechazado
state-rejected-desc = Tickets rechazados
state-rejected-mail = Ticket rechazado

priority-urgent = Urgente
priority-very-high = Muy alta
priority-high = Alta
priority-medium = Media
priority-low = Baja
priority-very-low = Muy baja

criticality-critical = Crítica
criticality-serious = Grave
criticality-medium = Media
criticality-low = Baja

type-request = Solicitud
type-incident = Incidencia

category-software = Software
category-hardware = Hardware
subcategory-office = Ofimática
subcategory-pc = PC

time-1-minute = 1 minuto
time-5-minutes = 5 minutos
time-10-minutes = 10 minutos
time-30-minutes = 30 minutos
time-1-hour = 1 hora
time-3-hours = 3 horas
time-5-hours = 5 horas
time-1-day = 1 día
time-2-days = 2 días
time-1-week = 1 semana

asset-type-pc = PC
asset-type-laptop = Portátil
asset-type-printer = Impresora
asset-type-phone = Teléfono IP
asset-type-switch = Conmutador
asset-type-server = Servidor
asset-state-stock = En stock
asset-state-stock-desc = Equipo en stock
asset-state-installed = Instalado
asset-state-installed-desc = Equipo instalado en producción
asset-state-standby = En reserva
asset-state-standby-desc = Equipo apartado
asset-state-recycled = Reciclado
asset-state-recycled-desc = Equipo reciclado o desechado
iface-role-lan = Red cableada
iface-role-wifi = Wi-Fi

lists-title = Listas
lists-add = Añadir una entrada
lists-empty = Esta lista está vacía.
lists-disabled-badge = desactivada
lists-builtin-badge = integrada
lists-confirm-delete = ¿Eliminar esta entrada?
lists-delete-refused = Esta entrada no se puede eliminar.
lists-disable-instead = Desactívela en su lugar: se conserva donde se usa pero ya no se ofrece.
list-builtin-no-delete = Las entradas integradas son necesarias para Gestdesk y no se pueden eliminar; puede renombrarlas.
list-categories = Categorías
list-subcategories = Subcategorías
list-states = Estados de ticket
list-priorities = Prioridades
list-criticalities = Criticidades
list-types = Tipos de ticket
list-times = Tiempos
list-places = Lugares
list-templates = Plantillas de ticket
list-services = Servicios
list-companies = Empresas
list-agencies = Agencias
list-asset-types = Tipos de equipo
list-asset-manufacturers = Fabricantes de equipos
list-asset-models = Modelos de equipos
list-asset-states = Estados de equipo
list-asset-networks = Redes
list-asset-locations = Ubicaciones de equipos
list-iface-roles = Funciones de interfaz de red
list-col-name = Nombre
list-col-position = Orden
list-col-color = Color
list-col-service = Servicio
list-col-type = Tipo de ticket
list-col-category = Categoría
list-col-meta = Forma parte de "por tratar"
list-col-mail = Dirección de correo
list-col-minutes = Minutos
list-col-address = Dirección
list-col-zip = Código postal
list-col-city = Ciudad
list-col-country = País
list-col-limit-number = Límite de tickets
list-col-limit-days = Periodo del límite (días)
list-col-limit-start = Límite contado desde
list-col-virtualization = Puede ser virtual
list-col-asset-type = Tipo de equipo
list-col-manufacturer = Fabricante
list-col-ip = Tiene dirección IP
list-col-wifi = Tiene Wi-Fi
list-col-warranty = Garantía (años)
list-col-block-ip = Bloquea sus direcciones IP
list-col-network = Red (dirección, o dirección/prefijo)
list-col-netmask = Máscara de red
list-col-scan = Escaneada
usage-tickets = usado por { $count ->
        [one] un ticket
       *[other] { $count } tickets
    }
usage-tickets-sender = usado como servicio del solicitante por { $count ->
        [one] un ticket
       *[other] { $count } tickets
    }
usage-subcategories = usado por { $count ->
        [one] una subcategoría
       *[other] { $count } subcategorías
    }
usage-categories = usado por { $count ->
        [one] una categoría
       *[other] { $count } categorías
    }
usage-views = usado por { $count ->
        [one] una vista personal
       *[other] { $count } vistas personales
    }
usage-thread-entries = usado por { $count ->
        [one] una entrada del historial de tickets
       *[other] { $count } entradas del historial de tickets
    }
usage-users = usado por { $count ->
        [one] un usuario
       *[other] { $count } usuarios
    }
usage-groups = usado por { $count ->
        [one] un grupo
       *[other] { $count } grupos
    }
usage-criticalities = usado por { $count ->
        [one] una criticidad
       *[other] { $count } criticidades
    }
usage-priorities = usado por { $count ->
        [one] una prioridad
       *[other] { $count } prioridades
    }
usage-types = usado por { $count ->
        [one] un tipo de ticket
       *[other] { $count } tipos de ticket
    }
usage-models = usado por { $count ->
        [one] un modelo de equipo
       *[other] { $count } modelos de equipo
    }
list-col-ticket = Número de ticket
error-duplicate-name = «{ $name }» ya está en esta lista (los nombres se comparan sin mayúsculas ni acentos).
list-col-technician = Técnico predeterminado
list-col-tech-group = Grupo de técnicos predeterminado
list-col-legal-status = Forma jurídica
list-col-siret = Número de registro
list-col-vat = Número de IVA
list-col-comment = Comentario
list-col-information-message = Mensaje mostrado a sus usuarios
list-col-limit-hours = Límite de horas
list-col-limit-hour-days = Periodo del límite de horas (días)
list-col-limit-hour-start = Límite de horas desde
list-col-user-validation = Validación del solicitante
setting-company-limit-hour = Límites de horas por empresa
setting-company-limit-hour-help = Las empresas tienen un límite de horas en un periodo, además del límite de tickets, fijado con cada empresa en Administración > Listas.
company-message-title = Un mensaje de su empresa
list-col-no-user-validation = Sin validación del solicitante
list-answer-types = Tipos de respuesta
agency-move-link = Mover los tickets
agency-move-title = Mover los tickets de una agencia
agency-move-count = { $count ->
        [0] La agencia { $agency } no tiene ningún ticket.
        [one] La agencia { $agency } tiene un ticket.
       *[other] La agencia { $agency } tiene { $count } tickets.
    }
agency-move-to = Moverlos a la agencia
agency-move-next = Continuar
agency-move-no-target = No hay otra agencia activa a la que moverlos.
agency-move-target-invalid = Elija otra agencia activa.
agency-move-confirm = { $count ->
        [one] Un ticket de la agencia { $from } pasará a la agencia { $to }.
       *[other] { $count } tickets de la agencia { $from } pasarán a la agencia { $to }.
    } Esto no se deshace con un clic.
agency-move-do = Moverlos
agency-move-done = { $count ->
        [0] Ningún ticket movido de la agencia { $from } a la agencia { $to }.
        [one] Un ticket movido de la agencia { $from } a la agencia { $to }.
       *[other] { $count } tickets movidos de la agencia { $from } a la agencia { $to }.
    }
agency-move-back = Volver a las agencias
