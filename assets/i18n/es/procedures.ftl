# Procedimientos: guías compartidas, clasificadas por categoría de ticket.
menu-procedures = Procedimientos
procedures-heading = Procedimientos
procedures-search = Buscar procedimientos
procedures-category = Categoría
procedures-subcategory = Subcategoría
procedures-all-categories = Todas las categorías
procedures-new = Nuevo procedimiento
procedures-count = { $count ->
        [one] Un procedimiento
       *[other] { $count } procedimientos
    }
procedures-none = Todavía no hay procedimientos.
procedures-none-found = Ningún procedimiento coincide con esta búsqueda.
procedures-title = Título
procedures-company = Empresa
procedures-published = Publicado para los solicitantes
procedures-published-help = Los solicitantes lo ven entonces desde sus tickets de la misma categoría; los técnicos lo ven siempre.
procedures-updated = Último cambio
procedures-files = Archivos
procedures-yes = Sí
procedures-no = No
procedures-published-badge = Publicado
procedures-draft-badge = Solo técnicos
procedures-back = Todos los procedimientos
procedures-edit = Editar el procedimiento
procedures-confirm-delete = ¿Eliminar este procedimiento y sus archivos?
procedures-confirm-remove-file = ¿Quitar este archivo del procedimiento?
procedures-written-by = Escrito por { $name } el { $date }
procedures-changed-by = modificado por { $name } el { $date }
procedures-body = Texto
procedures-body-help = Markdown: **negrita**, *cursiva*, listas, enlaces, `código`, tablas. Los scripts y estilos se eliminan.
procedures-add-files = Añadir archivos
procedures-conflict = Alguien modificó este procedimiento mientras lo editaba. Su texto está abajo: revíselo y guarde de nuevo para reemplazar su versión.
procedures-filed-in = Categoría: { $name }
procedures-of-company = Empresa: { $name }
procedures-for-ticket = Procedimientos de esta categoría
usage-procedures = usado por { $count ->
        [one] un procedimiento
       *[other] { $count } procedimientos
    }
