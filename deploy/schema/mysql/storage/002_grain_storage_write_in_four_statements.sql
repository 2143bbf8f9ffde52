-- The grain state write in four statements instead of five: the insert's row count is read by
-- ROW_COUNT() in the closing SELECT rather than kept in a variable first. Grain state writes are
-- most of the statements an order asks of the database (five writes an order, each a multi-statement).
-- Same meaning as before: update when the caller holds the current version, insert when the state
-- has never been written, otherwise change nothing and return the version the caller holds.
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
SELECT CASE
    WHEN @medplatform_updated > 0 THEN @GrainStateVersion + 1
    WHEN ROW_COUNT() > 0 THEN 1
    ELSE @GrainStateVersion
END AS NewGrainStateVersion;');
