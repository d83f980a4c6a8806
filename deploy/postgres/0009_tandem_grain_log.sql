-- States that record their changes (an inventory cell: every hold, commit, release) are stored as a whole copy in
-- tandem_grain_state now and then, and in between as the changes of each write, one row per write, appended here.
-- A row is numbered after the last one its writer read; the number is unique per grain and state, so of two
-- activations appending after the same row, one is refused. An append is made only while the whole copy still has
-- the version its writer read (the copy's row is locked for that check), so an activation that read before a newer
-- copy was written cannot append behind it. "log_through": the last row the whole copy includes; rows up to it are
-- deleted when the copy is written. "changes" is NULL for the row written with a whole copy (it only takes the number).

ALTER TABLE tandem_grain_state ADD COLUMN log_through bigint NOT NULL DEFAULT 0;

CREATE TABLE tandem_grain_log (
    service_id  text   NOT NULL,
    grain_id    text   NOT NULL,
    state_name  text   NOT NULL,
    seq         bigint NOT NULL,
    changes     bytea,
    PRIMARY KEY (service_id, grain_id, state_name, seq)
);
