-- The local engine's tables. One portable dialect for SQLite and PostgreSQL:
-- ids are UUID text, times are BIGINT milliseconds since the Unix epoch, flags
-- are BIGINT 0/1 and JSON is TEXT, so one set of queries serves both stores.

CREATE TABLE identities (
    id TEXT PRIMARY KEY,
    schema_id TEXT NOT NULL,
    traits TEXT NOT NULL,
    state TEXT NOT NULL,
    recovery_addresses TEXT NOT NULL,
    metadata_public TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- The `code` credential: its addresses ({channel, address}) as JSON.
CREATE TABLE identity_credentials (
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    type TEXT NOT NULL,
    config TEXT NOT NULL,
    PRIMARY KEY (identity_id, type)
);

-- One row per credential identifier: the primary key is what makes a second
-- account with the same identifier impossible.
CREATE TABLE identity_credential_identifiers (
    type TEXT NOT NULL,
    identifier TEXT NOT NULL,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    PRIMARY KEY (type, identifier)
);
CREATE INDEX identity_credential_identifiers_identity ON identity_credential_identifiers (identity_id);

CREATE TABLE identity_verifiable_addresses (
    id TEXT PRIMARY KEY,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    via TEXT NOT NULL,
    value TEXT NOT NULL,
    verified BIGINT NOT NULL,
    status TEXT NOT NULL,
    verified_at BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    UNIQUE (via, value)
);
CREATE INDEX identity_verifiable_addresses_identity ON identity_verifiable_addresses (identity_id);

-- Login, registration and verification flows. `context` is engine state that is
-- not part of the public flow (the identifier, the traits the codes went to);
-- `ui` is the uiContainer the API returns.
CREATE TABLE flows (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    type TEXT NOT NULL,
    state TEXT NOT NULL,
    active TEXT,
    submit_count BIGINT NOT NULL DEFAULT 0,
    request_url TEXT NOT NULL,
    return_to TEXT,
    context TEXT NOT NULL,
    ui TEXT NOT NULL,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- One-time codes: only the keyed hash is stored, never the code.
CREATE TABLE codes (
    id TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL REFERENCES flows (id) ON DELETE CASCADE,
    code_hmac TEXT NOT NULL,
    address TEXT NOT NULL,
    via TEXT NOT NULL,
    identity_id TEXT,
    issued_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX codes_flow ON codes (flow_id);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
    aal TEXT NOT NULL,
    authentication_methods TEXT NOT NULL,
    active BIGINT NOT NULL,
    issued_at BIGINT NOT NULL,
    authenticated_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_identity ON sessions (identity_id);

-- The courier queue: queued -> processing -> sent | abandoned. A message being
-- processed holds a lease; an engine that dies mid-send leaves the lease to
-- expire and another pass takes the message up again.
CREATE TABLE courier_messages (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    template_type TEXT NOT NULL,
    template_data TEXT NOT NULL,
    flow_id TEXT,
    send_count BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_until BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX courier_messages_queue ON courier_messages (status, next_attempt_at);
CREATE INDEX courier_messages_recipient ON courier_messages (recipient);
CREATE INDEX courier_messages_flow ON courier_messages (flow_id);

CREATE TABLE courier_message_dispatches (
    id TEXT PRIMARY KEY,
    message_id TEXT NOT NULL REFERENCES courier_messages (id) ON DELETE CASCADE,
    status TEXT NOT NULL,
    error TEXT,
    created_at BIGINT NOT NULL
);
CREATE INDEX courier_message_dispatches_message ON courier_message_dispatches (message_id);

-- Engine state that must outlive a process, e.g. the generated code secret when
-- the config has none.
CREATE TABLE engine_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
