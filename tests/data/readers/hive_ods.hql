CREATE EXTERNAL TABLE IF NOT EXISTS ods.user_info (
  user_id BIGINT COMMENT '用户ID',
  phone STRING COMMENT '手机号',
  addr STRUCT<city:STRING, street:STRING> COMMENT '地址'
)
COMMENT '用户信息'
PARTITIONED BY (dt STRING COMMENT '分区日期')
STORED AS ORC
LOCATION 'hdfs:///warehouse/ods/user_info';
