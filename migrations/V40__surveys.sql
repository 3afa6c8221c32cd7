-- Satisfaction surveys: the questions (each worded in the languages the team uses), the mail
-- that invites a requester (one text per language), the invitations (one per ticket, a
-- single-use link whose secret is kept only as its SHA-256) and the answers.

CREATE TABLE survey_questions (
    id       INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    -- yes_no, text (free), choice (one of up to five), scale (1..scale)
    kind     TEXT NOT NULL CHECK (kind IN ('yes_no', 'text', 'choice', 'scale')),
    scale    INTEGER NOT NULL DEFAULT 5 CHECK (scale BETWEEN 2 AND 10),
    -- Removed questions are kept for the answers already given to them.
    removed  INTEGER NOT NULL DEFAULT 0
);

-- A question's wording in one language: its text, its choices (one per line) and the labels
-- of a scale's two ends.
CREATE TABLE survey_question_texts (
    question_id INTEGER NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    lang        TEXT NOT NULL CHECK (lang IN ('fr', 'en', 'es', 'de')),
    text        TEXT NOT NULL,
    choices     TEXT NOT NULL DEFAULT '',
    low_label   TEXT NOT NULL DEFAULT '',
    high_label  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (question_id, lang)
) WITHOUT ROWID;

-- The invitation's text per language (Markdown with the ticket's tags); none: the built-in one.
CREATE TABLE survey_mail_texts (
    lang TEXT PRIMARY KEY CHECK (lang IN ('fr', 'en', 'es', 'de')),
    body TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE survey_invitations (
    id          INTEGER PRIMARY KEY,
    ticket_id   INTEGER NOT NULL UNIQUE REFERENCES tickets(id) ON DELETE CASCADE,
    token_hash  TEXT NOT NULL UNIQUE,
    lang        TEXT NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    answered_at INTEGER
);
CREATE INDEX survey_invitations_answered ON survey_invitations(answered_at)
    WHERE answered_at IS NOT NULL;

-- One answer to one question: "yes"/"no", the free text, the choice's number (1..5), or the
-- scale's figure.
CREATE TABLE survey_answers (
    invitation_id INTEGER NOT NULL REFERENCES survey_invitations(id) ON DELETE CASCADE,
    question_id   INTEGER NOT NULL REFERENCES survey_questions(id),
    answer        TEXT NOT NULL,
    PRIMARY KEY (invitation_id, question_id)
) WITHOUT ROWID;
CREATE INDEX survey_answers_question ON survey_answers(question_id);
