-- When a grain must next be woken, written by the grain storage in the same statement as the state it belongs to
-- (an order with a duty or step left to finish, an unpacked order's expiry). NULL: nothing is due. The order
-- sweeper asks for the rows whose time has come, earliest first, instead of every order keeping a reminder row.

ALTER TABLE tandem_grain_state ADD COLUMN due_at timestamptz;

CREATE INDEX tandem_grain_state_due ON tandem_grain_state (service_id, state_name, due_at) WHERE due_at IS NOT NULL;
