-- The live KPIs' history, written by the KPI grains (cluster mode) for ops to query with SQL: per region ('all' for the
-- whole city, else a dispatch zone), minute and measure, how many facts were counted and the sum of their values (a
-- minute's totals are upserted whenever they change). Indicators are ratios of these: e.g. on-time % over a day is
-- sum(total) / sum(count) of measure 'delivery'.

CREATE TABLE tandem_kpi_minute (
    service_id text             NOT NULL,
    region     text             NOT NULL,
    minute     timestamptz      NOT NULL,
    measure    text             NOT NULL,
    count      bigint           NOT NULL,
    total      double precision NOT NULL,
    updated_at timestamptz      NOT NULL DEFAULT now(),
    PRIMARY KEY (service_id, region, minute, measure)
);
