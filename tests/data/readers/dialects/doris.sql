CREATE TABLE IF NOT EXISTS example_db.users (
  `user_id` LARGEINT NOT NULL COMMENT "用户id",
  `phone` VARCHAR(32) COMMENT "手机号"
) DUPLICATE KEY(`user_id`)
DISTRIBUTED BY HASH(`user_id`) BUCKETS 10
PROPERTIES ("replication_num" = "1");
