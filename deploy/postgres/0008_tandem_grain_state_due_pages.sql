-- The order sweeper reads due rows a page at a time, each page starting after the last row of the previous one
-- (due time, then grain id): the index orders rows the same way, so every page starts where the last one ended.

DROP INDEX tandem_grain_state_due;

CREATE INDEX tandem_grain_state_due ON tandem_grain_state (service_id, state_name, due_at, grain_id) WHERE due_at IS NOT NULL;
