-- Availability: which services (categories, or subcategories of them) are monitored, which
-- ones impact every monitored service when they fail, the yearly target rate of each monitored
-- subcategory, and the unavailability a ticket records when it differs from the ticket's own
-- dates (from its opening to its resolution).

-- A category as a whole (subcategory_id NULL) or one of its subcategories.
CREATE TABLE availability_monitored (
    id             INTEGER PRIMARY KEY,
    category_id    INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    subcategory_id INTEGER REFERENCES subcategories(id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX availability_monitored_one
    ON availability_monitored(category_id, COALESCE(subcategory_id, 0));

CREATE TABLE availability_dependencies (
    id             INTEGER PRIMARY KEY,
    category_id    INTEGER NOT NULL REFERENCES categories(id) ON DELETE CASCADE,
    subcategory_id INTEGER REFERENCES subcategories(id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX availability_dependencies_one
    ON availability_dependencies(category_id, COALESCE(subcategory_id, 0));

-- The rate (percent) a monitored subcategory should reach over a year.
CREATE TABLE availability_targets (
    subcategory_id INTEGER NOT NULL REFERENCES subcategories(id) ON DELETE CASCADE,
    year           INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2200),
    target         REAL NOT NULL CHECK (target >= 0 AND target <= 100),
    PRIMARY KEY (subcategory_id, year)
) WITHOUT ROWID;

-- A ticket's unavailability as corrected by a technician (absent: from its opening to its
-- resolution, unplanned).
CREATE TABLE ticket_unavailability (
    ticket_id  INTEGER PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
    starts_at  INTEGER NOT NULL,
    ends_at    INTEGER,
    planned    INTEGER NOT NULL DEFAULT 0 CHECK (planned IN (0, 1)),
    updated_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
    updated_at INTEGER NOT NULL,
    CHECK (ends_at IS NULL OR ends_at > starts_at)
);
