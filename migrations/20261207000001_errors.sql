-- Self-service errors (Kratos' `selfservice_errors`): an error a browser was
-- sent to the error page with, read back by id from `/self-service/errors`.
-- Same dialect as the engine's tables: UUID text, BIGINT milliseconds, TEXT JSON.

CREATE TABLE selfservice_errors (
    id TEXT PRIMARY KEY,
    error TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    seen_at BIGINT
);

-- Only the newest errors are kept (`store::errors::KEPT_ERRORS`): a flood of
-- refused requests cannot grow the table without end.
CREATE INDEX selfservice_errors_created_at ON selfservice_errors (created_at);
