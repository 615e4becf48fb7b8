-- Operators' browser sessions (the form login at /login). The cookie carries a random token; only its SHA-256 is
-- stored, so a copy of this table logs nobody in. Every replica reads the same rows, and logging out deletes the row:
-- a session ends everywhere at once. Each session has its own CSRF token, which every operator form carries.
CREATE TABLE operator_session (
    token_hash  CHAR(64)     NOT NULL PRIMARY KEY,
    username    VARCHAR(128) NOT NULL,
    csrf_token  VARCHAR(64)  NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL
);
CREATE INDEX ix_operator_session_expires ON operator_session (expires_at);
