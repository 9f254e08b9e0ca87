CREATE TABLE events (
  uid UInt64 COMMENT '用户',
  phone String COMMENT '手机号',
  ts DateTime
) ENGINE = MergeTree() ORDER BY (uid, ts) PARTITION BY toYYYYMM(ts);
