# Accounts, groups, profile, personal views, self-registration.
users-title = Usuarios
users-new-title = Nuevo usuario
users-edit-title = Usuario: { $name }
users-search = Buscar por nombre, identificador, correo o empresa
users-add = Añadir un usuario
users-create = Crear la cuenta
users-active = Activos
users-disabled = Desactivados
users-count = { $count ->
        [one] Una cuenta
       *[other] { $count } cuentas
    }
users-none = Ninguna cuenta coincide.
users-col-name = Nombre
users-col-login = Identificador
users-col-mail = Correo
users-col-company = Empresa
users-col-profile = Perfil
users-col-last-login = Última conexión
users-confirm-disable = ¿Desactivar esta cuenta? El usuario ya no podrá iniciar sesión; sus tickets se conservan.
users-is-disabled = Esta cuenta está desactivada: su usuario no puede iniciar sesión.
users-disabled-badge = desactivada
users-requesters-title = Solicitantes asociados
users-requesters-help = Un ticket abierto por uno de estos usuarios (o por un miembro de uno de estos grupos) se asigna automáticamente a este técnico.
users-requesters-none = Ningún solicitante asociado.
users-requesters-add = Asociar un solicitante
users-groups-title = Grupos
users-groups-none = No es miembro de ningún grupo.

user-section-identity = Identidad
user-section-details = Detalles
user-section-organisation = Organización y acceso
user-section-preferences = Preferencias
user-section-limits = Límite de tickets
user-field-firstname = Nombre
user-field-lastname = Apellido
user-field-login = Identificador
user-field-mail = Dirección de correo
user-field-phone = Teléfono
user-field-password = Contraseña
user-field-password-confirm = Confirme la contraseña
user-password-keep = Deje ambos vacíos para conservar la contraseña actual.
user-field-company = Empresa
user-field-mobile = Móvil
user-field-fax = Fax
user-field-function = Cargo
user-field-address1 = Dirección
user-field-address2 = Dirección (continuación)
user-field-zip = Código postal
user-field-city = Ciudad
user-field-custom1 = Campo libre 1
user-field-custom2 = Campo libre 2
user-field-services = Servicios
user-field-agencies = Agencias
user-field-profile = Perfil
user-field-must-change = Debe cambiar la contraseña en el próximo inicio de sesión
user-field-language = Idioma
user-field-theme = Tema
user-field-default-state = Tickets mostrados al iniciar sesión
user-field-order = Orden de los tickets
user-field-limit-number = Número máximo de tickets
user-field-limit-days = Durante cuántos días
user-field-limit-start = Contando desde
user-limit-hint = 0 significa sin límite.

theme-blue = Azul
theme-black = Negro
theme-pink = Rosa
theme-grey = Gris
state-meta = Por tratar (en espera, en curso, en espera del usuario)
order-state = Estado, luego prioridad, criticidad y fecha
order-created-desc = Los más recientes primero
order-created-asc = Los más antiguos primero
order-number-desc = Número de ticket, el mayor primero
order-priority = Prioridad, luego fecha
order-criticality = Criticidad, luego fecha
order-hope-date = Fecha de resolución deseada, la más próxima primero
order-modified-desc = Últimos modificados primero

profile-tab-information = Información
profile-tab-settings = Parámetros
profile-groups = Mis grupos

views-title = Vistas personales
views-help = Una vista personal es un acceso directo en el menú izquierdo a los tickets de una categoría o subcategoría.
views-none = Aún no hay vistas personales.
views-too-many = Ya tiene { $max } vistas personales; elimine una para añadir otra.
views-name = Nombre de la vista
views-target = Categoría o subcategoría

groups-title = Grupos
groups-tab-user = Grupos de usuarios
groups-tab-technician = Grupos de técnicos
groups-kind-user = Grupo de usuarios
groups-kind-technician = Grupo de técnicos
groups-none = Aún no hay grupos.
groups-add = Nuevo grupo
groups-name = Nombre
groups-rename = Nombre del grupo
groups-members = Miembros
groups-members-none = Aún no hay miembros.
groups-members-count = { $count ->
        [one] un miembro
       *[other] { $count } miembros
    }
groups-add-member = Añadir un miembro
groups-delete = Eliminar el grupo
groups-confirm-delete = ¿Eliminar este grupo? Sus miembros se conservan; solo desaparece el grupo.

quick-user-new = Nuevo usuario…
quick-user-title = Nuevo usuario

register-title = Crear una cuenta
register-intro = Cree su cuenta para declarar solicitudes e incidencias y seguirlas.
register-submit = Crear mi cuenta
register-have-account = Ya tengo una cuenta
login-register = Crear una cuenta
quick-user-edit = Corregir este usuario…
quick-user-edit-title = Corregir un usuario
users-locked = Esta cuenta está bloqueada tras repetidos inicios de sesión fallidos, hasta { $until } (desde direcciones que nunca usó).
users-unlock = Desbloquear
users-erase-link = Eliminar…
users-erase-title = Eliminar a { $name }
users-erase-delete = { $name } no tiene ningún ticket, respuesta ni archivo: la cuenta se eliminará.
users-erase-anonymise = { $count ->
    [0] Hay respuestas o archivos de { $name } en tickets
    [one] { $name } figura en un ticket
   *[other] { $name } figura en { $count } tickets
}: la cuenta se anonimizará (nombre, usuario, datos de contacto y contraseña borrados, cuenta desactivada) y los tickets se conservarán tal cual.
users-erase-final = Esta acción no se puede deshacer.
users-erase-delete-button = Eliminar la cuenta
users-erase-anonymise-button = Anonimizar la cuenta
error-cannot-delete-self = No puede eliminar su propia cuenta.
user-password-optional = Déjelo vacío para un solicitante que no iniciará sesión; se puede definir una contraseña más tarde.
