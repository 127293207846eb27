-- delivery_log: one row per briefing, channel and recipient, so each message goes out once (states as in SQLite's 014:
-- sending, sent, failed, uncertain, queued). recipient: mail address, robot name (never its URL, which carries the key) or folder.
-- Key columns are bounded so the unique index fits SQL Server's 1700-byte key limit.
CREATE TABLE delivery_log (
    delivery_id  bigint IDENTITY(1,1) PRIMARY KEY,
    briefing     nvarchar(200)  NOT NULL,
    channel      nvarchar(20)   NOT NULL CONSTRAINT ck_delivery_log_channel CHECK (channel IN (N'mail', N'wecom', N'dingtalk', N'folder')),
    recipient    nvarchar(400)  NOT NULL,
    state        nvarchar(20)   NOT NULL CONSTRAINT ck_delivery_log_state
                     CHECK (state IN (N'sending', N'sent', N'failed', N'uncertain', N'queued')),
    transient    bigint NOT NULL CONSTRAINT df_delivery_log_transient DEFAULT 0,
    attempts     bigint NOT NULL CONSTRAINT df_delivery_log_attempts DEFAULT 0,
    parts        bigint NOT NULL CONSTRAINT df_delivery_log_parts DEFAULT 0,
    parts_sent   bigint NOT NULL CONSTRAINT df_delivery_log_parts_sent DEFAULT 0,
    bytes        bigint NOT NULL CONSTRAINT df_delivery_log_bytes DEFAULT 0,
    owner        nvarchar(400)  NULL,
    claimed_at   datetimeoffset NULL,
    finished_at  datetimeoffset NULL,
    error        nvarchar(max)  NULL,
    detail       nvarchar(max)  NULL,
    CONSTRAINT uq_delivery_log UNIQUE (briefing, channel, recipient)
);
CREATE INDEX ix_delivery_log_state ON delivery_log (state);
