-- Facts for analysis, written by the grains that own them (cluster mode), for ops to query with SQL: each
-- SKU-location's demand per day (its totals, upserted whenever they change) and every forecast made, with its inputs.

CREATE TABLE tandem_demand_day (
    service_id  text          NOT NULL,
    sku         text          NOT NULL,
    location_id text          NOT NULL,
    day         date          NOT NULL,
    units       integer       NOT NULL,
    returned    integer       NOT NULL,
    revenue     numeric(14,2) NOT NULL,
    updated_at  timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, sku, location_id, day)
);

CREATE TABLE tandem_forecast (
    service_id    text             NOT NULL,
    sku           text             NOT NULL,
    location_id   text             NOT NULL,
    made_at       timestamptz      NOT NULL,
    origin        date             NOT NULL,
    stage         text             NOT NULL,
    model_version text             NOT NULL,
    model_weight  double precision NOT NULL,
    days          jsonb            NOT NULL,
    signals       jsonb            NOT NULL,
    stock         jsonb,
    PRIMARY KEY (service_id, sku, location_id, made_at)
);
