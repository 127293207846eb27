-- delivery_log: one row per briefing, channel and recipient, so each message goes out once. state:
--   sending   claimed by a run that is sending it now (a row left in this state by a run that died becomes uncertain);
--   sent      every part accepted by the server (SMTP 250, robot errcode 0, folder copied);
--   failed    refused or not reached; nothing arrived, so the next run (or the re-send button) may send it again;
--   uncertain the run stopped after the message left and before the answer came: it may have arrived, so only a person
--             (the dashboard's re-send button) sends it again;
--   queued    a person asked for a re-send; the next delivery run sends it.
-- parts/parts_sent: a robot delivery is several messages (images, then markdown); a retry resumes after the last accepted.
-- recipient: the mail address, the robot's name (never its URL: the URL carries the robot's key), or the folder.
CREATE TABLE IF NOT EXISTS delivery_log (
    delivery_id  INTEGER PRIMARY KEY,
    briefing     TEXT NOT NULL,
    channel      TEXT NOT NULL CHECK (channel IN ('mail', 'wecom', 'dingtalk', 'folder')),
    recipient    TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('sending', 'sent', 'failed', 'uncertain', 'queued')),
    transient    INTEGER NOT NULL DEFAULT 0,
    attempts     INTEGER NOT NULL DEFAULT 0,
    parts        INTEGER NOT NULL DEFAULT 0,
    parts_sent   INTEGER NOT NULL DEFAULT 0,
    bytes        INTEGER NOT NULL DEFAULT 0,
    owner        TEXT,
    claimed_at   TEXT,
    finished_at  TEXT,
    error        TEXT,
    detail       TEXT,
    UNIQUE (briefing, channel, recipient)
);
CREATE INDEX IF NOT EXISTS ix_delivery_log_state ON delivery_log (state);
