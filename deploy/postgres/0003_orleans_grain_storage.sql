-- Grain state for Orleans' ADO.NET grain storage. A row is found by its hashes and then matched exactly;
-- "version" is the ETag. Writes are conditional on the version the grain holds: a NULL result means
-- "someone else wrote first" and Orleans raises an InconsistentStateException.
-- Tandem's own state is UTF-8 JSON (see StateSerializer); Orleans' stream subscriptions are binary.

CREATE TABLE orleans_storage (
    service_id       varchar(150)  NOT NULL,
    grain_type_hash  integer       NOT NULL,
    grain_id_hash    integer       NOT NULL,
    grain_type       varchar(512)  NOT NULL,
    grain_id_n0      bigint        NOT NULL,
    grain_id_n1      bigint        NOT NULL,
    grain_id_ext     varchar(1024),
    payload          bytea,
    version          integer       NOT NULL,
    modified_at      timestamptz   NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX orleans_storage_identity
    ON orleans_storage (grain_id_hash, grain_type_hash, service_id, grain_type, grain_id_n0, grain_id_n1, coalesce(grain_id_ext, ''));

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', $q$
SELECT payload AS "PayloadBinary", version AS "Version"
  FROM orleans_storage
 WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
   AND service_id = @ServiceId AND grain_type = @GrainTypeString
   AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
   AND coalesce(grain_id_ext, '') = coalesce(@GrainIdExtensionString::varchar, '');
$q$),

('WriteToStorageKey', $q$
WITH updated AS (
    UPDATE orleans_storage
       SET payload = @PayloadBinary, version = version + 1, modified_at = now()
     WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND coalesce(grain_id_ext, '') = coalesce(@GrainIdExtensionString::varchar, '')
       AND version = @GrainStateVersion::integer
    RETURNING version
), inserted AS (
    INSERT INTO orleans_storage (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1,
                                 grain_id_ext, payload, version)
    SELECT @ServiceId, @GrainTypeHash, @GrainIdHash, @GrainTypeString, @GrainIdN0, @GrainIdN1,
           @GrainIdExtensionString::varchar, @PayloadBinary, 1
     WHERE @GrainStateVersion::integer IS NULL
    ON CONFLICT DO NOTHING
    RETURNING version
)
SELECT coalesce((SELECT version FROM updated), (SELECT version FROM inserted)) AS "NewGrainStateVersion";
$q$),

('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleans_storage
       SET payload = NULL, version = version + 1, modified_at = now()
     WHERE grain_id_hash = @GrainIdHash AND grain_type_hash = @GrainTypeHash
       AND service_id = @ServiceId AND grain_type = @GrainTypeString
       AND grain_id_n0 = @GrainIdN0 AND grain_id_n1 = @GrainIdN1
       AND coalesce(grain_id_ext, '') = coalesce(@GrainIdExtensionString::varchar, '')
       AND version = @GrainStateVersion::integer
    RETURNING version
)
SELECT (SELECT version FROM cleared) AS "Version";
$q$);
