-- Grain state written by Tandem's own grain storage (Hosting/Storage), which sends the writes of many
-- activations to PostgreSQL together. One row per grain and state name; "version" is the ETag: a write
-- names the version it read and succeeds only if the row still has it (NULL: the row must not exist yet).
-- "payload" is the serialized state (UTF-8 JSON for Tandem's grains, see StateSerializer); NULL once cleared,
-- the row and its version staying so a stale writer is still refused.
-- Orleans' stream subscriptions stay in orleans_storage (0003).

CREATE TABLE tandem_grain_state (
    service_id   text        NOT NULL,
    grain_id     text        NOT NULL,
    state_name   text        NOT NULL,
    payload      bytea,
    version      bigint      NOT NULL,
    modified_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, grain_id, state_name)
);
