-- benchmarks/run: COUNT completed downloads appended to a transfers.db that bgtransfer created (its schema,
-- its id sequence), in one transaction. Run as: sqlite3 transfers.db -cmd ".parameter set @count N" < fill-store.sql
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @count)
INSERT INTO transfers (id, url, title, folder, file_name, file, state, bytes, total, sha256, created_ms, updated_ms,
                       finished_ms, session)
SELECT (SELECT last_id FROM sequence) + i,
       printf('https://downloads.example.org/history/stored-%07d.bin', i),
       printf('stored-%07d.bin', i),
       '/tmp/bgtransfer-history-downloads',
       printf('stored-%07d.bin', i),
       printf('/tmp/bgtransfer-history-downloads/stored-%07d.bin', i),
       'COMPLETED', 1000000 + i, 1000000 + i,
       '0000000000000000000000000000000000000000000000000000000000000000',
       1764900000000, 1764900000000, 1764900000000, 'default'
FROM n;
UPDATE sequence SET last_id = last_id + @count;
COMMIT;
