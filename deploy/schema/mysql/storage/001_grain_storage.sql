-- Orleans grain state on MariaDB, with the queries Orleans' ADO.NET grain storage runs. Applied
-- to every database that holds grain state (platform, orders).
-- The write query keeps two user variables between its statements, which is why the connection
-- string needs "Allow User Variables=true" (the platform adds it).

CREATE TABLE IF NOT EXISTS OrleansQuery
(
    QueryKey  VARCHAR(64) NOT NULL,
    QueryText TEXT        NOT NULL,
    CONSTRAINT PK_OrleansQuery PRIMARY KEY (QueryKey)
) CHARACTER SET utf8mb4;

-- One row per grain state. Looked up by two 32-bit hashes (a narrow index); the full key
-- columns settle the rare hash collision.
CREATE TABLE IF NOT EXISTS OrleansStorage
(
    GrainIdHash            INT          NOT NULL,
    GrainIdN0              BIGINT       NOT NULL,
    GrainIdN1              BIGINT       NOT NULL,
    GrainTypeHash          INT          NOT NULL,
    GrainTypeString        VARCHAR(512) NOT NULL,
    GrainIdExtensionString VARCHAR(512) NULL,
    ServiceId              VARCHAR(150) NOT NULL,
    PayloadBinary          LONGBLOB     NULL,
    ModifiedOn             DATETIME(3)  NOT NULL,
    Version                INT          NULL,
    KEY IX_OrleansStorage (GrainIdHash, GrainTypeHash)
) CHARACTER SET utf8mb4;

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ReadFromStorageKey', '
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND ServiceId = @ServiceId
LIMIT 1;');

-- Update when the caller holds the current version; insert when it has never been written.
-- Anything else (a stale version, a second first write) changes nothing and returns the
-- version the caller holds, unchanged, which Orleans reports as an inconsistent state.
REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('WriteToStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = @PayloadBinary, ModifiedOn = UTC_TIMESTAMP(3), Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND @GrainStateVersion IS NOT NULL AND Version = @GrainStateVersion;
SET @medplatform_updated = ROW_COUNT();
INSERT INTO OrleansStorage
    (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString, ServiceId, PayloadBinary, ModifiedOn, Version)
SELECT @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString, @GrainIdExtensionString, @ServiceId, @PayloadBinary, UTC_TIMESTAMP(3), 1
FROM DUAL
WHERE @GrainStateVersion IS NULL
  AND NOT EXISTS (
    SELECT 1 FROM OrleansStorage
    WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
      AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
      AND GrainTypeString = @GrainTypeString
      AND GrainIdExtensionString <=> @GrainIdExtensionString
      AND ServiceId = @ServiceId);
SET @medplatform_inserted = ROW_COUNT();
SELECT CASE
    WHEN @medplatform_updated > 0 THEN @GrainStateVersion + 1
    WHEN @medplatform_inserted > 0 THEN 1
    ELSE @GrainStateVersion
END AS NewGrainStateVersion;');

REPLACE INTO OrleansQuery (QueryKey, QueryText) VALUES ('ClearStorageKey', '
UPDATE OrleansStorage
SET PayloadBinary = NULL, ModifiedOn = UTC_TIMESTAMP(3), Version = Version + 1
WHERE GrainIdHash = @GrainIdHash AND GrainTypeHash = @GrainTypeHash
  AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
  AND GrainTypeString = @GrainTypeString
  AND GrainIdExtensionString <=> @GrainIdExtensionString
  AND ServiceId = @ServiceId
  AND Version = @GrainStateVersion;
SELECT CASE WHEN ROW_COUNT() > 0 THEN @GrainStateVersion + 1 ELSE @GrainStateVersion END AS NewGrainStateVersion;');
