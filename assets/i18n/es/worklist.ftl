# Finding work: ticket lists, menu counters, the user bar, activity, supervision, export.

menu-your-tickets = Sus tickets
menu-all-tickets = Todos los tickets
menu-shared-views = Vistas compartidas
menu-personal-views = Vistas personales
menu-all-states = Todos los estados
menu-unread = Aún no leídos
menu-supervision = Pantalla de supervisión
state-meta-short = Por tratar
state-active = En espera y en curso
state-all = Todos los estados

col-number = N.º
col-type = Tipo
col-technician = Técnico
col-requester = Solicitante
col-company = Empresa
col-service = Servicio
col-agency = Agencia
col-place = Lugar
col-asset = Equipo
col-category = Categoría
col-subcategory = Subcategoría
col-title = Título
col-created = Abierto
col-hope-date = Fecha deseada
col-resolved = Resuelto
col-modified = Modificado
col-priority = Prioridad
col-criticality = Criticidad
col-state = Estado

list-caption = Tickets de esta vista
list-empty = Ningún ticket en esta vista.
list-count = { $count ->
    [one] Un ticket
   *[other] { $count } tickets
}
list-count-more = { $count ->
    [one] Más de un ticket
   *[other] Más de { $count } tickets
}
list-sort-by = Ordenar por esta columna (de nuevo para invertir)
list-filter-label = Filtrar por { $column }
list-filter-any = Todos
list-filter-apply = Filtrar
list-filter-ignored = { $column }: { $problem } Este filtro se ha omitido.
list-search-label = Buscar en esta vista
list-search-placeholder = Buscar: número, título, texto, solicitante…
list-clear = Borrar búsqueda y filtros
list-export = Exportar (CSV)
list-export-page = Exportar esta página
list-export-all = Exportar todos los tickets
list-num-unread = Aún no leído por su técnico
list-num-unanswered = Leído por su técnico, aún sin respuesta
list-num-advanced = Un técnico respondió hoy
list-num-other = Otros tickets
list-mark-new = Abierto hoy
list-mark-new-period = Abierto en el periodo elegido
list-mark-overdue = La fecha de resolución deseada ha pasado
list-mark-hope-missing = La fecha de resolución deseada es obligatoria y falta
list-mark-attachment = Tiene adjuntos
error-ticket-number = Introduzca un número de ticket.

activity-title = Actividad
activity-from = Desde
activity-to = Hasta
activity-show = Mostrar
activity-opened = Abiertos
activity-opened-help = Tickets abiertos en el periodo
activity-closed = Cerrados
activity-closed-help = Tickets resueltos o rechazados en el periodo
activity-advanced = Avanzados
activity-advanced-help = Tickets que un técnico respondió en el periodo

bar-activity = Actividad
bar-activity-help = Tickets abiertos, cerrados o avanzados hoy
bar-to-handle = Por tratar
bar-to-handle-help = Sus tickets en espera o en curso / los mismos más los que esperan a su usuario
bar-workload = Carga
bar-workload-help = Tiempo estimado aún no dedicado a sus tickets abiertos
bar-hours = { $hours } h
bar-resolved = Resueltos
bar-resolved-help = Sus tickets resueltos
bar-new-help = Tickets nuevos que aún nadie tiene

supervision-title = Supervisión
supervision-new = Tickets nuevos
supervision-critical = Tickets críticos abiertos
supervision-opened-today = Abiertos hoy
supervision-closed-today = Cerrados hoy
supervision-open = Todos los tickets abiertos
supervision-to-handle = Todos los tickets por tratar
supervision-waiting-user = En espera de su usuario
supervision-newest = Últimos tickets que aún nadie tiene
supervision-none = Ninguno: todos los tickets tienen técnico.
supervision-sound = Activar el sonido

setting-meta-state = Vista "por tratar"
setting-meta-state-help = Ofrece la vista "por tratar": en espera de tratamiento, en curso y en espera del usuario juntos.
setting-ticket-order = Orden de la lista de tickets
setting-ticket-order-help = Cómo se ordenan las listas, salvo que el usuario haya elegido su propio orden o haga clic en una columna.
setting-default-state = Lista al iniciar sesión
setting-default-state-help = Los tickets que ven los usuarios al iniciar sesión, salvo que hayan elegido los suyos.
setting-notify = Sonido para los tickets nuevos
setting-notify-help = Los técnicos oyen un sonido cuando un usuario abre un ticket, mientras Gestdesk esté abierto en su navegador.
setting-csv-separator = Separador CSV
setting-csv-separator-help = El separador de los archivos CSV exportados; las hojas de cálculo en español esperan un punto y coma.
setting-csv-semicolon = Punto y coma (;)
setting-csv-comma = Coma (,)
col-requester-service = Servicio del solicitante
col-time-spent = Tiempo dedicado
col-time-spent-minutes = Tiempo dedicado (minutos)
bar-new = Nuevos
bar-active-label = { $count ->
        [0] Ninguno de sus tickets en espera o en curso
        [one] Uno de sus tickets en espera o en curso
       *[other] { $count } de sus tickets en espera o en curso
    }
bar-meta-label = { $count ->
        [0] Ninguno de sus tickets por tratar
        [one] Uno de sus tickets por tratar
       *[other] { $count } de sus tickets por tratar
    }
menu-observed = Tickets que observo
bulk-scope = Aplicar a
bulk-scope-selected = Los tickets marcados
bulk-scope-page = Todos los tickets de esta página
bulk-scope-view = { $count ->
    [one] El único ticket de esta vista
   *[other] Los { $count } tickets de esta vista
}
bulk-action = Acción
bulk-read = Marcar como leído
bulk-unread = Marcar como no leído
bulk-state = Cambiar el estado
bulk-assign = Asignar
bulk-priority = Cambiar la prioridad
bulk-delete = Eliminar
bulk-apply = Aplicar
bulk-confirm-delete = ¿Eliminar los tickets elegidos?
bulk-select-one = Seleccionar el ticket { $number }
bulk-select-page = Seleccionar todos los tickets de esta página
bulk-title = Acción sobre varios tickets
bulk-done = { $count ->
    [one] Hecho en un ticket.
   *[other] Hecho en { $count } tickets.
}
bulk-refused = { $count ->
    [one] Un ticket se quedó como estaba
   *[other] { $count } tickets se quedaron como estaban
}
bulk-back = Volver a la lista
bulk-no-action = Elija una acción y el valor que necesita.
bulk-nothing-selected = No se seleccionó ningún ticket.
bulk-too-many = Una acción abarca como mucho { $max } tickets; restrinja antes la vista.
bulk-not-found = Usted no ve este ticket.
bulk-forbidden = Su perfil no permite este cambio.
bulk-invalid = Este cambio no es válido para este ticket.
col-billable = Facturable
bulk-hint = Marque tickets para actuar sobre varios a la vez.
