-- Message Center attachments (sqlite dialect). Keep in step with ../postgres/0018_message_attachments.sql.

-- A file a customer or a staff member uploaded, stored in the object store under `object_key`
-- (server-made; the person's file name is kept, sanitised, only for the download). The row is
-- written before the object ('uploading'), marked 'ready' once the object is complete and its
-- checks passed, and tied to a message when that message is sent. A row never tied to a message
-- within a day is swept, object first (the purge job), so a crash mid-upload leaves nothing behind.
-- It goes with its message (30 days, unless the thread is held).
CREATE TABLE message_attachments (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    object_key   TEXT    NOT NULL UNIQUE,
    file_name    TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size_bytes   INTEGER NOT NULL DEFAULT 0,
    status       TEXT    NOT NULL,
    customer_id  INTEGER REFERENCES customers(id) ON DELETE CASCADE,
    staff_id     INTEGER REFERENCES staff(id),
    message_id   INTEGER REFERENCES messages(id),
    uploaded_at  INTEGER NOT NULL
);
CREATE INDEX message_attachments_message ON message_attachments (message_id, id);
CREATE INDEX message_attachments_uploaded ON message_attachments (uploaded_at);
