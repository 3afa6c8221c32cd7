# Procedures: shared how-tos filed under ticket categories.
menu-procedures = Procedures
procedures-heading = Procedures
procedures-search = Search procedures
procedures-category = Category
procedures-subcategory = Subcategory
procedures-all-categories = All categories
procedures-new = New procedure
procedures-count = { $count ->
        [one] One procedure
       *[other] { $count } procedures
    }
procedures-none = No procedure yet.
procedures-none-found = No procedure matches this search.
procedures-title = Title
procedures-company = Company
procedures-published = Published to requesters
procedures-published-help = Requesters then see it from their tickets of the same category; technicians always see it.
procedures-updated = Last change
procedures-files = Files
procedures-yes = Yes
procedures-no = No
procedures-published-badge = Published
procedures-draft-badge = Technicians only
procedures-back = All procedures
procedures-edit = Edit procedure
procedures-confirm-delete = Delete this procedure and its files?
procedures-confirm-remove-file = Remove this file from the procedure?
procedures-written-by = Written by { $name } on { $date }
procedures-changed-by = changed by { $name } on { $date }
procedures-body = Text
procedures-body-help = Markdown: **bold**, *italic*, lists, links, `code`, tables. Scripts and styles are removed.
procedures-add-files = Add files
procedures-conflict = Someone changed this procedure while you were editing it. Your text is below: check it, then save again to replace their version.
procedures-filed-in = Category: { $name }
procedures-of-company = Company: { $name }
procedures-for-ticket = Procedures for this category
usage-procedures = used by { $count ->
        [one] one procedure
       *[other] { $count } procedures
    }
